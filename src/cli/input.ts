/**
 * The command line's own files: a text input (a draft file, or stdin for `-`) and an output file
 * (the .eml draft, the calendar file). Text is read as bytes up to MAX_DRAFT_BYTES and decoded by
 * src/lib/text-decoding.ts (BOM, UTF-8, GB18030, Big5, or `--encoding`); what was assumed is said on
 * stderr, so `--json` output stays clean. Outputs are checked against the inputs and written
 * atomically (src/lib/node/safe-output.ts). Failures become InputError in Chinese, in the same form
 * as the attachment reader's (`文件不存在：<路径>`).
 */
import { draftTooLarge } from '../lib/input-limit-messages';
import { MAX_DRAFT_BYTES } from '../lib/input-limits';
import { readBounded } from '../lib/node/attachment-files';
import { checkOutputPath, writeFileAtomicallySync } from '../lib/node/safe-output';
import { decodeTextBytes, encodingNamed, encodingNamesText } from '../lib/text-decoding';
import type { CliIo } from './command';
import { InputError, UsageError } from './errors';

/** `--encoding`, shared by the commands that read a draft. */
export const ENCODING_OPTION = {
  name: 'encoding',
  value: '<编码>',
  help: `草稿文件的编码（${encodingNamesText}）；不写时自动识别：BOM、UTF-8，否则按 GB18030 或 Big5`,
} as const;

/** The text of `source`, or of stdin for `-`; binary or undecodable input is refused. */
export function readText(source: string, io: CliIo, encodingName?: string): string {
  const where = source === '-' ? '标准输入' : source;
  const encoding = encodingName === undefined ? undefined : encodingNamed(encodingName);
  if (encoding === null) throw new UsageError(`不认识的编码：${encodingName}。可用：${encodingNamesText}。`);
  const tooLarge = (read: number) => draftTooLarge(read, where)!;
  const input = source === '-' ? io.stdin() : readBounded(source, MAX_DRAFT_BYTES, tooLarge);
  if (typeof input === 'string') {
    // Tests hand stdin in as text already.
    const problem = draftTooLarge(Buffer.byteLength(input), where);
    if (problem) throw new InputError(problem);
    return input.replace(/^\uFEFF/, '');
  }
  const result = decodeTextBytes(input, encoding ? { encoding } : {});
  if (!result.ok) throw new InputError(`${where}：${result.message}`);
  if (result.note) io.stderr(`ksmail：${where}：${result.note}`);
  return result.text;
}

/** An output error: `无法写入证据包：<路径>（<原因>）`; a Latin name gets a space: `无法写入 .eml 草稿`. */
export function writeFailure(what: string, path: string, error: unknown): InputError {
  const space = /^[\x21-\x7e]/.test(what) ? ' ' : '';
  return new InputError(`无法写入${space}${what}：${path}（${(error as Error).message}）`);
}

/** Refuses an output path that is a directory or one of the inputs (exit 2), before any work. */
export function refuseOverwrite(out: string, inputs: readonly string[], what: string): void {
  const space = /^[\x21-\x7e]/.test(what) ? ' ' : '';
  checkOutputPath(out, inputs, `${space}${what}`);
}

/** Writes a text output file atomically, e.g. `writeOutput(out, eml, '.eml 草稿')`. */
export function writeOutput(path: string, text: string, what: string): void {
  try {
    writeFileAtomicallySync(path, text);
  } catch (error) {
    throw writeFailure(what, path, error);
  }
}
