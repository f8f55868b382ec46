import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changelogMetaSchema, documentNames, type ChangelogEntryRef } from './changelog';
import { entryText, feedItems, feedOf, jsonFeed, publishedAt, type FeedName } from './changelog-feed';
import { jsonFeedValidator } from '../../tests/support/json-feed-schema';

const names = documentNames([
  { id: 'kwaixiaodian-rules', name: '快手电商规则中心公告' },
  { id: 'kuaishou-norm', name: '快手社区管理规范' },
]);
const entry = (id: string, changelog: unknown, description?: string): ChangelogEntryRef => ({
  id,
  title: `标题 ${id}`,
  description,
  changelog: changelogMetaSchema.parse(changelog),
});
const change = entry(
  '2023-06-26-change',
  {
    kind: 'change',
    date: '2023-06-26',
    effective: '2023-07-03',
    documents: ['kwaixiaodian-rules'],
    source: { url: 'https://example.org/notice', title: '转载的公告', secondHand: true },
    statement: '于2023年7月3日生效。',
    before: null,
    after: '修订后的条文',
    impact: '不影响邮件写法',
  },
  '电商规则修订',
);
const checked = entry('2026-11-30-checked', {
  kind: 'checked',
  date: '2026-11-30',
  documents: ['kuaishou-norm', 'kwaixiaodian-rules'],
  method: '转载副本',
  result: '未找到新的变更记录',
});
const release = entry('2026-11-24-release', { kind: 'release', date: '2026-11-24', ruleset: '2026.11.1' });
const entries = [release, change, checked];
const pageUrl = (id: string) => `https://example.org/changelog/${id}/`;
const validate = jsonFeedValidator();

describe('changelog feeds', () => {
  it.each([
    ['all', ['2026-11-30-checked', '2026-11-24-release', '2023-06-26-change']],
    ['kuaishou', ['2026-11-30-checked', '2023-06-26-change']],
    ['site', ['2026-11-24-release']],
  ] as [FeedName, string[]][])('the %s feed holds its entries, newest first', (feed, ids) => {
    expect(feedItems(entries, feed, names, pageUrl).map((item) => item.id)).toEqual(ids.map(pageUrl));
  });

  it.each([
    [change, 'kuaishou', ['快手电商规则中心公告', '快手规则变化', '规则变化']],
    [checked, 'kuaishou', ['快手社区管理规范', '快手电商规则中心公告', '快手规则变化', '已检查，无变化']],
    [release, 'site', ['本站规则与模板', '本站发布']],
  ] as const)('an item names its documents, feed and kind in its tags (%#)', (item, feed, tags) => {
    expect(feedOf(item.changelog)).toBe(feed);
    expect(feedItems([item], 'all', names, pageUrl)[0]!.tags).toEqual(tags);
  });

  it('a Kuaishou change links its source and quotes it; what the source does not give is said so', () => {
    const [item] = feedItems([change], 'all', names, pageUrl);
    expect(item!.external_url).toBe('https://example.org/notice');
    expect(item!.date_published).toBe('2023-06-26T00:00:00+08:00');
    expect(item!.content_text).toBe(
      [
        '电商规则修订',
        '文件：快手电商规则中心公告',
        '发布日期：2023-06-26',
        '生效日期：2023-07-03',
        '来源（转载，二手）：转载的公告 https://example.org/notice',
        '来源原文：「于2023年7月3日生效。」',
        '修改前：来源未载明',
        '修改后：「修订后的条文」',
        '对邮件的影响：不影响邮件写法',
      ].join('\n'),
    );
    expect(feedItems([checked, release], 'all', names, pageUrl).every((i) => !('external_url' in i))).toBe(
      true,
    );
    expect(entryText(release, names)).toBe(
      '标题 2026-11-24-release\n文件：本站规则与模板\n规则集版本：2026.11.1',
    );
  });

  it.each(['all', 'kuaishou', 'site'] as FeedName[])('the %s feed is valid JSON Feed 1.1', (feed) => {
    const document = jsonFeed(feed, feedItems(entries, feed, names, pageUrl), {
      home: 'https://example.org/changelog/',
      feed: 'https://example.org/changelog/feed.json',
    });
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['a wrong version', { version: 'https://jsonfeed.org/version/1' }],
    ['no items', { items: undefined }],
    ['an item without content', { items: [{ id: 'x' }] }],
    [
      'a date that is not RFC 3339',
      { items: [{ id: 'x', content_text: 'y', date_published: '2026-11-30' }] },
    ],
    ['tags that are not strings', { items: [{ id: 'x', content_text: 'y', tags: [1] }] }],
  ])('the schema can fail: %s', (_name, override) => {
    const document = {
      ...jsonFeed('all', [], { home: 'https://example.org/', feed: 'https://example.org/f' }),
      ...override,
    };
    expect(validate(document)).toBe(false);
  });

  it('any entry text makes a valid feed item', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (title, statement) => {
        const item = { ...change, title, changelog: { ...change.changelog, statement } } as ChangelogEntryRef;
        const document = jsonFeed('all', feedItems([item], 'all', names, pageUrl), {
          home: 'https://example.org/',
          feed: 'https://example.org/feed.json',
        });
        expect(validate(document)).toBe(true);
        expect(JSON.parse(JSON.stringify(document))).toEqual(document);
        expect(publishedAt('2026-01-02')).toBe('2026-01-02T00:00:00+08:00');
      }),
    );
  });
});
