import { describe, expect, it } from 'vitest';
import { basePathFromEnv, missingSiteUrl, reportUrlFromEnv, siteUrlFromEnv } from './deploy-config.mjs';

describe('basePathFromEnv', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['mail-guide', '/mail-guide/'],
    ['/mail-guide', '/mail-guide/'],
    ['/mail-guide/', '/mail-guide/'],
    ['/docs/mail-guide/', '/docs/mail-guide/'],
  ])('%j → %j', (input, expected) => {
    expect(basePathFromEnv(input)).toBe(expected);
  });

  it.each(['/a b/', '//evil.example/', '/中文/', '/a?b'])('rejects %j with a Chinese message', (input) => {
    expect(() => basePathFromEnv(input)).toThrow(/BASE_PATH/);
  });
});

describe('siteUrlFromEnv', () => {
  it('defaults to the local preview address', () => {
    expect(siteUrlFromEnv(undefined)).toBe('http://localhost:4321');
  });
  it('keeps only the origin', () => {
    expect(siteUrlFromEnv('https://example.org/some/path')).toBe('https://example.org');
  });
  it.each(['example.org', 'ftp://example.org', 'not a url'])('rejects %j', (input) => {
    expect(() => siteUrlFromEnv(input)).toThrow(/SITE_URL/);
  });
});

describe('reportUrlFromEnv', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['   ', null],
    ['https://example.org/issues/new', 'https://example.org/issues/new'],
    ['mailto:someone@example.org', 'mailto:someone@example.org'],
    [' https://example.org ', 'https://example.org/'],
  ])('%j → %j', (input, expected) => {
    expect(reportUrlFromEnv(input)).toBe(expected);
  });

  it.each([
    'example.org/issues',
    'http://example.org/issues',
    'mailto:',
    'mailto:nobody',
    'javascript:alert(1)',
    'htps://example.org',
  ])('rejects %j with a Chinese message naming the setting', (input) => {
    expect(() => reportUrlFromEnv(input)).toThrow(/REPORT_URL/);
  });

  it('names the setting it was read from', () => {
    expect(() => reportUrlFromEnv('ftp://x.org', 'package.json 的 bugs.url')).toThrow(/bugs\.url/);
  });
});

describe('missingSiteUrl (issue 21: a build without SITE_URL wrote localhost links silently)', () => {
  it.each([
    [{ siteUrl: 'https://example.org', building: true, ci: true, strict: true }, null],
    [{ siteUrl: undefined, building: false, ci: true, strict: false }, null],
    [{ siteUrl: undefined, building: true, ci: false, strict: false }, false],
    [{ siteUrl: '  ', building: true, ci: true, strict: false }, true],
    [{ siteUrl: undefined, building: true, ci: false, strict: true }, true],
  ])('%o → fail %s', (input, fail) => {
    const problem = missingSiteUrl(input);
    if (fail === null) expect(problem).toBeNull();
    else expect(problem).toMatchObject({ fail, message: expect.stringContaining('SITE_URL 没有设置') });
  });
});
