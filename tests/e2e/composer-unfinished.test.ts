/**
 * The composer with an unfinished mail (blanks left from a template or the subject suggestion)
 * and with Markdown bold marks: it refuses to hand over a mail with blanks, and no plain-text
 * output (copy, mailto body, the .eml's text part) shows a `**`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import PostalMime from 'postal-mime';
import { launch, noBrowser, openPage } from '../support/browser';

const SUBJECT = '【账号申诉-快手号:【快手号】】请求复核【处罚日期】的封禁';
const DRAFT = [
  '问题描述：我的账号（快手号：kuai123456）于【处罚日期】被封禁。',
  '影响说明：已影响 2 个推广合作。',
  '诉求清单：请复核。',
  '联系方式：邮箱 me@example.com',
].join('\n');
const FILLED_SUBJECT = '【账号申诉-快手号:kuai123456】请求复核11月20日的封禁';
const BOLD_DRAFT = [
  '问题描述：我的账号（快手号：kuai123456）于11月20日被封禁。',
  '影响说明：订单量下降了 **80%**。',
  '诉求清单：请复核。',
  '联系方式：邮箱 me@example.com',
].join('\n');

/** The composer loads its checks on demand: on a loaded machine the answer can take seconds. */
const WAIT = { timeout: 15_000 };
const composer = (page: Page) => page.locator('mail-composer');
const status = (page: Page) => composer(page).locator('[data-status]');

async function fill(page: Page, subject: string, draft: string) {
  await page.getByRole('radio', { name: '账号被封禁或限流' }).check();
  await page.locator('#tools-subject-text').fill(subject);
  await page.locator('#tools-draft-text').fill(draft);
  // The composer reads the saved draft (kept 300 ms after the last keystroke): wait for it, or a
  // click would be judged on the previous text.
  await page.waitForFunction((text) => localStorage.getItem('ksmail:draft') === text, draft);
  // Islands upgrade near the viewport: the composer is far below the checkers.
  await composer(page).scrollIntoViewIfNeeded();
  // This case has no usable mailbox (To stays empty): a reader's own address makes the link possible.
  await composer(page).locator('[data-to]').fill('reader-checked@example.com');
  await expect
    .poll(
      () =>
        composer(page)
          .locator('[data-subject]')
          .evaluate((element) => element.textContent),
      WAIT,
    )
    .toBe(subject);
  await expect
    .poll(
      () =>
        composer(page)
          .locator('[data-preview]')
          .evaluate((element) => element.textContent),
      WAIT,
    )
    .toContain(draft.slice(0, 8));
}

describe.skipIf(noBrowser)('the composer with an unfinished mail', () => {
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

  it('refuses to copy, open or download while blanks remain, naming them; then hands the mail over', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await fill(page, SUBJECT, DRAFT);
    await page.evaluate(() => navigator.clipboard.writeText('剪贴板原有内容'));
    for (const name of ['复制主题', '复制正文（纯文本）', '复制正文（富文本）', '下载 .eml 草稿']) {
      await composer(page).getByRole('button', { name }).click();
      await expect.poll(() => status(page).innerText(), WAIT).toMatch(/^还有 3 处占位符未填写：/);
      expect(await status(page).innerText()).toContain('【快手号】');
      expect(await status(page).innerText()).toContain('【处罚日期】');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('剪贴板原有内容');
      await status(page).evaluate((element) => (element.textContent = ''));
    }
    expect(await composer(page).locator('[data-mailto]').isVisible()).toBe(false);
    expect(await composer(page).locator('[data-mailto-note]').innerText()).toMatch(/还有 3 处占位符未填写/);

    await fill(page, FILLED_SUBJECT, DRAFT.replace('【处罚日期】', '11月20日'));
    await composer(page).getByRole('button', { name: '复制主题' }).click();
    await expect.poll(() => status(page).innerText(), WAIT).toBe('主题已复制。');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(FILLED_SUBJECT);
    await expect.poll(() => composer(page).locator('[data-mailto]').isVisible(), WAIT).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a bold figure bold in HTML and bare in every plain-text output', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await fill(page, FILLED_SUBJECT, BOLD_DRAFT);
    const bare = BOLD_DRAFT.replace('**80%**', '80%');

    await composer(page).getByRole('button', { name: '复制正文（纯文本）' }).click();
    await expect.poll(() => status(page).innerText(), WAIT).toContain('已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(bare);

    await composer(page).getByRole('button', { name: '复制正文（富文本）' }).click();
    await expect.poll(() => status(page).innerText(), WAIT).toContain('富文本');
    const clip = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return {
        html: await (await item!.getType('text/html')).text(),
        text: await (await item!.getType('text/plain')).text(),
      };
    });
    expect(clip.html).toContain('<b>80%</b>');
    expect(clip.html).not.toContain('**');
    expect(clip.text).toBe(bare);

    const link = composer(page).locator('[data-mailto]');
    await expect.poll(() => link.isVisible(), WAIT).toBe(true);
    const body = new URL((await link.getAttribute('href'))!).searchParams.get('body')!;
    expect(body.replace(/\r\n/g, '\n')).toBe(bare);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      composer(page).getByRole('button', { name: '下载 .eml 草稿' }).click(),
    ]);
    const mail = await PostalMime.parse(readFileSync((await download.path())!));
    expect(mail.text?.replace(/\r\n/g, '\n').trim()).toBe(bare);
    expect(mail.html).toContain('<b>80%</b>');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the subject suggestion leaves a blank the checker names, and selects it to type over', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    const input = page.locator('#tools-subject-text');
    const checker = page.locator('subject-checker');
    await input.fill('我的号被封了');
    await checker.locator('[data-category="account-appeal"]').waitFor();
    await checker.getByRole('button', { name: '使用建议主题' }).click();
    expect(await input.inputValue()).toBe('【账号申诉-快手号:XXX】我的号被封了');
    await checker.locator('[data-findings] [data-rule="placeholder.unfilled"]').waitFor();
    expect(await checker.locator('[data-status]').innerText()).not.toContain('没有发现问题');
    const selected = await input.evaluate((element: HTMLInputElement) =>
      element.value.slice(element.selectionStart!, element.selectionEnd!),
    );
    expect(selected).toBe('XXX');
    expect(errors).toEqual([]);
    await context.close();
  });
});
