/**
 * The 资料出处 list of /about/: every source the research notes name, grouped, each with what it
 * is and whether it is first-hand (the publisher's own page) or second-hand (a copy, a summary,
 * a third party). The list is data (src/content/data/sources.yaml); this module validates it and
 * finds the addresses in the notes, so a test can prove that none is missing.
 *
 * It is not a link checker: nothing here fetches anything, and an address is kept exactly as the
 * notes give it (a bare host stays bare — adding a scheme would be a guess).
 */
import { z } from 'zod';

export const sourceHands = { first: '一手', second: '二手' } as const;

export const sourceSchema = z
  .object({
    group: z.string().min(2),
    title: z.string().min(2),
    /** As written in the research notes; null for a source the notes name without an address. */
    url: z.string().min(4).nullable(),
    /** What it is and what we took from it. */
    what: z.string().min(4),
    hand: z.enum(['first', 'second']),
  })
  .strict();
export type Source = z.output<typeof sourceSchema>;

/** Parses the list; a bad record throws a Chinese message naming its number and field. */
export function parseSources(raw: unknown, file = 'sources.yaml'): Source[] {
  if (!Array.isArray(raw)) throw new Error(`${file}：内容应为记录列表（YAML 数组）`);
  return raw.map((record, index) => {
    const result = sourceSchema.safeParse(record);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new Error(
        `${file} 第 ${index + 1} 条：字段 ${issue.path.join('.') || '（整条）'} 有误：${issue.message}`,
      );
    }
    return result.data;
  });
}

/** A URL or a bare host (with an optional path), not preceded by @ (a mail address is not a source). */
const ADDRESS =
  /(?<![\w/.@-])(?:https?:\/\/)?(?:[a-z0-9-]+\.)+(?:cn|com|org|net|io)(?:\/[^\s)）」"'，。；、|`*…]*)?/gi;

/** Scheme, 「www.」, a trailing slash and a trailing ellipsis do not make another address. */
export const normalizeAddress = (address: string) =>
  address
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/[…/]+$/, '')
    .toLowerCase();

const hostOf = (address: string) => normalizeAddress(address).split(/[/?#]/)[0]!;

/** Every address in a text, normalized, once each, in order of appearance. */
export function addressesIn(text: string): string[] {
  return [...new Set([...text.matchAll(ADDRESS)].map((match) => normalizeAddress(match[0])))].filter(
    (address) => address.length > 0,
  );
}

/**
 * The addresses of `text` the list does not cover. A bare host (no path) is covered by any
 * source on that host: the notes say 「www.kuaishou.com」 in prose about pages listed in full.
 */
export function addressesMissing(text: string, sources: readonly Source[]): string[] {
  const listed = sources.flatMap((source) => (source.url ? [normalizeAddress(source.url)] : []));
  const listedSet = new Set(listed);
  const hosts = new Set(listed.map(hostOf));
  return addressesIn(text).filter((address) =>
    address.includes('/') ? !listedSet.has(address) : !hosts.has(address) && !listedSet.has(address),
  );
}

/** Only a full https:// (or http://) address is a link; a bare host from the notes is shown as text. */
export const isLinkable = (url: string) => /^https?:\/\//i.test(url);

/** Sources grouped in the order their groups first appear. */
export function groupSources(sources: readonly Source[]): { group: string; sources: Source[] }[] {
  const groups = new Map<string, Source[]>();
  for (const source of sources) {
    const list = groups.get(source.group) ?? [];
    list.push(source);
    groups.set(source.group, list);
  }
  return [...groups].map(([group, list]) => ({ group, sources: list }));
}
