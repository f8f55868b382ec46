/** Runs ksmail as a process (bin/ksmail.mjs imports this): argv, the real stdio, the exit code. */
import { readFileSync } from 'node:fs';
import { runKsmail } from './ksmail';

process.exitCode = await runKsmail(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  stdin: () => readFileSync(0, 'utf8'),
});
