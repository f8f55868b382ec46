import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { changelogEntries } from '../../data/changelog-entries';
import { groupByMonth } from '../../lib/changelog';
import { SITE_NAME } from '../../lib/site-identity';

/** The policy changelog as RSS, newest first. */
export const GET: APIRoute = async (context) => {
  const base = import.meta.env.BASE_URL;
  const entries = groupByMonth(await changelogEntries()).flatMap((group) => group.entries);
  return rss({
    title: `${SITE_NAME} · 规则更新日志`,
    description: '本站规则集、模板与所跟踪的快手规则的变化（本站不是快手官方网站）。',
    site: context.site ?? 'http://localhost:4321',
    customData: '<language>zh-cn</language>',
    items: entries.map((entry) => ({
      title: entry.title,
      link: `${base}changelog/${entry.id}/`,
      pubDate: new Date(`${entry.changelog.date}T00:00:00+08:00`),
      description: entry.description ?? entry.title,
      categories: [entry.changelog.document, ...entry.changelog.tags],
    })),
  });
};
