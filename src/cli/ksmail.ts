/**
 * ksmail: the site's checkers on the command line, for agencies and scripts. Same library as the
 * islands; each command is a file in ./commands. This entry reads the arguments, finds the
 * command, refuses options that are not its own, runs it, and sends every error through
 * reportError (./errors). Exit codes: 0 no errors, 1 errors found, 2 bad usage or input.
 */
import { optionValues, readArgs } from './args';
import type { CliIo } from './command';
import { COMMANDS } from './commands';
import { EXIT_USAGE, reportError, UsageError } from './errors';
import { commandHelp, overview } from './help';

export type { CliIo } from './command';

export async function runKsmail(argv: string[], io: CliIo): Promise<number> {
  let help = overview(COMMANDS);
  try {
    const args = readArgs(argv, COMMANDS);
    const command = COMMANDS.find((candidate) => candidate.name === args.name);
    if (command) help = commandHelp(command);
    if (args.help) {
      io.stdout(help);
      return 0;
    }
    if (args.name === undefined && args.options.length === 0) {
      io.stdout(help);
      return EXIT_USAGE;
    }
    if (!command)
      throw new UsageError(
        args.name === undefined
          ? '缺少命令。'
          : `未知命令：${args.name}。可用的命令：${COMMANDS.map((known) => known.name).join('、')}`,
      );
    const values = optionValues(args.options, command, COMMANDS);
    return await command.run({ positionals: args.positionals, values, io });
  } catch (error) {
    return reportError(error, io, { help });
  }
}
