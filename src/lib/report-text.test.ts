import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportHref, reportText } from './report-text';

describe('reportText', () => {
  it.each([
    [
      { date: '2026-11-30' },
      ['页面：（页面地址）', '哪里不对：（哪一句、哪个地址或哪个数字）', '查看日期：2026-11-30'],
    ],
    [
      { page: ' /cases/copyright/ ', wrong: '地址\n写错了', source: 'https://a.org/', date: '2026-11-30' },
      ['页面：/cases/copyright/', '哪里不对：地址 写错了', '出处：https://a.org/'],
    ],
    [{ page: '   ', date: '' }, ['页面：（页面地址）', '查看日期：（你看到出处的日期）']],
  ])('%j', (fields, lines) => {
    const text = reportText(fields);
    expect(text.split('\n')[0]).toContain('纠错');
    for (const line of lines) expect(text.split('\n')).toContain(line);
  });

  it('always has five lines, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (page, wrong, source) => {
        expect(reportText({ page, wrong, source, date: '2026-11-30' }).split('\n')).toHaveLength(5);
      }),
    );
  });
});

describe('reportHref', () => {
  it('adds subject and body to a mailto: address', () => {
    const href = reportHref('mailto:a@example.org', '页面：x');
    expect(href.startsWith('mailto:a@example.org?subject=')).toBe(true);
    expect(decodeURIComponent(href.split('body=')[1]!)).toBe('页面：x');
  });
  it('keeps an https:// address as it is', () => {
    expect(reportHref('https://example.org/issues/new', 'x')).toBe('https://example.org/issues/new');
  });
});
