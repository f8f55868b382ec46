/**
 * The watch list: the documents that actually bind mail to Kuaishou (Kuaishou's rules and
 * agreements, and the national rules the guide cites), each with where it lives, what mail it
 * bears on, and when and how we last checked it — plus our own checking cadence and the next
 * check it implies. Pure: no file system, no DOM (loading is ./node/load-watched-documents.ts).
 *
 * Not a schedule of Kuaishou's: no public schedule of rule updates was found
 * (research/official-channels.md), so the only dates here are our own checks.
 */
import { z } from 'zod';
import { isoDate } from './guide-data';
import { parseInChinese } from './zod-chinese';

export const WATCHED_DOCUMENTS_FILE = 'watched-documents.yaml';

/** How often we check every watched document ourselves (编辑补充: our cadence, not Kuaishou's). */
export const CHECK_CADENCE_DAYS = 30;

export const publishers = ['快手', '国家'] as const;

export const watchedDocumentSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id 只能由小写字母、数字和连字符组成'),
    name: z.string().min(1),
    url: z.url({ protocol: /^https$/, error: '网址应为完整的 https:// 地址' }),
    publisher: z.enum(publishers),
    /** What mail it bears on, in one sentence. */
    scope: z.string().min(1),
    lastChecked: isoDate,
    /** How the last check was made, e.g. 「转载副本（二手）」. */
    checkedHow: z.string().min(1),
    note: z.string().min(1).optional(),
  })
  .strict();

export type WatchedDocument = z.infer<typeof watchedDocumentSchema>;

export class WatchedDocumentsError extends Error {
  constructor(recordId: string | null, field: string | null, detail: string) {
    const where = [
      WATCHED_DOCUMENTS_FILE,
      recordId === null ? null : `记录 "${recordId}"`,
      field === null ? null : `字段 "${field}"`,
    ]
      .filter(Boolean)
      .join(' → ');
    super(`关注文件清单有误：${where}：${detail}`);
    this.name = 'WatchedDocumentsError';
  }
}

/** Validates the watch list as parsed from YAML: every record, then unique ids and names. */
export function parseWatchedDocuments(raw: unknown): WatchedDocument[] {
  if (!Array.isArray(raw) || raw.length === 0)
    throw new WatchedDocumentsError(null, null, '文件内容应为非空的记录列表（YAML 数组）');
  const ids = new Set<string>();
  const names = new Set<string>();
  return raw.map((record: unknown, index) => {
    if (!record || typeof record !== 'object')
      throw new WatchedDocumentsError(`#${index + 1}`, null, '记录应为对象');
    const rawId = (record as { id?: unknown }).id;
    const recordId = typeof rawId === 'string' ? rawId : `#${index + 1}`;
    const result = parseInChinese(watchedDocumentSchema, record);
    if (!result.success) {
      const missing = (record as Record<string, unknown>)[result.path] === undefined;
      throw new WatchedDocumentsError(
        recordId,
        result.path || null,
        missing ? '必填字段（缺少该字段）' : result.message,
      );
    }
    if (ids.has(result.data.id))
      throw new WatchedDocumentsError(recordId, 'id', `id 重复：${result.data.id}`);
    if (names.has(result.data.name))
      throw new WatchedDocumentsError(recordId, 'name', `名称重复：${result.data.name}`);
    ids.add(result.data.id);
    names.add(result.data.name);
    return result.data;
  });
}

/** `2026-11-30` plus `days` calendar days, as YYYY-MM-DD (UTC arithmetic: no DST surprises). */
export function addDays(date: string, days: number): string {
  const time = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(time + days * 86_400_000).toISOString().slice(0, 10);
}

export interface CheckStatus {
  lastChecked: string;
  /** Our next check: lastChecked + the cadence. */
  nextCheck: string;
  /** The next check's day has passed without a new check. */
  overdue: boolean;
}

/** When our next check of a document is due, and whether it is overdue on `today`. */
export function checkStatus(
  lastChecked: string,
  today: string,
  cadenceDays = CHECK_CADENCE_DAYS,
): CheckStatus {
  const nextCheck = addDays(lastChecked, cadenceDays);
  return { lastChecked, nextCheck, overdue: nextCheck < today };
}
