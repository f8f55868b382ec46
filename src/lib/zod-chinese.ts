/**
 * Zod validation with Chinese messages, for every data file the build reads (guide tables,
 * rulesets, templates): zod's own Simplified Chinese locale, and the first issue as "path：message".
 * Not for the browser (it imports zod).
 */
import { z } from 'zod';

/** Zod's own Simplified Chinese messages for the checks that have no custom message. */
export const chineseErrors = z.locales.zhCN().localeError;

export type ChineseParse<T> =
  { success: true; data: T } | { success: false; issue: z.core.$ZodIssue; path: string; message: string };

/** Parses `raw`; on failure gives the first issue, its dotted path and its Chinese message. */
export function parseInChinese<S extends z.ZodType>(schema: S, raw: unknown): ChineseParse<z.output<S>> {
  const result = schema.safeParse(raw, { error: chineseErrors });
  if (result.success) return { success: true, data: result.data };
  const issue = result.error.issues[0]!;
  return { success: false, issue, path: issue.path.map(String).join('.'), message: issue.message };
}
