import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { GuideDataError, parseGuideData, type GuideData } from '../guide-data';

export const DEFAULT_DATA_DIR = resolve(import.meta.dirname, '../../content/data');

/** Reads src/content/data/*.yaml (or `dir`), validates and cross-checks every table. */
export function loadGuideData(dir = DEFAULT_DATA_DIR): GuideData {
  return parseGuideData((file) => {
    const path = join(dir, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new GuideDataError(file, null, null, `无法读取文件 ${path}`);
    }
    try {
      return parse(text, { uniqueKeys: true });
    } catch (error) {
      throw new GuideDataError(file, null, null, `YAML 语法错误：${(error as Error).message}`);
    }
  });
}
