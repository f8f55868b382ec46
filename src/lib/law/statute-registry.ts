/**
 * The pinned statute registry (src/content/law/<law-key>.yaml): every article of a law this site
 * quotes, stored verbatim with the law's name, its version, the authority to check it against
 * and the copy it was checked against, each article with the SHA-256 of its text and the day it
 * was last reviewed. Here: the schema, the validation of one file and of the whole registry, and
 * the guards the build runs — a pinned text whose hash no longer matches, a review older than
 * REVIEW_MAX_AGE_DAYS, and a quote on a page that differs from the registry.
 *
 * Pure: no file system, no DOM; the hash function is passed in (node:crypto at build time,
 * ./node/load-law.ts). Not legal advice, and not a law database: only the articles the site uses.
 */
import { z } from 'zod';
import { isoDate } from '../guide-data';
import { addDays } from '../watched-documents';
import { parseInChinese } from '../zod-chinese';

/** A review older than this many days fails the build: the text must be checked again. */
export const REVIEW_MAX_AGE_DAYS = 180;

/** The line every page that quotes the registry carries. */
export const NOT_LEGAL_ADVICE = '本站不提供法律意见';

const id = z.string().regex(/^[a-z]+(-[a-z]+)*(-\d+)+$/, 'id 应为「法律简称-条号」，如 ndr-14、pipl-24-3');

/** A text as pinned: no leading or trailing whitespace, paragraphs separated by one line break. */
const pinnedText = z
  .string()
  .min(1)
  .refine((text) => text === text.trim(), '正文首尾不能有空白')
  .refine((text) => !text.includes('\r') && !/\n\s*\n/.test(text), '段落之间只用一个换行分隔');

const articleFields = z.object({
  id,
  /** As the law numbers it: 第十四条, 第二十四条第三款, or 三、 in a reply of the court. */
  article: z.string().min(2),
  /** For one paragraph quoted alone: the article it belongs to and its paragraph (1-based). */
  paragraphOf: id.optional(),
  paragraph: z.number().int().positive().optional(),
  text: pinnedText,
  /** SHA-256 (hex) of `text`: a changed text fails the build until it is reviewed again. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 应为 64 位小写十六进制'),
  lastReviewed: isoDate,
});

export const lawArticleSchema = articleFields
  .strict()
  .refine((article) => (article.paragraphOf === undefined) === (article.paragraph === undefined), {
    message: 'paragraphOf 和 paragraph 要么都给出，要么都不给',
    path: ['paragraph'],
  });

const repositoryCopy = z
  .object({
    kind: z.literal('repository'),
    repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, '仓库应写作 owner/name'),
    commit: z.string().regex(/^[0-9a-f]{40}$/, 'commit 应为 40 位十六进制'),
    path: z.string().min(1),
  })
  .strict();

/** A copy that is not a pinned repository file (a reprint on a web page): always second-hand. */
const pageCopy = z
  .object({
    kind: z.literal('page'),
    url: z.url({ protocol: /^https?$/ }),
    note: z.string().min(1),
  })
  .strict();

export const lawFileSchema = z
  .object({
    key: z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'key 只能由小写字母和连字符组成'),
    name: z.string().regex(/^《.+》$/u, '法律名称应带书名号《》'),
    /** How pages name it in running text, e.g. 《民法典》. */
    shortName: z
      .string()
      .regex(/^《.+》$/u)
      .optional(),
    issuer: z.string().min(1),
    /** 公布/修订/施行 dates as the copy states them. */
    version: z.string().min(1),
    /** Where the official text is to be checked. */
    authority: z.string().min(1),
    copy: z.discriminatedUnion('kind', [repositoryCopy, pageCopy]),
    articles: z.array(lawArticleSchema).min(1),
  })
  .strict();

/** One article with its law's fields: what a page, the CLI and the collection use. */
export const registryEntrySchema = articleFields.extend({
  law: z.string(),
  lawName: z.string(),
  shortName: z.string(),
  issuer: z.string(),
  version: z.string(),
  authority: z.string(),
  copy: z.discriminatedUnion('kind', [repositoryCopy, pageCopy]),
});

export type LawArticle = z.infer<typeof lawArticleSchema>;
export type LawFile = z.infer<typeof lawFileSchema>;
export type LawCopy = LawFile['copy'];
export type RegistryEntry = z.infer<typeof registryEntrySchema>;

export class LawRegistryError extends Error {
  constructor(file: string | null, articleId: string | null, detail: string) {
    const where = [file, articleId === null ? null : `条文 "${articleId}"`].filter(Boolean).join(' → ');
    super(`法条登记表有误：${where ? `${where}：` : ''}${detail}`);
    this.name = 'LawRegistryError';
  }
}

/** Validates one parsed file; its key must be its file name without `.yaml`. */
export function parseLawFile(file: string, raw: unknown): LawFile {
  const result = parseInChinese(lawFileSchema, raw);
  if (!result.success) {
    const articles = (raw as { articles?: unknown[] } | null)?.articles;
    const index = result.issue.path[0] === 'articles' ? Number(result.issue.path[1]) : NaN;
    const articleId = Number.isInteger(index) ? (articles?.[index] as { id?: unknown })?.id : undefined;
    throw new LawRegistryError(
      file,
      typeof articleId === 'string' ? articleId : null,
      `字段 "${result.path}"：${result.message}`,
    );
  }
  const expectedKey = file.replace(/\.yaml$/, '');
  if (result.data.key !== expectedKey)
    throw new LawRegistryError(file, null, `key 应与文件名一致：${expectedKey}，实际为 ${result.data.key}`);
  return result.data;
}

/** Flattens the laws into entries and checks ids are unique, prefixed by their law and paragraphs match. */
export function registryEntries(files: readonly { file: string; law: LawFile }[]): RegistryEntry[] {
  const entries = new Map<string, RegistryEntry>();
  for (const { file, law } of files)
    for (const article of law.articles) {
      if (!article.id.startsWith(`${law.key}-`))
        throw new LawRegistryError(file, article.id, `id 应以 ${law.key}- 开头`);
      if (entries.has(article.id)) throw new LawRegistryError(file, article.id, 'id 重复');
      entries.set(article.id, {
        ...article,
        law: law.key,
        lawName: law.name,
        shortName: law.shortName ?? law.name,
        issuer: law.issuer,
        version: law.version,
        authority: law.authority,
        copy: law.copy,
      });
    }
  for (const [file, entry] of files.flatMap(({ file, law }) =>
    law.articles.map((article) => [file, entries.get(article.id)!] as const),
  )) {
    if (entry.paragraphOf === undefined) continue;
    const whole = entries.get(entry.paragraphOf);
    if (!whole)
      throw new LawRegistryError(file, entry.id, `paragraphOf 指向不存在的条文 ${entry.paragraphOf}`);
    const paragraph = whole.text.split('\n')[entry.paragraph! - 1];
    if (paragraph !== entry.text)
      throw new LawRegistryError(file, entry.id, `正文与 ${whole.id} 的第 ${entry.paragraph} 段不一致`);
  }
  return [...entries.values()];
}

export type Sha256 = (text: string) => string;

/** Days from `from` to `to` (both YYYY-MM-DD), counted in UTC. */
export function daysBetween(from: string, to: string): number {
  const day = (date: string) =>
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/** The day after which an entry reviewed on `lastReviewed` is stale. */
export const reviewDue = (lastReviewed: string) => addDays(lastReviewed, REVIEW_MAX_AGE_DAYS);

/**
 * The build's checks of the registry itself, one Chinese line per problem: a text whose SHA-256
 * differs from the pinned one (changed without a new review), and a review older than
 * REVIEW_MAX_AGE_DAYS on `today`.
 */
export function registryProblems(entries: readonly RegistryEntry[], today: string, sha256: Sha256): string[] {
  const problems: string[] = [];
  for (const entry of entries) {
    const actual = sha256(entry.text);
    if (actual !== entry.sha256)
      problems.push(
        `${entry.id}（${entry.lawName}${entry.article}）的正文与登记的 sha256 不符：正文已被改动。` +
          `请对照 ${entry.authority} 和副本重新核对；确认无误后把 sha256 改为 ${actual}，并更新 lastReviewed。`,
      );
    const age = daysBetween(entry.lastReviewed, today);
    if (age > REVIEW_MAX_AGE_DAYS)
      problems.push(
        `${entry.id}（${entry.lawName}${entry.article}）上次核对是 ${entry.lastReviewed}，已过 ${age} 天` +
          `（上限 ${REVIEW_MAX_AGE_DAYS} 天）：请对照 ${entry.authority} 重新核对后更新 lastReviewed。`,
      );
  }
  return problems;
}

/** Line endings as typed on a page; nothing else is forgiven. */
const asQuoted = (text: string) => text.replace(/\r\n?/g, '\n').trim();

/** Where two texts first differ, with a little context on each side, for the build's message. */
function firstDifference(quoted: string, pinned: string): string {
  let at = 0;
  while (at < quoted.length && at < pinned.length && quoted[at] === pinned[at]) at++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 8), at + 8));
  return `第 ${at + 1} 个字符起不同：页面 ${around(quoted)}，登记表 ${around(pinned)}`;
}

/**
 * Compares a quote written on a page with the registry: the whole text of `entry`, or with
 * `excerpt`, a passage of it (at least 4 characters, inside one paragraph). Returns the Chinese
 * problem, or null when the quote is the registry's text.
 */
export function quoteProblem(
  entry: RegistryEntry,
  quoted: string,
  options: { excerpt?: boolean } = {},
): string | null {
  const text = asQuoted(quoted);
  const label = `${entry.id}（${entry.lawName}${entry.article}）`;
  if (options.excerpt) {
    if (text.length < 4) return `${label}的摘引太短（至少 4 个字符）：${JSON.stringify(text)}`;
    if (entry.text.split('\n').some((paragraph) => paragraph.includes(text))) return null;
    return `${label}的摘引不是登记正文中的原文：${JSON.stringify(text)}`;
  }
  if (text === entry.text) return null;
  return `${label}的引文与登记正文不同，${firstDifference(text, entry.text)}`;
}

/** `LawRefBook/Laws@3cd6e86 行政法规/….md`, or the page and its note for a reprint. */
export function copyLabel(copy: LawCopy): string {
  return copy.kind === 'repository'
    ? `${copy.repository}@${copy.commit.slice(0, 7)} ${copy.path}`
    : `${copy.url}（${copy.note}）`;
}

/** A rule's law source as the ruleset states it (kinds/common.ts): only the fields checked here. */
export interface LawSourceOfRule {
  ruleset: string;
  rule: string;
  law: string;
  article: string;
  lawId?: string | undefined;
}

/**
 * Where a rule's `source: { kind: law, lawId }` and the registry disagree: an id the registry
 * does not hold, or a law name or article number other than the registry's for that id. A rule
 * that cites a law must cite the pinned text the pages quote, or the finding and the page could
 * name different articles. Rules without `lawId` (older rulesets) are not checked.
 */
export function lawSourceProblems(
  sources: readonly LawSourceOfRule[],
  entries: readonly RegistryEntry[],
): string[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const problems: string[] = [];
  for (const source of sources) {
    if (source.lawId === undefined) continue;
    const where = `规则集 ${source.ruleset} → 规则 "${source.rule}"`;
    const entry = byId.get(source.lawId);
    if (!entry) {
      problems.push(`${where}：lawId "${source.lawId}" 不在法条登记表里（src/content/law/）`);
      continue;
    }
    if (source.law !== entry.lawName && source.law !== entry.shortName)
      problems.push(`${where}：法律名称 ${source.law} 与登记表中 ${source.lawId} 的 ${entry.lawName} 不一致`);
    if (!entry.article.startsWith(source.article))
      problems.push(`${where}：条文 ${source.article} 与登记表中 ${source.lawId} 的 ${entry.article} 不一致`);
  }
  return problems;
}
