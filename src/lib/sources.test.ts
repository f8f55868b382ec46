import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  addressesIn,
  addressesMissing,
  groupSources,
  isLinkable,
  normalizeAddress,
  parseSources,
  type Source,
} from './sources';

const source = (url: string | null, group = '组一'): Source => ({
  group,
  title: '某个来源',
  url,
  what: '它是什么',
  hand: 'second',
});

describe('addressesIn', () => {
  it.each([
    ['见 https://www.kuaishou.com/help/report 的说明', ['kuaishou.com/help/report']],
    ['链接 (https://ipp.kuaishou.com/) 与 ipp.kuaishou.com', ['ipp.kuaishou.com']],
    ['邮箱 support@kuaishou.com 不是来源', []],
    ['copy feifmx.com/zw/news/1.html)', ['feifmx.com/zw/news/1.html']],
    ['links cac.gov.cn/2025-12/29/… for the law', ['cac.gov.cn/2025-12/29']],
    ['官方文本在 flk.npc.gov.cn；', ['flk.npc.gov.cn']],
    ['（support.google.com/mail/answer/6590）', ['support.google.com/mail/answer/6590']],
    ['没有地址的一句话', []],
  ])('%s', (text, expected) => {
    expect(addressesIn(text)).toEqual(expected);
  });

  it('never throws and returns only normalized addresses', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const address of addressesIn(text)) expect(address).toBe(normalizeAddress(address));
      }),
    );
  });
});

describe('addressesMissing', () => {
  it.each([
    ['https://www.12377.cn/', [source('https://www.12377.cn/')], []],
    ['www.kuaishou.com 页面', [source('https://www.kuaishou.com/norm')], []],
    ['flk.npc.gov.cn', [source('https://www.12377.cn/')], ['flk.npc.gov.cn']],
    ['https://a.com/x 和 https://a.com/y', [source('https://a.com/x')], ['a.com/y']],
    ['cac.gov.cn/2025-12/29/…', [source('cac.gov.cn/2025-12/29/…')], []],
  ])('%s', (text, sources, expected) => {
    expect(addressesMissing(text, sources)).toEqual(expected);
  });

  it('the site list covers every address of the research notes', () => {
    const sources = parseSources(parse(readFileSync(resolve('src/content/data/sources.yaml'), 'utf8')));
    const dir = '/work/shared/research';
    let notes: string[] = [];
    try {
      notes = readdirSync(dir).filter((file) => file.endsWith('.md'));
    } catch {
      // The notes live outside the repository; without them there is nothing to compare.
    }
    for (const file of notes)
      expect(addressesMissing(readFileSync(resolve(dir, file), 'utf8'), sources), file).toEqual([]);
  });
});

describe('parseSources', () => {
  it('accepts a valid list and groups it in order', () => {
    const list = parseSources([
      source('https://a.com/', '甲组'),
      source(null, '乙组'),
      source('b.cn', '甲组'),
    ]);
    expect(groupSources(list).map((group) => [group.group, group.sources.length])).toEqual([
      ['甲组', 2],
      ['乙组', 1],
    ]);
  });

  it.each([
    [{ ...source('https://a.com/'), hand: 'third' }, /第 1 条：字段 hand/],
    [{ ...source('https://a.com/'), extra: 1 }, /第 1 条/],
    [{ ...source('https://a.com/'), what: '' }, /字段 what/],
  ])('names the record and field of a bad entry', (record, message) => {
    expect(() => parseSources([record])).toThrow(message);
  });

  it('says a non-list is not a list', () => {
    expect(() => parseSources({})).toThrow('记录列表');
  });
});

describe('isLinkable', () => {
  it.each([
    ['https://a.com/', true],
    ['http://a.com/', true],
    ['a.com/x', false],
    ['javascript:alert(1)', false],
  ])('%s → %s', (url, expected) => {
    expect(isLinkable(url)).toBe(expected);
  });
});
