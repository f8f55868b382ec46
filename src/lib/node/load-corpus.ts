/**
 * Reading the labelled mail corpus from disk (tests/corpus/<context>.yaml) for the benchmark
 * script, the quality test and the quality page's build: every file validated, the file's
 * context checked against its name, mail ids unique across the corpus. Fails with a Chinese
 * message naming the file and the mail. Not the scoring (src/lib/rules/corpus-benchmark.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseInChinese } from '../zod-chinese';
import { corpusFileSchema, type CorpusMail } from '../rules/corpus-schema';

/**
 * From the project root the build and the scripts run in; not from this file's folder, which
 * the build bundles elsewhere.
 */
export const DEFAULT_CORPUS_DIR = resolve(process.cwd(), 'tests/corpus');

export class CorpusError extends Error {
  override name = 'CorpusError';
}

/** The mail a validation path points at (`mails.3.fire` → the fourth mail's id), if any. */
function mailAt(raw: unknown, path: readonly PropertyKey[]): string {
  if (path[0] !== 'mails' || typeof path[1] !== 'number') return '';
  const mails = (raw as { mails?: unknown[] } | null)?.mails;
  const mail = Array.isArray(mails) ? (mails[path[1]] as { id?: unknown } | undefined) : undefined;
  return typeof mail?.id === 'string' ? `邮件 ${mail.id}` : `第 ${path[1] + 1} 封邮件`;
}

/** One corpus file's text, validated; `file` names it in messages. */
export function parseCorpusFile(text: string, file: string): CorpusMail[] {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new CorpusError(`语料文件 ${file} 不是有效的 YAML：${(error as Error).message.split('\n')[0]}`);
  }
  const result = parseInChinese(corpusFileSchema, raw);
  if (!result.success) {
    const where = mailAt(raw, result.issue.path);
    throw new CorpusError(
      `语料文件 ${file}${where ? ` 的${where}` : ''}有误：${result.path || '(整个文件)'}：${result.message}`,
    );
  }
  const expected = file.replace(/\.ya?ml$/u, '');
  if (result.data.context !== expected)
    throw new CorpusError(
      `语料文件 ${file} 的 context 是 ${result.data.context}，应与文件名 ${expected} 一致`,
    );
  return result.data.mails.map((mail) => ({ ...mail, context: result.data.context }));
}

/** Every mail of the corpus, in file-name order; refuses an id used twice. */
export function loadCorpus(dir = DEFAULT_CORPUS_DIR): CorpusMail[] {
  if (!existsSync(dir)) throw new CorpusError(`找不到语料目录 ${dir}`);
  const files = readdirSync(dir)
    .filter((file) => /\.ya?ml$/u.test(file))
    .sort();
  if (files.length === 0) throw new CorpusError(`语料目录 ${dir} 里没有 .yaml 文件`);
  const seen = new Map<string, string>();
  const mails: CorpusMail[] = [];
  for (const file of files) {
    for (const mail of parseCorpusFile(readFileSync(join(dir, file), 'utf8'), file)) {
      const earlier = seen.get(mail.id);
      if (earlier !== undefined)
        throw new CorpusError(
          `语料文件 ${file} 的邮件 ${mail.id} 与 ${earlier} 中的邮件重名：id 必须在整个语料中唯一`,
        );
      seen.set(mail.id, file);
      mails.push(mail);
    }
  }
  return mails;
}
