import { getCollection } from 'astro:content';
import type { ChangelogEntryRef } from '../lib/changelog';

/** Every changelog entry page (docs under changelog/ with `changelog` frontmatter). */
export async function changelogEntries(): Promise<(ChangelogEntryRef & { slug: string })[]> {
  const docs = await getCollection(
    'docs',
    (entry) => entry.id.startsWith('changelog/') && !!entry.data.changelog,
  );
  return docs.map((entry) => ({
    id: entry.id.replace(/^changelog\//, ''),
    slug: entry.id,
    title: entry.data.title,
    description: entry.data.description,
    changelog: entry.data.changelog!,
  }));
}
