/** Reads the watch list (src/content/data/watched-documents.yaml) and validates it. Build and tests only. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import {
  parseWatchedDocuments,
  WATCHED_DOCUMENTS_FILE,
  WatchedDocumentsError,
  type WatchedDocument,
} from '../watched-documents';

const DEFAULT_DATA_DIR = resolve(import.meta.dirname, '../../content/data');

export function loadWatchedDocuments(dir = DEFAULT_DATA_DIR): WatchedDocument[] {
  const path = join(dir, WATCHED_DOCUMENTS_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new WatchedDocumentsError(null, null, `无法读取文件 ${path}`);
  }
  let raw: unknown;
  try {
    raw = parse(text, { uniqueKeys: true });
  } catch (error) {
    throw new WatchedDocumentsError(null, null, `YAML 语法错误：${(error as Error).message}`);
  }
  return parseWatchedDocuments(raw);
}
