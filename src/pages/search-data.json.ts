/**
 * /search-data.json: the site search's synonym groups and Traditional → Simplified table
 * (src/lib/node/search-data.ts), fetched by the search island with the Pagefind index, not on
 * page load.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { loadSynonyms, searchData } from '../lib/node/search-data';

export const GET: APIRoute = async () => {
  const docs = await getCollection('docs');
  const pages = new Set(
    docs.map((entry) => (entry.id === 'index' ? '' : `${entry.id.replace(/\/index$/, '')}/`)),
  );
  const text = docs.map((entry) => `${entry.data.title}${entry.body ?? ''}`).join('');
  const data = searchData(loadSynonyms(pages), text);
  return new Response(JSON.stringify(data), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
