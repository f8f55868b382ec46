/**
 * What a ksmail subcommand is: its name, a one-line description, the options it accepts and the
 * function that runs it. The entry (ksmail.ts) checks the arguments against this definition before
 * `run` sees them, so a command only reads values of its own options.
 */

/** Where a command writes and reads; the tests and main.ts pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Bytes as read from the process (decoded by readText), or text as tests give it. */
  stdin: () => string | Uint8Array;
}

export interface OptionSpec {
  /** The long name, without the dashes: `zip` for `--zip`. */
  readonly name: string;
  /** Present when the option takes a value: how the value is shown in help, e.g. `<版本>`. */
  readonly value?: string;
  /** One line of Chinese help. */
  readonly help: string;
  /** The option may be given several times (`--eml a.eml --eml b.eml`): the command gets every value. */
  readonly repeatable?: true;
}

/**
 * The values a command receives: a string for an option with a value, every value in order for
 * a repeatable one, `true` for a flag.
 */
export type OptionValues<O extends readonly OptionSpec[]> = {
  readonly [S in O[number] as S['name']]?: S extends { readonly value: string; readonly repeatable: true }
    ? readonly string[]
    : S extends { readonly value: string }
      ? string
      : S extends { readonly value?: never }
        ? true
        : string | true | readonly string[];
};

export interface CommandInput<O extends readonly OptionSpec[]> {
  /** The arguments after the command's name that are not options. */
  positionals: readonly string[];
  values: OptionValues<O>;
  io: CliIo;
}

export interface Command<O extends readonly OptionSpec[] = readonly OptionSpec[]> {
  readonly name: string;
  /** One line, in Chinese, for `ksmail --help`. */
  readonly description: string;
  /** How it is called: synopsis lines; the first without the leading `ksmail `, the next indented under it. */
  readonly usage: readonly string[];
  readonly options: O;
  /** Returns the exit code: 0 no errors, 1 errors found. Throws for bad usage or input. */
  run(input: CommandInput<O>): number | Promise<number>;
}

/** Keeps the option names as literal types, so `run` sees typed values. */
export const defineCommand = <const O extends readonly OptionSpec[]>(command: Command<O>): Command<O> =>
  command;

/** Options several commands share. */
export const JSON_OPTION = { name: 'json', help: '输出一个 JSON 对象' } as const;
export const RULES_OPTION = {
  name: 'rules',
  value: '<版本>',
  help: '使用指定版本的规则集（默认：当前生效的版本）',
} as const;

export const CASE_OPTION = {
  name: 'case',
  value: '<案件>',
  help: '所处的案件（account-appeal、infringement-notice、counter-notice、pipl-request、ad-business、merchant、tech-fault、basic-inquiry，或路由表的案例 id）；不写时按主题和正文推断',
} as const;

/** `--help` is accepted everywhere; the entry handles it before any command runs. */
export const HELP_OPTION = { name: 'help', help: '显示这份说明' } as const;

/** The exit codes, as every help text states them. */
export const EXIT_CODES_TEXT = '退出码：0 没有错误；1 发现错误（error）；2 用法错误或无法读取输入。';
