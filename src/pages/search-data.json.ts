/**
 * /search-data.json: the site search's synonym groups and Traditional → Simplified table
 * (src/lib/node/search-data.ts), fetched by the search island with the Pagefind index, not on
 * page load. The groups come from the content collection (read and checked once by
 * src/lib/node/site-content.ts); that the pages they name exist is checked here, where the
 * pages are known.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { checkSynonymPages } from '../lib/search-synonyms';
import { searchData } from '../lib/node/search-data';

export const GET: APIRoute = async () => {
  const docs = await getCollection('docs');
  const pages = new Set(
    docs.map((entry) => (entry.id === 'index' ? '' : `${entry.id.replace(/\/index$/, '')}/`)),
  );
  const groups = (await getCollection('searchSynonyms'))
    .map((entry) => entry.data)
    .sort((a, b) => a.order - b.order);
  checkSynonymPages(groups, pages);
  const text = docs.map((entry) => `${entry.data.title}${entry.body ?? ''}`).join('');
  const data = searchData(groups, text);
  return new Response(JSON.stringify(data), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
