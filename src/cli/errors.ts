/**
 * ksmail's one error path. Commands and the argument checks throw; `reportError` turns what was
 * thrown into a Chinese message on stderr and the exit code. Known errors (bad usage, unreadable
 * input, rule or guide data that does not load, a bad sending time, an unknown --case) are shown as their message;
 * anything else is an internal error, shown briefly, with the stack only when KSMAIL_DEBUG=1.
 */
import { FollowUpInputError } from '../lib/follow-up/follow-up-plan';
import { ClockInputError } from '../lib/follow-up/clocks';
import { GuideDataError } from '../lib/guide-data';
import { EvidencePackageError } from '../lib/attachments/evidence-package';
import { DossierError } from '../lib/case-file/dossier';
import { AttachmentReadError } from '../lib/node/attachment-files';
import { OutputPathError } from '../lib/node/safe-output';
import { RulesetError } from '../lib/rules/ruleset-schema';
import { UnknownContextError } from '../lib/rules/check-context';
import type { CliIo } from './command';

/** The command line was not used as documented: the message is followed by the help text. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A file (or stdin) could not be read, or an output file could not be written. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Rule or guide data could not be loaded; `cause` is what the loader threw. */
export class DataError extends Error {
  override name = 'DataError';
}

/** Every error the command line reports as bad usage or input, exit code 2. */
const KNOWN_ERRORS = [
  UsageError,
  InputError,
  DataError,
  AttachmentReadError,
  OutputPathError,
  EvidencePackageError,
  DossierError,
  FollowUpInputError,
  ClockInputError,
  RulesetError,
  GuideDataError,
  UnknownContextError,
] as const;

export const EXIT_USAGE = 2;

export interface ReportOptions {
  /** Shown after a usage error: the command's help, or the overview. */
  help: string;
  /** Adds the stack trace; by default KSMAIL_DEBUG=1. */
  debug?: boolean;
}

/** The stack of what was first thrown (a DataError's cause), for KSMAIL_DEBUG=1. */
function stackOf(error: unknown): string {
  let first = error;
  while (first instanceof Error && first.cause !== undefined) first = first.cause;
  return first instanceof Error && first.stack ? `\n\n${first.stack}` : '';
}

/** Writes the error to stderr and returns the exit code. */
export function reportError(error: unknown, io: CliIo, options: ReportOptions): number {
  const debug = options.debug ?? process.env['KSMAIL_DEBUG'] === '1';
  const stack = debug ? stackOf(error) : '';
  if (error instanceof UsageError) {
    io.stderr(`ksmail：${error.message}\n\n${options.help}${stack}`);
  } else if (KNOWN_ERRORS.some((known) => error instanceof known)) {
    io.stderr(`ksmail：${(error as Error).message}${stack}`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`ksmail：内部错误：${message}${stack || '\n（设置环境变量 KSMAIL_DEBUG=1 可显示调用栈）'}`);
  }
  return EXIT_USAGE;
}
