import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchCase, readCaseParam, SHOWN_ID_MAX, unknownCaseText, withoutCaseParam } from './case-param';

const KNOWN = ['account-appeal', 'copyright', 'merchant', 'basic-inquiry'];

describe('readCaseParam', () => {
  it.each([
    ['?case=account-appeal', 'account-appeal'],
    ['case=merchant', 'merchant'],
    ['?x=1&case=copyright&y=2', 'copyright'],
    ['?case=%20merchant%20', 'merchant'],
    ['?case=%3Cscript%3E', '<script>'],
    ['?case=', null],
    ['?case=%20', null],
    ['', null],
    ['?other=1', null],
    ['?case=a&case=b', 'a'],
    ['?case=%E0%A4%A', '\ufffd%A'], // a broken escape is replaced, not thrown on
  ])('%s → %s', (search, expected) => {
    expect(readCaseParam(search)).toBe(expected);
  });
});

describe('matchCase', () => {
  it.each([
    ['account-appeal', { kind: 'known', id: 'account-appeal' }],
    ['merchant', { kind: 'known', id: 'merchant' }],
    ['foo', { kind: 'unknown', shown: 'foo' }],
    ['Merchant', { kind: 'unknown', shown: 'Merchant' }],
    ['<script>', { kind: 'unknown', shown: '<script>' }],
    ['toString', { kind: 'unknown', shown: 'toString' }],
    ['__proto__', { kind: 'unknown', shown: '__proto__' }],
    ['a\u0000b\u202Ec\nd', { kind: 'unknown', shown: 'abc d' }],
    ['x'.repeat(100), { kind: 'unknown', shown: `${'x'.repeat(SHOWN_ID_MAX)}…` }],
    ['😀'.repeat(50), { kind: 'unknown', shown: `${'😀'.repeat(SHOWN_ID_MAX)}…` }],
  ] as const)('%j', (value, expected) => {
    expect(matchCase(value, KNOWN)).toEqual(expected);
  });

  it('every known id is found; anything else is unknown, short and printable', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (value) => {
        const match = matchCase(value, KNOWN);
        if (KNOWN.includes(value)) return expect(match).toEqual({ kind: 'known', id: value });
        expect(match.kind).toBe('unknown');
        if (match.kind !== 'unknown') return;
        expect([...match.shown].length).toBeLessThanOrEqual(SHOWN_ID_MAX + 1);
        expect(match.shown).not.toMatch(/[\p{Cc}\p{Cf}]/u);
        expect(match.shown.isWellFormed()).toBe(true);
      }),
    );
  });

  it('reads whatever the address bar holds without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (search) => {
        const value = readCaseParam(search);
        if (value !== null) matchCase(value, KNOWN);
      }),
    );
  });
});

describe('unknownCaseText and withoutCaseParam', () => {
  it('names the id in the message', () => {
    expect(unknownCaseText('foo')).toMatch(/^没有名为“foo”的案例/);
  });
  it.each([
    ['?case=merchant', ''],
    ['?a=1&case=merchant&b=2', '?a=1&b=2'],
    ['', ''],
  ])('%s → %j', (search, expected) => {
    expect(withoutCaseParam(search)).toBe(expected);
  });
});
