/**
 * How the outcome tracker names request types, template revisions and entries, from the site's
 * data built into the page. Entries may name a type or template the site no longer has (an old
 * or imported log): they keep a readable name instead of failing.
 */
import type { GroupBy, OutcomeEntry } from '../../lib/outcomes/outcome-log';

/** Build-time data (data-outcomes). */
export interface TrackerData {
  requestTypes: { id: string; label: string; formerNames?: string[] }[];
  templates: { id: string; title: string; revisions: number }[];
}

export interface Labels {
  type(id: string): string;
  template(id: string, revision: number): string;
  /** How status messages name an entry: its sending date and type. */
  entry(entry: OutcomeEntry): string;
  /** The name of a figures row: a request type, a template revision, or no template (''). */
  group(groupBy: GroupBy, key: string): string;
}

export function labelsFor(data: TrackerData): Labels {
  const type = (id: string) =>
    data.requestTypes.find((candidate) => candidate.id === id)?.label ?? `${id}（本站已不再使用的类型）`;
  const template = (id: string, revision: number) =>
    `${data.templates.find((candidate) => candidate.id === id)?.title ?? id} · 修订 ${revision}`;
  return {
    type,
    template,
    entry: (entry) => `${entry.sent} ${type(entry.requestType)}`,
    group(groupBy, key) {
      if (groupBy === 'requestType') return type(key);
      if (key === '') return '未使用本站模板';
      const [id, revision] = key.split('@');
      return template(id!, Number(revision));
    },
  };
}
