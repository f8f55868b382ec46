import { getCollection } from 'astro:content';
import type { GuideData, GuideTableName } from '../lib/guide-data';

/** A guide table's rows in the order of its data file (getCollection sorts by id). */
export async function getGuideTable<K extends GuideTableName>(name: K): Promise<GuideData[K]> {
  const entries = await getCollection(name);
  return entries
    .map((entry) => entry.data as unknown as GuideData[K][number] & { order: number })
    .sort((a, b) => a.order - b.order) as GuideData[K];
}
