/**
 * How the outcome figures name request types, template revisions and entries, from the site's
 * data built into the page. Entries may name a type or template the site no longer has (an old
 * log migrated into cases): they keep a readable name instead of failing.
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
      // A case does not record the template a mail was written from: only mails migrated from
      // the old log have one. The others are not known to be without a template.
      if (key === '') return '未记录模板';
      const [id, revision] = key.split('@');
      return template(id!, Number(revision));
    },
  };
}
