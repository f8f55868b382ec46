/**
 * The 法律依据 chapter and the statute registry page as a rights holder reads them on a 360 px
 * phone: every quote is the registry's text, readable without sideways scrolling, with its law,
 * article, version, checked copy and 本站不提供法律意见; the chapter, the templates page and the
 * four case pages link to each other, and a reader gets from 「作品被搬运」 to a notice template
 * and the checker without leaving the site. No page script of ours runs there.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ISLAND_TAGS, launch, noBrowser, siteUrl } from '../support/browser';
import { axeViolations, describeViolations, isBlocking, type AxeViolation } from '../support/axe';
import { loadLawRegistry } from '../../src/lib/node/load-law';

const PHONE = { width: 360, height: 740 };
const registry = new Map(
  loadLawRegistry(undefined, undefined, { guard: false }).map((entry) => [entry.id, entry]),
);
const CASE_PAGES = [
  '/cases/copyright/',
  '/cases/takedown/',
  '/cases/personal-info/',
  '/cases/account-appeal/',
];

describe.skipIf(noBrowser)('the 法律依据 chapter in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });

  const phonePage = async (path: string): Promise<Page> => {
    const context = await browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const response = await page.goto(new URL(path.replace(/^\//, ''), siteUrl).href, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    return page;
  };

  /** Every quote on the page: its id, text as shown (paragraphs joined by line breaks) and layout. */
  const quotesOn = (page: Page) =>
    page.$$eval('[data-law-quote]', (figures) =>
      figures.map((figure) => {
        const text = figure.querySelector('blockquote')!;
        const paragraphs = [...text.querySelectorAll('p')];
        const caption = figure.querySelector('figcaption')!;
        const box = figure.getBoundingClientRect();
        return {
          id: figure.getAttribute('data-law-quote')!,
          text: paragraphs.map((p) => p.textContent).join('\n'),
          caption: caption.textContent!.replace(/\s+/g, ' '),
          fontSize: Math.min(...paragraphs.map((p) => parseFloat(getComputedStyle(p).fontSize))),
          right: box.right,
          overflows: [figure, text, caption].some((node) => node.scrollWidth > node.clientWidth + 1),
        };
      }),
    );

  it('on a phone every quote is the registry text, fits the screen and says where it was checked', async () => {
    for (const path of ['/guide/law/', '/guide/law/registry/']) {
      const page = await phonePage(path);
      const quotes = await quotesOn(page);
      expect(quotes.length, path).toBeGreaterThan(path.includes('registry') ? registry.size - 1 : 15);
      for (const quote of quotes) {
        const entry = registry.get(quote.id);
        expect(entry, quote.id).toBeDefined();
        expect(quote.text, quote.id).toBe(entry!.text);
        expect(quote.caption).toContain(`${entry!.lawName}${entry!.article}`);
        expect(quote.caption).toContain('核对：');
        expect(quote.caption).toContain('本站不提供法律意见');
        if (entry!.copy.kind === 'repository') expect(quote.caption).toContain(entry!.copy.path);
        expect(quote.fontSize, quote.id).toBeGreaterThanOrEqual(14);
        expect(quote.overflows, quote.id).toBe(false);
        expect(quote.right, quote.id).toBeLessThanOrEqual(PHONE.width);
      }
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth, path).toBeLessThanOrEqual(PHONE.width);
      await expect(page.locator('[data-not-legal-advice]').first().textContent()).resolves.toContain(
        '本站不提供法律意见',
      );
      // No island of ours on the page: the quotes are plain server-rendered HTML.
      expect(await page.locator(ISLAND_TAGS.join(', ')).count(), path).toBe(0);
      await page.context().close();
    }
  });

  it('the chapter, the templates page and the four case pages link to each other, and every link works', async () => {
    const chapter = await phonePage('/guide/law/');
    const chapterLinks = await chapter.$$eval('.sl-markdown-content a[href]', (links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
    const base = new URL(siteUrl).pathname;
    for (const target of [...CASE_PAGES, '/templates/', '/guide/law/registry/'])
      expect(chapterLinks, target).toContain(`${base}${target.slice(1)}`);
    for (const path of [...new Set(chapterLinks)].filter((link) => link.startsWith(base))) {
      const response = await chapter.request.get(new URL(path, siteUrl).href);
      expect(response.status(), path).toBe(200);
    }
    for (const path of [...CASE_PAGES, '/templates/']) {
      const page = await phonePage(path);
      const links = await page.$$eval('.sl-markdown-content a[href]', (anchors) =>
        anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname),
      );
      expect(links, `${path} → 法律依据`).toContain(`${base}guide/law/`);
      await page.context().close();
    }
  });

  it('a rights holder goes from 作品被搬运 to the notice elements, a template and the checker, all on the site', async () => {
    const page = await phonePage('/cases/copyright/');
    await page
      .getByRole('link', { name: /一份侵权通知要写哪几项/ })
      .first()
      .click();
    await page.waitForURL(/\/guide\/law\/#/);
    // The three statutory elements, with good and bad examples, are right there.
    const elements = page.locator('[data-law-quote="ndr-14"]');
    await expect(elements.textContent()).resolves.toContain('构成侵权的初步证明材料');
    await expect(page.locator('.sl-markdown-content table').first().textContent()).resolves.toContain(
      '好的写法',
    );
    await page.locator('.sl-markdown-content a[href$="/templates/"]').first().click();
    await page.waitForURL(/\/templates\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('模板库');
    await page.goBack();
    await page.locator('.sl-markdown-content a[href*="/tools/?case=copyright"]').first().click();
    await page.waitForURL(/\/tools\/\?case=copyright$/);
    expect(new URL(page.url()).origin).toBe(new URL(siteUrl).origin);
  });

  it('axe finds no serious or critical violation on the chapter and the registry, phone and desktop, light and dark', async () => {
    const found: AxeViolation[] = [];
    for (const path of ['/guide/law/', '/guide/law/registry/']) {
      const page = await phonePage(path);
      for (const theme of ['light', 'dark']) {
        await page.evaluate((value) => document.documentElement.setAttribute('data-theme', value), theme);
        found.push(...(await axeViolations(page, `${path} 手机 ${theme}`)));
        await page.setViewportSize({ width: 1280, height: 900 });
        found.push(...(await axeViolations(page, `${path} 桌面 ${theme}`)));
        await page.setViewportSize(PHONE);
      }
      await page.context().close();
    }
    const blocking = found.filter(isBlocking);
    expect(blocking, describeViolations(blocking)).toEqual([]);
  }, 180_000);
});
