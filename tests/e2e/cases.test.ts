/**
 * Case pages as an upset reader on a phone uses them: from the home page's 「你遇到了什么事？」 to
 * the one thing to do first, on the first screen, before any Kuaishou mailbox; every case of the
 * routing table has its page and shows its first channel; /about/ lists every source of the
 * research notes and offers a way to report an error.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { launch, noBrowser, openPage, searchSite, siteUrl, revealIslands } from '../support/browser';
import { addressesIn, addressesMissing, type Source } from '../../src/lib/sources';

interface Route {
  id: string;
  need: string;
  page: string;
  channels: { channel: string; role: string }[];
}
const routes = parse(readFileSync(resolve('src/content/data/request-routes.yaml'), 'utf8')) as Route[];
const NOTES_DIR = '/work/shared/research';
const PHONE = { width: 360, height: 740 };

describe.skipIf(noBrowser)('case pages in Chromium', () => {
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

  const phonePage = async (path: string) => {
    const context = await browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(new URL(path, siteUrl).href, { waitUntil: 'load' });
    await revealIslands(page);
    return { page, errors };
  };

  it('home → 账号被封禁或限流: the App path is on the first screen, no Kuaishou mailbox before it', async () => {
    const { page, errors } = await phonePage('');
    const card = page.locator('[data-case-card="account-appeal"] a');
    const box = await card.boundingBox();
    // A tap target a thumb can hit.
    expect(box && box.height >= 44 && box.width >= 280, JSON.stringify(box)).toBe(true);
    await card.tap?.().catch(() => card.click());
    await page.waitForURL(/\/cases\/account-appeal\/$/);
    await revealIslands(page);
    const path = page.locator('[data-route-role="first"] [data-route-path]').first();
    expect(await path.innerText()).toContain('快手 App：菜单 → 头像 → 解封申诉');
    const pathBox = await path.boundingBox();
    expect(pathBox && pathBox.y + pathBox.height <= PHONE.height, JSON.stringify(pathBox)).toBe(true);
    const text = await page.locator('main').innerText();
    const at = text.indexOf('菜单 → 头像 → 解封申诉');
    const mailbox = text.indexOf('@kuaishou.com');
    expect(mailbox === -1 || mailbox > at, `邮箱出现在第一步之前（${mailbox} < ${at}）`).toBe(true);
    expect(await page.locator('[data-route-to]').innerText()).toContain('收件人留空');
    expect(await page.locator('[data-route-to]').innerText()).not.toContain('@kuaishou.com');
    const fallback = page.locator('[data-route-fallback]');
    expect(await fallback.innerText()).toContain('support@kuaishou.com');
    expect(await fallback.locator('[data-mailbox-status]').innerText()).toMatch(/核对日期 \d{4}-\d{2}-\d{2}/);
    expect(await page.locator('[data-route-mail] dt', { hasText: '备用' }).innerText()).toContain('备用（');
    expect(await page.locator('[data-route-mail] button').count()).toBe(0);
    expect(await page.locator('[data-route-reply-time] [data-claim]').innerText()).toContain('原文称');
    expect(errors).toEqual([]);
  });

  it.each(routes.map((route) => [route.id, route] as const))(
    '%s: its page exists and shows its first channel first',
    async (_id, route) => {
      const { page } = await phonePage(route.page.replace(/^\//, ''));
      expect(await page.locator('h1').innerText()).toBeTruthy();
      const first = route.channels.find((cell) => cell.role === 'first')!;
      const shown = page.locator('[data-route-role="first"] [data-route-channel]').first();
      expect(await shown.getAttribute('data-route-channel')).toBe(first.channel);
      expect(await shown.isVisible()).toBe(true);
      // The first step sits at the top of the page, before the rest of the route and the mail part.
      const text = await page.locator('main').innerText();
      expect(text.indexOf('先做这一步')).toBeGreaterThan(-1);
      const mailbox = text.indexOf('@kuaishou.com');
      expect(mailbox === -1 || mailbox > text.indexOf('先做这一步')).toBe(true);
      // The banner of pages with addresses, and the template and tools links with the case.
      if (mailbox > -1)
        expect(await page.locator('main [data-address-banner]').first().isVisible()).toBe(true);
      expect(await page.locator(`main a[href$="tools/?case=${route.id}"]`).count()).toBeGreaterThan(0);
    },
  );

  it.each([
    ['封号了怎么办', 'cases/account-appeal/'],
    ['作品被搬运', 'cases/copyright/'],
    ['不侵权声明', 'cases/takedown/'],
    ['保证金被扣', 'cases/merchant/'],
    ['账号被盗', 'cases/account-stolen/'],
    ['查我的个人信息', 'cases/personal-info/'],
  ])('searching %s finds %s first', async (query, expected) => {
    const { page } = await openPage(browser, '');
    const results = await searchSite(page, query);
    expect(new URL(results[0]!).pathname, results.join(' ')).toBe(new URL(expected, siteUrl).pathname);
  });

  it('/cases/ lists every case with a link to its page', async () => {
    const { page } = await phonePage('cases/');
    for (const route of routes) {
      const link = page.locator(`main [data-case-card="${route.id}"] a`);
      expect(await link.innerText(), route.id).toContain(route.need);
      expect(new URL((await link.getAttribute('href'))!, siteUrl).pathname).toBe(
        new URL(route.page.replace(/^\//, ''), siteUrl).pathname,
      );
    }
  });

  it('the home page asks 你遇到了什么事？ first and lists every case', async () => {
    const { page } = await phonePage('');
    expect(await page.locator('main h2').first().innerText()).toBe('你遇到了什么事？');
    expect(await page.locator('main [data-case-card]').count()).toBe(routes.length);
    expect(await page.locator('main').innerText()).not.toContain('能被快速受理');
  });

  it('/about/ lists every address of the research notes and has a way to report an error', async () => {
    const { page } = await phonePage('about/');
    const listed: Source[] = await page.$$eval('[data-source-url]', (items) =>
      items.map((item) => ({
        group: 'x',
        title: 'x',
        what: 'x',
        hand: 'second' as const,
        url: (item as HTMLElement).dataset.sourceUrl!,
      })),
    );
    const text = await page.locator('main').innerText();
    for (const source of listed) expect(text).toContain(source.url!.replace(/^https?:\/\//, ''));
    const notes = existsSync(NOTES_DIR) ? readdirSync(NOTES_DIR).filter((file) => file.endsWith('.md')) : [];
    for (const file of notes) {
      const note = readFileSync(resolve(NOTES_DIR, file), 'utf8');
      expect(addressesIn(note).length + 1).toBeGreaterThan(0);
      expect(addressesMissing(note, listed), file).toEqual([]);
    }
    expect(listed.length).toBeGreaterThanOrEqual(20);
    const report = page.locator('[data-report]');
    expect(await report.isVisible()).toBe(true);
    const reportText = await report.locator('[data-report-text]').innerText();
    for (const label of ['页面：', '哪里不对：', '出处：', '查看日期：']) expect(reportText).toContain(label);
    expect(text).not.toContain('多数未经官方证实');
  });
});
