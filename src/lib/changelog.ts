/**
 * The policy changelog's vocabulary and frontmatter schema, shared by the content schema, the
 * pages, the feeds and the search filters. An entry is one of three kinds:
 * - `change`: an observed change of a watched document, quoted from a dated source;
 * - `checked`: we checked watched documents and found no change;
 * - `release`: the site's own ruleset or template release.
 * Which documents exist is the watch list's business (./watched-documents.ts), plus `site`.
 * Not a projection of future Kuaishou dates: nobody has published a schedule.
 */
import { z } from 'zod';
import { isoDate } from './guide-data';
import { RULESET_VERSION } from './rules/ruleset';

/** The site's own rules and templates, the document of every release entry. */
export const SITE_DOCUMENT = { id: 'site', name: '本站规则与模板' } as const;

export const changelogKinds = ['change', 'checked', 'release'] as const;
export type ChangelogKind = (typeof changelogKinds)[number];
export const kindLabels: Record<ChangelogKind, string> = {
  change: '规则变化',
  checked: '已检查，无变化',
  release: '本站发布',
};

const documentId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '文件 id 只能由小写字母、数字和连字符组成');
const common = {
  /** change: the date the source published it; checked: the day we checked; release: release day. */
  date: isoDate,
  tags: z.array(z.string().min(1)).default([]),
  /** Rule ids the entry affects. */
  rules: z.array(z.string().min(1)).default([]),
};

export const changelogMetaSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('change'),
      ...common,
      documents: z.array(documentId).min(1),
      /** When the change took effect, where the source says so. */
      effective: isoDate.optional(),
      source: z
        .object({
          url: z.url(),
          title: z.string().min(1),
          /** A copy or a report by someone else, not the publisher's own page. */
          secondHand: z.boolean(),
        })
        .strict(),
      /** What the source says, verbatim. */
      statement: z.string().min(1),
      /** The wording before and after, verbatim; null where the source does not give it. */
      before: z.string().min(1).nullable(),
      after: z.string().min(1).nullable(),
      /** Which chapters, templates or rule ids change — or 「不影响邮件写法」. */
      impact: z.string().min(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal('checked'),
      ...common,
      documents: z.array(documentId).min(1),
      /** How we checked (what we compared, which copies). */
      method: z.string().min(1),
      result: z.string().min(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal('release'),
      ...common,
      documents: z.tuple([z.literal(SITE_DOCUMENT.id)]).default([SITE_DOCUMENT.id]),
      /** The ruleset version this release produced, if any. */
      ruleset: z.string().regex(RULESET_VERSION).optional(),
    })
    .strict(),
]);

export type ChangelogMeta = z.output<typeof changelogMetaSchema>;

export interface ChangelogEntryRef {
  id: string;
  title: string;
  description?: string | undefined;
  changelog: ChangelogMeta;
}

/** Document id → display name: the watch list's names and the site's own. */
export function documentNames(watched: readonly { id: string; name: string }[]): Map<string, string> {
  return new Map([
    ...watched.map((doc) => [doc.id, doc.name] as const),
    [SITE_DOCUMENT.id, SITE_DOCUMENT.name],
  ]);
}

/** The first document id of an entry that is neither on the watch list nor `site`, if any. */
export function unknownDocument(meta: ChangelogMeta, names: ReadonlyMap<string, string>): string | undefined {
  return meta.documents.find((id) => !names.has(id));
}

const rulesetOf = (meta: ChangelogMeta) => (meta.kind === 'release' ? (meta.ruleset ?? '') : '');

/** `2026-11-24` → `2026年11月`. */
export const monthLabel = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月`;

/** Newest first (by date, then by ruleset version, then id). */
export function newestFirst<T extends ChangelogEntryRef>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      b.changelog.date.localeCompare(a.changelog.date) ||
      rulesetOf(b.changelog).localeCompare(rulesetOf(a.changelog), 'en', { numeric: true }) ||
      b.id.localeCompare(a.id),
  );
}

/** Newest first, grouped by month. */
export function groupByMonth<T extends ChangelogEntryRef>(
  entries: readonly T[],
): { month: string; entries: T[] }[] {
  const groups: { month: string; entries: T[] }[] = [];
  for (const entry of newestFirst(entries)) {
    const month = monthLabel(entry.changelog.date);
    const last = groups.at(-1);
    if (last?.month === month) last.entries.push(entry);
    else groups.push({ month, entries: [entry] });
  }
  return groups;
}
