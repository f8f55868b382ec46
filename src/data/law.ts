/**
 * The statute registry for pages, read from the `law` content collection (filled and checked by
 * src/lib/node/site-content.ts). A page asks for an article by id; an unknown id fails the build.
 */
import { getCollection, getEntry } from 'astro:content';
import type { RegistryEntry } from '../lib/law/statute-registry';

const withoutOrder = ({ order: _order, ...entry }: RegistryEntry & { order: number }): RegistryEntry => entry;

/** One article; throws (and so fails the build) naming the page when the id is not registered. */
export async function lawEntry(id: string, page: string): Promise<RegistryEntry> {
  const entry = await getEntry('law', id);
  if (!entry) throw new Error(`页面 ${page} 引用了法条登记表中没有的条文 "${id}"（src/content/law/*.yaml）`);
  return withoutOrder(entry.data);
}

/** Every article, in the registry files' order. */
export async function allLawEntries(): Promise<RegistryEntry[]> {
  const entries = await getCollection('law');
  return entries
    .map((entry) => entry.data)
    .sort((a, b) => a.order - b.order)
    .map(withoutOrder);
}
