/**
 * ksmail's help texts, written from the command definitions: the overview (`ksmail --help`) and
 * one command's usage and options (`ksmail <命令> --help`, and after a usage error).
 */
import { displayWidth } from '../lib/display-width';
import { EXIT_CODES_TEXT, HELP_OPTION, type Command, type OptionSpec } from './command';

/** Two columns, the first padded to its widest cell (Chinese characters count as two). */
function columns(rows: readonly [string, string][]): string[] {
  const width = Math.max(...rows.map(([left]) => displayWidth(left)));
  return rows.map(([left, right]) => `  ${left}${' '.repeat(width - displayWidth(left) + 2)}${right}`);
}

const optionName = (option: OptionSpec) =>
  option.value === undefined ? `--${option.name}` : `--${option.name} ${option.value}`;

/** The first usage line follows `ksmail `; the next ones are indented as far. */
const synopsis = (command: Command) =>
  command.usage.map((line, index) => `  ${index === 0 ? 'ksmail ' : ' '.repeat(7)}${line}`);

/** `--json、--rules <版本>、--help`: the options a command accepts, on one line. */
export const optionList = (command: Command) => [...command.options, HELP_OPTION].map(optionName).join('、');

export function overview(commands: readonly Command[]): string {
  return [
    '用法：',
    ...commands.flatMap(synopsis),
    '',
    '命令：',
    ...columns(commands.map((command) => [command.name, command.description])),
    '',
    '每个命令的选项：ksmail <命令> --help',
    EXIT_CODES_TEXT,
  ].join('\n');
}

export function commandHelp(command: Command): string {
  return [
    '用法：',
    ...synopsis(command),
    '',
    command.description,
    '',
    '选项：',
    ...columns(
      [...command.options, HELP_OPTION].map((option) => [
        option === HELP_OPTION ? '-h, --help' : optionName(option),
        'repeatable' in option && option.repeatable ? `${option.help}（可重复）` : option.help,
      ]),
    ),
    EXIT_CODES_TEXT,
  ].join('\n');
}
