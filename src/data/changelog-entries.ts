import { getCollection } from 'astro:content';
import { documentNames, unknownDocument, type ChangelogEntryRef } from '../lib/changelog';
import { watchedDocuments } from './watched-documents';

/**
 * Every changelog entry page (docs under changelog/ with `changelog` frontmatter). An entry about
 * a document that is not on the watch list fails the build, naming the entry and the document.
 */
export async function changelogEntries(): Promise<(ChangelogEntryRef & { slug: string })[]> {
  const docs = await getCollection(
    'docs',
    (entry) => entry.id.startsWith('changelog/') && !!entry.data.changelog,
  );
  const names = documentNames(await watchedDocuments());
  return docs.map((entry) => {
    const changelog = entry.data.changelog!;
    const unknown = unknownDocument(changelog, names);
    if (unknown)
      throw new Error(
        `更新日志有误：${entry.id} → 字段 "changelog.documents"：未知的文件 id：${unknown}（应为 watched-documents.yaml 中的 id 或 site）`,
      );
    return {
      id: entry.id.replace(/^changelog\//, ''),
      slug: entry.id,
      title: entry.data.title,
      description: entry.data.description,
      changelog,
    };
  });
}
