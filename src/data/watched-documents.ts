import { getCollection } from 'astro:content';
import type { WatchedDocument } from '../lib/watched-documents';

/** The changelog's watch list, in the data file's order. */
export async function watchedDocuments(): Promise<WatchedDocument[]> {
  const entries = await getCollection('watchedDocuments');
  return entries
    .map((entry) => entry.data)
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...doc }) => doc);
}
