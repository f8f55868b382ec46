/** Runs ksmail as a process (bin/ksmail.mjs imports this): argv, the real stdio, the exit code. */
import { draftTooLarge } from '../lib/input-limit-messages';
import { MAX_DRAFT_BYTES } from '../lib/input-limits';
import { readBounded } from '../lib/node/attachment-files';
import { runKsmail } from './ksmail';

// `ksmail law | head`: the reader closed the pipe, so the rest of the output has no one to read
// it. That is how pipelines end, not an error of ours: stop quietly as Unix tools do, instead of
// Node's unhandled 'error' event (EPIPE and a stack trace). Any other write error still throws.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });

process.exitCode = await runKsmail(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  // Bytes, bounded: the draft reader decodes them, and `cat /dev/zero | ksmail draft -` ends.
  stdin: () => readBounded(0, MAX_DRAFT_BYTES, (read) => draftTooLarge(read, '标准输入')!),
});
