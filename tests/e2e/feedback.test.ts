import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launch, noBrowser, openPage, siteUrl } from '../support/browser';
import { PLANNER_PAGE, planner as plannerOf, recordMail } from '../support/planner-page';

// Feedback where the eye is, focus where it belongs (issue 19). Every copy button confirms
// next to itself (a reader looking at the button sees it) and in its island's polite live
// region; a blocked clipboard says so beside the button with what to do instead; after 改为 the
// caret is back in the field it changed.

const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
] as const;
/** How far (CSS px, vertically) a confirmation may be from the button it confirms. */
const NEAR = 200;

const SUBJECT = '【侵权投诉-视频ID:123456】请求下架搬运视频';
const DRAFT = '问题描述：2026年11月5日发布的视频被搬运。\n诉求清单：请下架侵权视频。';
const TSV = '日期\t日订单量（单）\n11月16日\t131\n11月17日\t126\n11月18日\t0';

/**
 * The smallest visible element of `island` whose text contains `needle` (the button itself
 * counts when its own label changes), and its vertical gap to `button`'s box. Screen-reader-only
 * text (1 px boxes) does not count: that is the confirmation nobody sees.
 */
async function nearestConfirmation(island: Locator, button: Locator, needle: string) {
  const handle = await button.elementHandle();
  return island.evaluate(
    (root, [target, text]) => {
      const box = (target as Element).getBoundingClientRect();
      let best: { gap: number; text: string } | null = null;
      for (const element of root.querySelectorAll<HTMLElement>('*')) {
        if (!element.textContent?.includes(text as string)) continue;
        if ([...element.children].some((child) => child.textContent?.includes(text as string))) continue;
        const rect = element.getBoundingClientRect();
        if (rect.width <= 2 || rect.height <= 2 || !element.checkVisibility({ opacityProperty: true }))
          continue;
        const gap = Math.max(0, rect.top - box.bottom, box.top - rect.bottom);
        if (!best || gap < best.gap) best = { gap, text: element.textContent };
      }
      return best;
    },
    [handle, needle] as const,
  );
}

/** All text of the island's polite live regions. */
const liveText = (island: Locator) =>
  island
    .locator('[aria-live="polite"]')
    .evaluateAll((regions) => regions.map((region) => region.textContent ?? '').join('\n'));

/** Clicks `button` and expects `said` beside it, in the live region, and focus still on it. */
async function expectConfirmedBeside(page: Page, island: Locator, button: Locator, said: string) {
  const label = `${await button.innerText()} @ ${page.viewportSize()?.width}px`;
  await button.click();
  await expect.poll(() => liveText(island), { timeout: 5000, message: label }).toContain(said);
  const found = await nearestConfirmation(island, button, said);
  expect(found, `${label}: 看得见的确认`).not.toBeNull();
  expect(found!.gap, `${label}: 确认离按钮 ${found!.gap}px`).toBeLessThanOrEqual(NEAR);
  expect(await button.evaluate((element) => element === document.activeElement), label).toBe(true);
}

async function openWithClipboard(browser: Browser, path: string, viewport: (typeof VIEWPORTS)[number]) {
  const opened = await openPage(browser, path, undefined, (context: BrowserContext) =>
    context.grantPermissions(['clipboard-read', 'clipboard-write']),
  );
  await opened.page.setViewportSize(viewport);
  return opened;
}

describe.skipIf(noBrowser)('feedback and focus in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  // A test that fails before its own context.close() leaves no context open for the next one.
  afterEach(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });

  for (const viewport of VIEWPORTS) {
    it(`tools page at ${viewport.width}px: every copy button confirms beside itself`, async () => {
      const { page, errors } = await openWithClipboard(browser, 'tools/', viewport);
      const picker = page.locator('mailbox-picker');
      await picker.locator('input[value="copyright"]').check();
      const panel = picker.locator('[data-route-panel="copyright"]');
      const copies = panel.locator('button[data-copy]');
      expect(await copies.count()).toBeGreaterThanOrEqual(2);
      for (let index = 0; index < (await copies.count()); index += 1) {
        await expectConfirmedBeside(page, picker, copies.nth(index), '已复制');
      }
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        await copies.last().getAttribute('data-copy'),
      );

      await page.locator('#tools-subject-text').fill(SUBJECT);
      await page.locator('#tools-draft-text').fill(DRAFT);
      const composer = page.locator('mail-composer');
      await expect
        .poll(() => composer.locator('[data-subject]').innerText(), { timeout: 5000 })
        .toBe(SUBJECT);
      for (const name of ['复制主题', '复制正文（纯文本）', '复制正文（富文本）']) {
        await expect
          .poll(() => page.evaluate(() => localStorage.getItem('ksmail:draft') ?? ''), { timeout: 5000 })
          .toContain('诉求清单');
        await expectConfirmedBeside(page, composer, composer.getByRole('button', { name }), '已复制');
      }
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(DRAFT);

      // The planner is on its chapter (a view of the case file).
      await page.goto(new URL(PLANNER_PAGE, siteUrl).href);
      await recordMail(page, '2026-11-05T10:00', 'copyright', SUBJECT);
      const planner = plannerOf(page);
      await expectConfirmedBeside(page, planner, planner.locator('[data-copy-mail]').first(), '已复制');
      expect(errors).toEqual([]);
    });

    it(`data table helper at ${viewport.width}px: both copy buttons confirm beside themselves`, async () => {
      const { page, errors } = await openWithClipboard(browser, 'guide/data/', viewport);
      const helper = page.locator('data-table-helper');
      await page.locator('#datatable-input').fill(TSV);
      await helper.locator('[data-chart] svg').waitFor();
      await expectConfirmedBeside(page, helper, helper.locator('[data-copy-table]'), '已复制');
      await expectConfirmedBeside(page, helper, helper.locator('[data-copy-chart]'), '已复制');
      expect(errors).toEqual([]);
    });

    it(`template gallery at ${viewport.width}px: the copy buttons confirm beside themselves`, async () => {
      const { page, errors } = await openWithClipboard(browser, 'templates/', viewport);
      const gallery = page.locator('template-gallery');
      const first = gallery.locator('[data-template]').first();
      const subject = await first.locator('[data-template-subject]').innerText();
      await expectConfirmedBeside(page, gallery, first.getByRole('button', { name: '复制主题' }), '已复制');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(subject);
      await expectConfirmedBeside(page, gallery, first.getByRole('button', { name: '复制正文' }), '已复制');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        await first.locator('[data-template-body]').innerText(),
      );
      expect(errors).toEqual([]);
    });
  }

  it('a blocked clipboard says so beside the button, with what to do instead', async () => {
    const { page, errors } = await openPage(browser, 'tools/', undefined, async (context) => {
      // Both ways of copying refused, as in a browser that blocks the clipboard.
      await context.addInitScript(() => {
        Object.defineProperty(navigator, 'clipboard', {
          value: {
            writeText: () => Promise.reject(new DOMException('blocked', 'NotAllowedError')),
            write: () => Promise.reject(new DOMException('blocked', 'NotAllowedError')),
          },
        });
        document.execCommand = () => false;
      });
    });
    await page.setViewportSize(VIEWPORTS[0]);
    const picker = page.locator('mailbox-picker');
    await picker.locator('input[value="copyright"]').check();
    await expectConfirmedBeside(
      page,
      picker,
      picker.locator('[data-route-panel="copyright"] button[data-copy]').first(),
      '手动',
    );
    await page.locator('#tools-subject-text').fill(SUBJECT);
    const composer = page.locator('mail-composer');
    await expect.poll(() => composer.locator('[data-subject]').innerText(), { timeout: 5000 }).toBe(SUBJECT);
    await expectConfirmedBeside(page, composer, composer.getByRole('button', { name: '复制主题' }), '手动');
    // The planner's follow-up mail is not on the page: it is shown, selected, under the button.
    await page.goto(new URL(PLANNER_PAGE, siteUrl).href);
    await recordMail(page, '2026-11-20T10:00', 'copyright', SUBJECT);
    const planner = plannerOf(page);
    const copyMail = planner.locator('[data-step="email"] [data-copy-mail]');
    await copyMail.click();
    await expect.poll(() => liveText(planner), { timeout: 5000 }).toContain('手动复制');
    const said = await nearestConfirmation(planner, copyMail, '手动复制');
    expect(said?.gap).toBeLessThanOrEqual(NEAR);
    const box = planner.locator('[data-step="email"] textarea[data-copy-fallback]');
    expect(await box.inputValue()).toContain('主题：');
    expect(
      await box.evaluate(
        (element: HTMLTextAreaElement) =>
          document.activeElement === element &&
          element.selectionEnd - element.selectionStart === element.value.length,
      ),
    ).toBe(true);
    expect(errors).toEqual([]);
  });

  it('after 移除 in the attachment checker focus stays in the list', async () => {
    const { page, errors } = await openPage(browser, 'tools/');
    const text = (name: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(`证据 ${name}`) });
    await page
      .locator('#tools-attachments-files')
      .setInputFiles([text('20261120_聊天记录.txt'), text('20261120_说明2.txt'), text('20261120_说明3.txt')]);
    const removes = page.locator('attachment-checker [data-remove]');
    await expect.poll(() => removes.count()).toBe(3);
    await removes.nth(1).click();
    await expect.poll(() => removes.count()).toBe(2);
    // The row that took its place has focus (it fell to the page's start before).
    expect(await removes.nth(1).evaluate((element) => element === document.activeElement)).toBe(true);
    await removes.nth(1).click();
    await removes.nth(0).click();
    expect(
      await page
        .locator('#tools-attachments-files')
        .evaluate((element) => element === document.activeElement),
    ).toBe(true);
    expect(errors).toEqual([]);
  });

  it('after 改为 in the subject checker the caret is in the subject, after the fix', async () => {
    const { page, errors } = await openPage(browser, 'tools/');
    const input = page.locator('#tools-subject-text');
    await input.fill('【账号申诉-创作者ID:123】请求复核封禁！！！');
    const fix = page.locator('subject-checker [data-rule="tone.punctuation"] [data-fix]');
    await fix.click();
    const state = await input.evaluate((element: HTMLInputElement) => ({
      focused: document.activeElement === element,
      value: element.value,
      caret: [element.selectionStart, element.selectionEnd],
    }));
    expect(state.value).not.toContain('！！！');
    expect(state.value.startsWith('【账号申诉-创作者ID:123】请求复核封禁')).toBe(true);
    expect(state.focused).toBe(true);
    // The fix replaced the end of the subject: the caret is right after what it put there.
    expect(state.caret).toEqual([state.value.length, state.value.length]);

    // 清除主题: back in the (now empty) field.
    await page.getByRole('button', { name: '清除主题' }).click();
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
  });
});
