import { describe, expect, it } from 'vitest';
import { browserRequired, findChromium } from '../../scripts/support/chromium';

describe('browser discovery', () => {
  it('honours CHROME_PATH, and reports a missing one as missing', () => {
    expect(findChromium({ CHROME_PATH: process.execPath })).toBe(process.execPath);
    expect(findChromium({ CHROME_PATH: '/nonexistent/chromium' })).toBeNull();
  });

  it.each([
    [{}, false],
    [{ CI: 'true' }, true],
    [{ CI: '1' }, true],
    [{ REQUIRE_BROWSER: '1' }, true],
    [{ CI: 'false' }, false],
  ])('browserRequired(%j) is %s', (env, expected) => {
    expect(browserRequired(env)).toBe(expected);
  });
});
