import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { documentNames } from '../lib/changelog';
import { feedItems, feeds, jsonFeed, type FeedName } from '../lib/changelog-feed';
import { SITE_NAME } from '../lib/site-identity';
import { changelogEntries } from './changelog-entries';
import { watchedDocuments } from './watched-documents';

/** The site's absolute origin + base (feeds need absolute URLs). */
const siteRoot = (context: APIContext) =>
  new URL(import.meta.env.BASE_URL, context.site ?? 'http://localhost:4321');

async function items(feed: FeedName, context: APIContext) {
  const root = siteRoot(context);
  const names = documentNames(await watchedDocuments());
  return feedItems(await changelogEntries(), feed, names, (id) => new URL(`changelog/${id}/`, root).href);
}

/** GET handler body of a JSON Feed 1.1 page. */
export async function jsonFeedResponse(feed: FeedName, context: APIContext): Promise<Response> {
  const root = siteRoot(context);
  const body = jsonFeed(feed, await items(feed, context), {
    home: new URL('changelog/', root).href,
    feed: new URL(`changelog/${feeds[feed].json}`, root).href,
  });
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
}

/** GET handler body of an RSS page (the combined one keeps the URL subscribers already use). */
export async function rssFeedResponse(feed: FeedName, context: APIContext): Promise<Response> {
  return rss({
    title: `${SITE_NAME} · ${feeds[feed].title}`,
    description: feeds[feed].description,
    site: siteRoot(context).href,
    customData: '<language>zh-cn</language>',
    items: (await items(feed, context)).map((item) => ({
      title: item.title,
      link: item.url,
      pubDate: new Date(item.date_published),
      description: item.content_text,
      categories: item.tags,
    })),
  });
}
