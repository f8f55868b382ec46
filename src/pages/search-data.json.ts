/**
 * /search-data.json: the site search's synonym groups and Traditional → Simplified table
 * (src/lib/node/search-data.ts), fetched by the search island with the Pagefind index, not on
 * page load.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { loadSynonyms, searchData } from '../lib/node/search-data';
// The text is bundled into the build: a path would not survive the build's relocation of this code.
import synonymsText from '../content/data/search-synonyms.yaml?raw';

export const GET: APIRoute = async () => {
  const docs = await getCollection('docs');
  const pages = new Set(
    docs.map((entry) => (entry.id === 'index' ? '' : `${entry.id.replace(/\/index$/, '')}/`)),
  );
  const text = docs.map((entry) => `${entry.data.title}${entry.body ?? ''}`).join('');
  const data = searchData(loadSynonyms(pages, synonymsText), text);
  return new Response(JSON.stringify(data), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
