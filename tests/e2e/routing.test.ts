/**
 * The tools read the routing table (issue 15, item 3): a banned creator is sent to the App's
 * 解封申诉 first, never handed the contradicted support@ as the answer; one reply time per case;
 * `?case=<id>` preselects, an unknown id is said in Chinese and changes nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, noBrowser, openPage, siteUrl, revealIslands } from '../support/browser';

const SUPPORT = 'support@kuaishou.com';
const DATE = /\d{4}-\d{2}-\d{2}/;
const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];
/** The cases whose article mailbox is contradicted by public sources: To stays empty. */
const NO_MAILBOX_CASES = [
  { id: 'account-appeal', need: '账号被封禁或限流', first: '快手 App：菜单 → 头像 → 解封申诉' },
  { id: 'basic-inquiry', need: '功能使用咨询', first: '快手 App：设置 → 反馈与帮助' },
  { id: 'tech-fault', need: '直播或功能故障', first: '快手 App：设置 → 反馈与帮助' },
];

const picker = (page: Page) => page.locator('mailbox-picker');
const panel = (page: Page, id: string) => page.locator(`[data-route-panel="${id}"]`);

async function open(path: string, viewport: { width: number; height: number }) {
  const opened = await openPage(browser, path);
  await opened.page.setViewportSize(viewport);
  return opened;
}

let browser: Browser;

describe.skipIf(noBrowser)('the tools read the routing table', () => {
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });

  for (const viewport of VIEWPORTS) {
    it(`at ${viewport.width} px: no contradicted address as To; the first action comes first`, async () => {
      const { page, errors } = await open('tools/', viewport);
      for (const { id, need, first } of NO_MAILBOX_CASES) {
        await page.getByRole('radio', { name: need, exact: true }).check();
        const shown = panel(page, id);
        await shown.waitFor({ state: 'visible' });
        // The first thing the panel offers is the official channel, before any mail part.
        const action = shown.locator('[data-first-action]').first();
        await action.waitFor({ state: 'visible' });
        const before = await action.evaluate((element) => {
          const to = element.closest('[data-route-panel]')!.querySelector('[data-field="to"]')!;
          return Boolean(element.compareDocumentPosition(to) & Node.DOCUMENT_POSITION_FOLLOWING);
        });
        expect(before, id).toBe(true);
        expect(await action.innerText(), id).toContain(first);
        expect(await action.innerText(), id).toMatch(DATE);

        const to = await shown.locator('[data-field="to"]').innerText();
        expect(to, id).not.toContain('@');
        expect(to, id).toContain('收件人留空');
        await expect.poll(() => page.locator('mail-composer [data-to]').inputValue()).toBe('');
        // The composer says why To is empty and names the first channel (after its short pause).
        await expect.poll(() => page.locator('mail-composer [data-to-note]').innerText()).toContain('先走');

        // support@ only as the labelled fallback, with its status and date.
        const fallback = shown.locator('[data-field="fallback"]');
        const fallbackText = await fallback.innerText();
        expect(fallbackText, id).toContain('备用（与公开资料不符）');
        expect(fallbackText, id).toContain(SUPPORT);
        expect(fallbackText, id).toMatch(DATE);
        const panelText = await shown.innerText();
        expect(panelText.split(SUPPORT).length, id).toBe(fallbackText.split(SUPPORT).length);
        expect(await page.locator('[data-picker-status]').textContent(), id).not.toContain(SUPPORT);
        // The only copy button for it says it copies the fallback.
        for (const button of await shown.locator(`button[data-copy="${SUPPORT}"]`).all())
          expect(await button.innerText()).toContain('复制备用地址');
        expect(await page.locator('body').innerText(), id).not.toContain('预计');
      }
      expect(errors).toEqual([]);
    });
  }

  it('作品被搬运: To copyright@ 未核实 with its date, Cc legal@, one reply time', async () => {
    const { page, errors } = await open('tools/', VIEWPORTS[0]!);
    await page.getByRole('radio', { name: '作品被搬运或盗用（我是权利人）' }).check();
    const shown = panel(page, 'copyright');
    await shown.waitFor({ state: 'visible' });
    const to = await shown.locator('[data-field="to"]').innerText();
    expect(to).toContain('copyright@kuaishou.com');
    expect(to).toContain('未核实');
    expect(to).toMatch(DATE);
    expect(await shown.locator('[data-field="cc"]').innerText()).toContain('legal@kuaishou.com');
    await expect
      .poll(() => page.locator('mail-composer [data-to]').inputValue())
      .toBe('copyright@kuaishou.com');
    expect(await page.locator('mail-composer [data-cc]').inputValue()).toBe('legal@kuaishou.com');
    // One reply time per case, marked 原文称, the same the planner assumes.
    const reply = shown.locator('[data-field="reply-time"]');
    expect(await reply.locator('[data-claim]').count()).toBe(1);
    expect(await reply.innerText()).toContain('7 个工作日');
    expect(await page.locator('body').innerText()).not.toContain('预计');
    expect(await page.locator('body').innerText()).not.toContain('6小时内');
    // Every case, one after another: never 预计.
    for (const radio of await page.getByRole('radio').all()) {
      if ((await radio.getAttribute('name')) !== 'ks-request-type') continue;
      await radio.check();
      expect(await page.locator('body').innerText()).not.toContain('预计');
    }
    expect(errors).toEqual([]);
  });

  it('?case=merchant preselects the case, and a reload keeps it', async () => {
    const { page, errors } = await open('tools/?case=merchant', VIEWPORTS[1]!);
    await panel(page, 'merchant').waitFor({ state: 'visible' });
    expect(await page.getByRole('radio', { name: '店铺、商品与保证金（商家）' }).isChecked()).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('ksmail:request-type'))).toBe('merchant');
    await page.reload();
    await revealIslands(page);
    await panel(page, 'merchant').waitFor({ state: 'visible' });
    expect(await page.getByRole('radio', { name: '店铺、商品与保证金（商家）' }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('?case=nope and ?case=<script>: a Chinese message, the case list, the stored choice kept', async () => {
    const { page, errors } = await open('tools/', VIEWPORTS[0]!);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await page.getByRole('radio', { name: '作品被搬运或盗用（我是权利人）' }).check();
    for (const [query, shownId] of [
      ['nope', 'nope'],
      ['%3Cscript%3Ealert(1)%3C%2Fscript%3E', '<script>alert(1)</script>'],
    ] as const) {
      await page.goto(new URL(`tools/?case=${query}`, siteUrl).href);
      await revealIslands(page);
      const message = picker(page).locator('[data-case-unknown]');
      await message.waitFor({ state: 'visible' });
      expect(await message.innerText()).toContain(`没有名为“${shownId}”的案例`);
      expect(await message.locator('a').count()).toBe(9);
      expect(await page.locator('mailbox-picker script, mailbox-picker img').count()).toBe(0);
      // The stored choice is kept and still shown.
      expect(await page.evaluate(() => localStorage.getItem('ksmail:request-type'))).toBe('copyright');
      await panel(page, 'copyright').waitFor({ state: 'visible' });
    }
    // It keeps working: a link of the list picks a case.
    await picker(page).locator('[data-case-unknown] a', { hasText: '账号被封禁或限流' }).click();
    await panel(page, 'account-appeal').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => localStorage.getItem('ksmail:request-type'))).toBe('account-appeal');
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
  });

  it('an unknown stored choice is ignored quietly; old stored ids still work', async () => {
    const { page, errors } = await open('tools/', VIEWPORTS[1]!);
    await page.evaluate(() => localStorage.setItem('ksmail:request-type', 'no-such-case'));
    await page.reload();
    await revealIslands(page);
    expect(await page.locator('[data-route-panel]:visible').count()).toBe(0);
    expect(await picker(page).locator('[data-case-unknown]').isVisible()).toBe(false);
    await page.evaluate(() => localStorage.setItem('ksmail:request-type', 'ad-cooperation'));
    await page.reload();
    await revealIslands(page);
    await panel(page, 'ad-cooperation').waitFor({ state: 'visible' });
    expect(errors).toEqual([]);
  });
});

describe.skipIf(noBrowser)('the gallery and the chapter read the same routes', () => {
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('template cards: To or 收件人留空 + the first channel, the fallback only as 备用; anchors exist', async () => {
    const { page, context, errors } = await openPage(browser, 'templates/');
    for (const id of ['account-appeal', 'basic-inquiry', 'tech-fault', 'copyright-complaint', 'follow-up'])
      expect(await page.locator(`article#${id}[data-template="${id}"]`).count(), id).toBe(1);
    for (const id of ['account-appeal', 'basic-inquiry', 'tech-fault']) {
      const card = page.locator(`article#${id}`);
      const to = await card.locator('[data-template-to]').innerText();
      expect(to, id).toContain('收件人留空');
      expect(await card.locator('[data-template-first]').innerText(), id).toContain('快手 App：');
      const fallback = await card.locator('[data-template-fallback]').innerText();
      expect(fallback, id).toContain(`备用（与公开资料不符）：${SUPPORT}`);
      expect(fallback, id).toMatch(DATE);
      expect(await card.innerText(), id).not.toContain('本站按用途推断');
    }
    const copyright = await page.locator('article#copyright-complaint [data-template-to]').innerText();
    expect(copyright).toContain('copyright@kuaishou.com');
    expect(copyright).toContain('未核实');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the recipients chapter: the route table says the same', async () => {
    const { page, context } = await openPage(browser, 'guide/recipients/');
    const row = page.locator('[data-guide-table="routes"] tr[data-route="account-appeal"]');
    expect(await row.locator('[data-route-first]').innerText()).toContain('菜单 → 头像 → 解封申诉');
    expect(await row.locator('[data-route-to]').innerText()).toContain('留空');
    const fallback = await row.locator('[data-route-fallback]').innerText();
    expect(fallback).toContain('备用（与公开资料不符）');
    expect(fallback).toContain(SUPPORT);
    expect(await page.locator('[data-guide-table="routes"] tbody tr').count()).toBe(9);
    await context.close();
  });
});
