/** Runs ksmail as a process (bin/ksmail.mjs imports this): argv, the real stdio, the exit code. */
import { draftTooLarge } from '../lib/input-limit-messages';
import { MAX_DRAFT_BYTES } from '../lib/input-limits';
import { readBounded } from '../lib/node/attachment-files';
import { runKsmail } from './ksmail';

process.exitCode = await runKsmail(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  // Bytes, bounded: the draft reader decodes them, and `cat /dev/zero | ksmail draft -` ends.
  stdin: () => readBounded(0, MAX_DRAFT_BYTES, (read) => draftTooLarge(read, '标准输入')!),
});
