/** The policy changelog's vocabulary, shared by the content schema, the pages and the search filters. */

/** Which document a changelog entry is about. */
export const changelogDocuments = ['社区规范', '商业合作条款', '邮件处理规则', '本站'] as const;
export type ChangelogDocument = (typeof changelogDocuments)[number];

export interface ChangelogMeta {
  date: string;
  document: ChangelogDocument;
  ruleset?: string | undefined;
  tags: string[];
  rules: string[];
}

export interface ChangelogEntryRef {
  id: string;
  title: string;
  description?: string | undefined;
  changelog: ChangelogMeta;
}

/** `2026-11-24` → `2026年11月`. */
export const monthLabel = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月`;

/** Newest first (by date, then by ruleset version), grouped by month. */
export function groupByMonth<T extends ChangelogEntryRef>(
  entries: readonly T[],
): { month: string; entries: T[] }[] {
  const sorted = [...entries].sort(
    (a, b) =>
      b.changelog.date.localeCompare(a.changelog.date) ||
      (b.changelog.ruleset ?? '').localeCompare(a.changelog.ruleset ?? '', 'en', { numeric: true }) ||
      b.id.localeCompare(a.id),
  );
  const groups: { month: string; entries: T[] }[] = [];
  for (const entry of sorted) {
    const month = monthLabel(entry.changelog.date);
    const last = groups.at(-1);
    if (last?.month === month) last.entries.push(entry);
    else groups.push({ month, entries: [entry] });
  }
  return groups;
}

/** The next dates the article claims rules change: the 1st of each month, and each quarter. */
export function expectedUpdates(today: string, months = 6) {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const firsts: string[] = [];
  for (let offset = 1; firsts.length < months; offset += 1) {
    const total = month - 1 + offset;
    firsts.push(`${year + Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`);
  }
  const quarters: string[] = [];
  for (let offset = 1; quarters.length < 4; offset += 1) {
    const total = month - 1 + offset;
    if (total % 3 === 0)
      quarters.push(`${year + Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`);
  }
  return { monthly: firsts, quarterly: quarters };
}
