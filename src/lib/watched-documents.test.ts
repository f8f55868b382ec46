import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, checkStatus, CHECK_CADENCE_DAYS, parseWatchedDocuments } from './watched-documents';
import { loadWatchedDocuments } from './node/load-watched-documents';

const doc = {
  id: 'kuaishou-norm',
  name: '快手社区管理规范',
  url: 'https://www.kuaishou.com/norm',
  publisher: '快手',
  scope: '封禁申诉要对照它。',
  lastChecked: '2026-11-30',
  checkedHow: '转载副本（二手）',
};

describe('the watch list', () => {
  it('the data file is valid: every document the guide relies on, Kuaishou’s and national', () => {
    const docs = loadWatchedDocuments();
    expect(docs.map((d) => d.url)).toContain('https://www.kuaishou.com/norm');
    expect(docs.map((d) => d.url)).toContain('https://edu.kwaixiaodian.com/rule/web/index');
    expect(docs.filter((d) => d.publisher === '国家').length).toBe(5);
    // Kuaishou's addresses are second-hand (research/official-channels.md): each row says so.
    for (const d of docs.filter((d) => d.publisher === '快手')) expect(d.checkedHow, d.id).toMatch(/二手/);
  });

  it.each([
    ['a missing field', [{ ...doc, scope: undefined }], /记录 "kuaishou-norm" → 字段 "scope"：必填字段/],
    ['a bad date', [{ ...doc, lastChecked: '2026/11/30' }], /字段 "lastChecked"：日期格式应为 YYYY-MM-DD/],
    [
      'a non-https URL',
      [{ ...doc, url: 'http://www.kuaishou.com/norm' }],
      /字段 "url"：网址应为完整的 https:\/\/ 地址/,
    ],
    ['an unknown publisher', [{ ...doc, publisher: '第三方' }], /字段 "publisher"/],
    ['an unknown field', [{ ...doc, schedule: '每月1号' }], /记录 "kuaishou-norm"/],
    ['a duplicate id', [doc, { ...doc, name: '另一个' }], /字段 "id"：id 重复/],
    ['a duplicate name', [doc, { ...doc, id: 'other' }], /字段 "name"：名称重复/],
    ['a record that is not an object', ['快手'], /记录 "#1"：记录应为对象/],
    ['an empty list', [], /非空的记录列表/],
  ])(
    'a broken record fails with a Chinese message naming file, record and field: %s',
    (_name, raw, message) => {
      expect(() => parseWatchedDocuments(raw)).toThrow(/^关注文件清单有误：watched-documents\.yaml/);
      expect(() => parseWatchedDocuments(raw)).toThrow(message);
    },
  );

  it.each([
    ['2026-11-30', '2026-12-30', '2026-11-30', false],
    ['2026-11-30', '2026-12-30', '2026-12-30', false],
    ['2026-11-30', '2026-12-30', '2026-12-31', true],
    ['2026-12-15', '2027-01-14', '2026-12-20', false],
    ['2028-02-10', '2028-03-11', '2028-03-01', false],
    ['2026-02-10', '2026-03-12', '2026-03-13', true],
  ])('checked %s → next check %s; on %s overdue: %s', (last, next, today, overdue) => {
    expect(checkStatus(last, today)).toEqual({ lastChecked: last, nextCheck: next, overdue });
  });

  it('the next check is always the cadence after the last one, in calendar days', () => {
    const date = fc
      .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 400 }), (last, days) => {
        const next = addDays(last, days);
        expect(next).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect((Date.parse(next) - Date.parse(last)) / 86_400_000).toBe(days);
        expect(checkStatus(last, last).overdue).toBe(false);
        expect(checkStatus(last, addDays(last, CHECK_CADENCE_DAYS + 1)).overdue).toBe(true);
      }),
    );
  });
});
