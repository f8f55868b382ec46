/**
 * The changelog's feeds as data: which feed an entry belongs to, its plain-text content, and the
 * JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/) and RSS items the pages publish.
 * Two feeds — 快手规则变化 (change and checked entries about Kuaishou's and national documents)
 * and 本站规则与模板 (release entries) — and the combined one. Pure: no Astro, no file system.
 */
import { kindLabels, newestFirst, type ChangelogEntryRef, type ChangelogMeta } from './changelog';
import { SITE_NAME } from './site-identity';

export const feedNames = ['all', 'kuaishou', 'site'] as const;
export type FeedName = (typeof feedNames)[number];

export const feeds: Record<FeedName, { title: string; description: string; json: string; rss: string }> = {
  all: {
    title: '规则更新日志',
    description: '快手规则和国家规定的变化与检查记录，以及本站规则集和模板的发布（本站不是快手官方网站）。',
    json: 'feed.json',
    rss: 'rss.xml',
  },
  kuaishou: {
    title: '快手规则变化',
    description: '本站关注的快手规则和国家规定：观察到的变化（注明来源）和“已检查，无变化”的记录。',
    json: 'kuaishou.json',
    rss: 'kuaishou.xml',
  },
  site: {
    title: '本站规则与模板',
    description: '本站检查规则集和邮件模板的发布记录。',
    json: 'site.json',
    rss: 'site.xml',
  },
};

/** Release entries go to the site's feed; changes and checks to 快手规则变化. */
export const feedOf = (meta: ChangelogMeta): Exclude<FeedName, 'all'> =>
  meta.kind === 'release' ? 'site' : 'kuaishou';

/** Midnight in Beijing on the entry's date, as RFC 3339. */
export const publishedAt = (date: string) => `${date}T00:00:00+08:00`;

/** The entry as plain text: its summary, then what the kind records. */
export function entryText(entry: ChangelogEntryRef, names: ReadonlyMap<string, string>): string {
  const meta = entry.changelog;
  const docs = meta.documents.map((id) => names.get(id) ?? id).join('、');
  const lines = [entry.description ?? entry.title, `文件：${docs}`];
  if (meta.kind === 'change') {
    lines.push(
      `发布日期：${meta.date}`,
      `生效日期：${meta.effective ?? '来源未载明'}`,
      `来源（${meta.source.secondHand ? '转载，二手' : '发布者原页面'}）：${meta.source.title} ${meta.source.url}`,
      `来源原文：「${meta.statement}」`,
      `修改前：${meta.before ? `「${meta.before}」` : '来源未载明'}`,
      `修改后：${meta.after ? `「${meta.after}」` : '来源未载明'}`,
      `对邮件的影响：${meta.impact}`,
    );
  } else if (meta.kind === 'checked') {
    lines.push(`检查日期：${meta.date}`, `检查方式：${meta.method}`, `结果：${meta.result}`);
  } else if (meta.ruleset) {
    lines.push(`规则集版本：${meta.ruleset}`);
  }
  return lines.join('\n');
}

export interface FeedItem {
  id: string;
  url: string;
  external_url?: string;
  title: string;
  content_text: string;
  date_published: string;
  tags: string[];
}

/** Tags name the entry's documents, its feed and its kind, then its own tags (each once). */
function itemTags(meta: ChangelogMeta, names: ReadonlyMap<string, string>): string[] {
  const documents = meta.documents.map((id) => names.get(id) ?? id);
  const feed = feeds[feedOf(meta)].title;
  return [...new Set([...documents, feed, kindLabels[meta.kind], ...meta.tags])];
}

/** The feed's items, newest first; `pageUrl` gives an entry's absolute page URL. */
export function feedItems(
  entries: readonly ChangelogEntryRef[],
  feed: FeedName,
  names: ReadonlyMap<string, string>,
  pageUrl: (id: string) => string,
): FeedItem[] {
  return newestFirst(entries.filter((entry) => feed === 'all' || feedOf(entry.changelog) === feed)).map(
    (entry) => {
      const meta = entry.changelog;
      return {
        id: pageUrl(entry.id),
        url: pageUrl(entry.id),
        ...(meta.kind === 'change' ? { external_url: meta.source.url } : {}),
        title: entry.title,
        content_text: entryText(entry, names),
        date_published: publishedAt(meta.date),
        tags: itemTags(meta, names),
      };
    },
  );
}

/** A JSON Feed 1.1 document; `urls` are absolute. */
export function jsonFeed(
  feed: FeedName,
  items: FeedItem[],
  urls: { home: string; feed: string },
): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${SITE_NAME} · ${feeds[feed].title}`,
    home_page_url: urls.home,
    feed_url: urls.feed,
    description: feeds[feed].description,
    language: 'zh-CN',
    items,
  };
}
