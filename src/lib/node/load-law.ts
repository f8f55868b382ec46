/**
 * Reads the statute registry (src/content/law/*.yaml), validates every file and runs the
 * registry's own guards (pinned SHA-256, review age) for the build and ksmail. Build, CLI and
 * tests only: it uses the file system and node:crypto.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import {
  LawRegistryError,
  parseLawFile,
  registryEntries,
  registryProblems,
  type RegistryEntry,
} from '../law/statute-registry';

export const DEFAULT_LAW_DIR = resolve(import.meta.dirname, '../../content/law');

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Every entry of the registry, in file-name then file order. Throws in Chinese on a file that does
 * not validate and, with `guard` (the build), on a changed pinned text or a stale review; ksmail
 * shows the entries without the guard, marking a stale review itself.
 */
export function loadLawRegistry(
  dir = DEFAULT_LAW_DIR,
  today = new Date().toISOString().slice(0, 10),
  { guard = true }: { guard?: boolean } = {},
): RegistryEntry[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((file) => file.endsWith('.yaml'))
      .sort();
  } catch {
    throw new LawRegistryError(null, null, `无法读取目录 ${dir}`);
  }
  if (files.length === 0) throw new LawRegistryError(null, null, `目录 ${dir} 中没有 .yaml 文件`);
  const laws = files.map((file) => {
    let raw: unknown;
    try {
      raw = parse(readFileSync(join(dir, file), 'utf8'), { uniqueKeys: true });
    } catch (error) {
      throw new LawRegistryError(file, null, `YAML 语法错误：${(error as Error).message}`);
    }
    return { file, law: parseLawFile(file, raw) };
  });
  const entries = registryEntries(laws);
  if (!guard) return entries;
  const problems = registryProblems(entries, today, sha256Hex);
  if (problems.length > 0) throw new LawRegistryError(null, null, `\n${problems.join('\n')}`);
  return entries;
}
