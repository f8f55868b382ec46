/**
 * ksmail's argument reading. `readArgs` splits the command line into the command's name, its
 * positional arguments and the options as written; `optionValues` then checks every option against
 * the command's definition. An option of another command, an unknown option, a missing value or a
 * value given to a flag is a UsageError (exit 2) that names the option and lists what is accepted.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { HELP_OPTION, type Command, type OptionSpec } from './command';
import { UsageError } from './errors';
import { optionList } from './help';

export interface OptionToken {
  /** The option's long name (`help` for `-h`). */
  name: string;
  /** As written: `--zip`, `-x`. */
  rawName: string;
  value: string | undefined;
  /** Whether the value was written as `--zip=<value>`. */
  inlineValue: boolean | undefined;
}

export interface ArgTokens {
  /** The first positional argument: the command's name. */
  name: string | undefined;
  positionals: string[];
  options: OptionToken[];
  help: boolean;
}

/** Every option any command knows, so that `--sent 2026-01-01` is read as one option anywhere. */
function parserOptions(commands: readonly Command[]): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {
    [HELP_OPTION.name]: { type: 'boolean', short: 'h' },
  };
  for (const option of commands.flatMap((command) => command.options))
    options[option.name] = { type: option.value === undefined ? 'boolean' : 'string' };
  return options;
}

/** Splits the arguments; checks nothing yet (that needs the command). */
export function readArgs(argv: readonly string[], commands: readonly Command[]): ArgTokens {
  const { tokens } = parseArgs({
    args: [...argv],
    options: parserOptions(commands),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  const options: OptionToken[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    else if (token.kind === 'option')
      options.push({
        name: token.name,
        rawName: token.rawName,
        value: token.value,
        inlineValue: token.inlineValue,
      });
  }
  const [name, ...rest] = positionals;
  return {
    name,
    positionals: rest,
    options: options.filter((option) => option.name !== HELP_OPTION.name),
    help: options.some((option) => option.name === HELP_OPTION.name),
  };
}

/** `--zip --json` is a --zip without a value (as in parseArgs' strict mode); `-` alone is a value. */
const looksLikeOption = (value: string) => value.length > 1 && value.startsWith('-');

function notAccepted(option: OptionToken, command: Command, commands: readonly Command[]): UsageError {
  const owners = commands
    .filter((other) => other.options.some((spec) => spec.name === option.name))
    .map((other) => other.name);
  const accepted = `${command.name} 可用的选项：${optionList(command)}`;
  return new UsageError(
    owners.length === 0
      ? `未知选项：${option.rawName}。${accepted}`
      : `${option.rawName} 只能用于 ${owners.join('、')} 命令，${command.name} 命令不接受。${accepted}`,
  );
}

function valueOf(option: OptionToken, spec: OptionSpec, command: Command): string | true {
  if (spec.value === undefined) {
    if (option.value !== undefined)
      throw new UsageError(`选项 ${option.rawName} 不带参数，却写成了 ${option.rawName}=${option.value}。`);
    return true;
  }
  if (option.value === undefined || (!option.inlineValue && looksLikeOption(option.value)))
    throw new UsageError(
      `选项缺少参数：${option.rawName}（${command.name} 的 --${spec.name} 需要 ${spec.value}）`,
    );
  return option.value;
}

/** The command's option values; a repeatable option collects every value, otherwise the last wins. */
export function optionValues(
  options: readonly OptionToken[],
  command: Command,
  commands: readonly Command[],
): Record<string, string | true | string[]> {
  const values: Record<string, string | true | string[]> = {};
  for (const option of options) {
    const spec = command.options.find((candidate) => candidate.name === option.name);
    if (!spec) throw notAccepted(option, command, commands);
    const value = valueOf(option, spec, command);
    if (spec.repeatable && typeof value === 'string') {
      const list = values[spec.name];
      values[spec.name] = Array.isArray(list) ? [...list, value] : [value];
    } else values[spec.name] = value;
  }
  return values;
}
