/**
 * The command line's own files: a text input (a draft file, or stdin for `-`) and an output file
 * (the .eml draft, the calendar file). Failures become InputError in Chinese, in the same form as
 * the attachment reader's (`文件不存在：<路径>`). Attachments are read by src/lib/node.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { InputError } from './errors';

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'EISDIR') return '这是一个目录，不是文件';
  if (code === 'EACCES') return '没有读取权限';
  return '无法读取';
}

/** The text of `source`, or of stdin for `-`; binary input is refused. */
export function readText(source: string, stdin: () => string): string {
  const where = source === '-' ? '标准输入' : source;
  let text: string;
  try {
    text = source === '-' ? stdin() : readFileSync(source, 'utf8');
  } catch (error) {
    throw new InputError(`${readFailure(error)}：${where}`);
  }
  if (text.includes('\u0000')) throw new InputError(`输入不是文本文件：${where}`);
  return text;
}

/** An output error: `无法写入证据包：<路径>（<原因>）`; a Latin name gets a space: `无法写入 .eml 草稿`. */
export function writeFailure(what: string, path: string, error: unknown): InputError {
  const space = /^[\x21-\x7e]/.test(what) ? ' ' : '';
  return new InputError(`无法写入${space}${what}：${path}（${(error as Error).message}）`);
}

/** Writes a text output file, e.g. `writeOutput(out, eml, '.eml 草稿')`. */
export function writeOutput(path: string, text: string, what: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw writeFailure(what, path, error);
  }
}
