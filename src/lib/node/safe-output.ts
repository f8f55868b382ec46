/**
 * Output files of ksmail written safely: an output path that is an input (after following links)
 * or a directory is refused before anything is opened, and every output is written under a
 * temporary name beside it and renamed when complete, so a failure leaves no half file and an
 * old file of that name stays whole. Not for the browser (downloads are the browser's business).
 */
import { randomBytes } from 'node:crypto';
import { realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export class OutputPathError extends Error {
  override name = 'OutputPathError';
}

/** The path with links resolved; for a file not yet there, its folder's real path plus its name. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/**
 * Throws OutputPathError when `out` is a directory or the same file as one of `inputs` (`-`, stdin,
 * is not a file). `what` names the output in the message: `证据包`, `.eml 草稿`.
 */
export function checkOutputPath(out: string, inputs: readonly string[], what: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(out).isDirectory();
  } catch {
    // Not there yet: the usual case.
  }
  if (isDirectory || /[/\\]$/.test(out))
    throw new OutputPathError(`不能写入${what}：${out} 是一个目录，请写上文件名。`);
  const target = realPath(out);
  const same = inputs.find((input) => input !== '-' && realPath(input) === target);
  if (same !== undefined)
    throw new OutputPathError(
      `不能写入${what}：${out} 就是输入文件 ${same}，写入会先把它清空。请换一个输出文件名。`,
    );
}

/**
 * Runs `write` on a temporary file beside `path`, then renames it to `path`; on any failure the
 * temporary file is removed and the error rethrown.
 */
export async function writeAtomically(path: string, write: (temporary: string) => Promise<void> | void) {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await write(temporary);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** writeAtomically for a text or bytes already in memory. */
export function writeFileAtomicallySync(path: string, data: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
