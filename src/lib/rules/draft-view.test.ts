import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { digestFindings, highlightLines, isLongDraft, LONG_DRAFT, type HighlightLine } from './draft-view';
import type { Severity } from './ruleset';
import { expectLinearTime, repeatTo } from '../../../tests/support/linear-time';

const join = (lines: readonly HighlightLine[]) =>
  lines.map((line) => line.map((segment) => segment.text).join('')).join('\n');
const marked = (lines: readonly HighlightLine[]) =>
  lines.flatMap((line) => line.filter((segment) => segment.severity).map((s) => `${s.severity}:${s.text}`));

const severity = fc.constantFrom<Severity>('error', 'warning', 'info');
const anyText = fc.string({ unit: 'binary', maxLength: 300 });
const anyFindings = fc.array(
  fc.record({ start: fc.integer({ min: -5, max: 320 }), end: fc.integer({ min: -5, max: 320 }), severity }),
  { maxLength: 20 },
);

describe('highlightLines', () => {
  it('splits marks at line breaks and keeps empty lines', () => {
    const text = '我要转投\n其他平台\n\n好';
    const lines = highlightLines(text, [{ start: 2, end: 9, severity: 'error' }]);
    expect(lines).toEqual([
      [
        { text: '我要', severity: null },
        { text: '转投', severity: 'error' },
      ],
      [{ text: '其他平台', severity: 'error' }],
      [],
      [{ text: '好', severity: null }],
    ]);
  });

  it('leaves out a range that starts inside an earlier one, and empty ranges', () => {
    const lines = highlightLines('abcdef', [
      { start: 1, end: 4, severity: 'warning' },
      { start: 2, end: 6, severity: 'error' },
      { start: 5, end: 5, severity: 'info' },
      { start: 4, end: 6, severity: 'info' },
    ]);
    expect(marked(lines)).toEqual(['warning:bcd', 'info:ef']);
  });

  it('gives the text back, one line per line, marks inside findings, for any input', () => {
    fc.assert(
      fc.property(anyText, anyFindings, (text, findings) => {
        const lines = highlightLines(text, findings);
        expect(join(lines)).toBe(text);
        expect(lines).toHaveLength(text.split('\n').length);
        for (const line of lines) for (const segment of line) expect(segment.text.length).toBeGreaterThan(0);
        // Every marked character lies inside some finding of that severity.
        let offset = 0;
        for (const line of lines) {
          for (const segment of line) {
            if (segment.severity) {
              const inside = findings.some(
                (finding) =>
                  finding.severity === segment.severity &&
                  finding.start <= offset &&
                  offset + segment.text.length <= finding.end,
              );
              expect(inside).toBe(true);
            }
            offset += segment.text.length;
          }
          offset += 1;
        }
        expect(highlightLines(text, findings)).toEqual(lines);
      }),
    );
  });

  it('takes linear time on 1 MB, in lines or on one line, with a finding every 50 characters', () => {
    const findingsOf = (text: string) =>
      Array.from({ length: Math.floor(text.length / 50) }, (_, index) => ({
        start: index * 50,
        end: index * 50 + 6,
        severity: 'warning' as const,
      }));
    for (const paragraph of [
      `${'问题描述：我的视频被下架，'.repeat(3)}转投其他平台\n`,
      '转投其他平台，我的视频被下架。',
    ]) {
      expectLinearTime(
        (size) => {
          const text = repeatTo(paragraph, size);
          return { text, findings: findingsOf(text) };
        },
        ({ text, findings }) => highlightLines(text, findings),
      );
    }
  });
});

describe('isLongDraft', () => {
  it('counts characters and lines', () => {
    expect(isLongDraft('好'.repeat(LONG_DRAFT.characters))).toBe(false);
    expect(isLongDraft('好'.repeat(LONG_DRAFT.characters + 1))).toBe(true);
    expect(isLongDraft('\n'.repeat(LONG_DRAFT.lines - 1))).toBe(false);
    expect(isLongDraft('\n'.repeat(LONG_DRAFT.lines))).toBe(true);
    expect(isLongDraft('')).toBe(false);
  });

  it('agrees with counting for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), fc.nat({ max: 2_500 }), (text, breaks) => {
        const draft = text + '\n'.repeat(breaks);
        const expected = draft.length > LONG_DRAFT.characters || draft.split('\n').length > LONG_DRAFT.lines;
        expect(isLongDraft(draft)).toBe(expected);
      }),
      { numRuns: 50 },
    );
  });
});

describe('digestFindings', () => {
  it('counts every finding, keeps the first ones and the first of each severity', () => {
    const finding = fc.record({
      rule: fc.string({ maxLength: 5 }),
      severity: fc.constantFrom<Severity>('error', 'warning', 'info'),
      message: fc.string({ unit: 'binary', maxLength: 10 }),
      start: fc.nat(50),
      end: fc.nat(50),
    });
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 40 }), fc.nat(50), (findings, listed) => {
        const digest = digestFindings(findings, listed);
        expect(digest.total).toBe(findings.length);
        expect(digest.listed).toEqual(findings.slice(0, listed));
        for (const severity of ['error', 'warning', 'info'] as const) {
          expect(digest.counts[severity]).toBe(findings.filter((item) => item.severity === severity).length);
          expect(digest.first[severity]).toBe(findings.find((item) => item.severity === severity));
        }
      }),
    );
  });
});
