/**
 * Issue 18, the composer's part: the evidence package is what the mail attaches once it is
 * built (the loose files only when the user chooses them), a package whose files changed is
 * dropped (from the composer and from the checker's download link), a reload says to build it
 * again; and on a phone the finished mail goes to the system share sheet (Web Share API level
 * 2, stubbed here: desktop Chromium on Linux has none) or, without file sharing, through a copy
 * flow whose confirmations appear beside the button pressed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import PostalMime from 'postal-mime';
import { launch, noBrowser, openPage, revealIslands } from '../support/browser';
import { SIGNATURES } from '../../src/lib/attachments/file-signature';
import { SAMPLE_HEADS } from '../../src/lib/attachments/file-signature-samples';

const SUBJECT = '【侵权通知-视频ID:8848-紧急】原创视频被搬运，请求下架';
const DRAFT = [
  '问题描述：我的原创视频（视频ID:8848）于 11 月 18 日被账号 ID:1234 搬运，播放量已达 3 万次。',
  '影响说明：搬运视频分走了约 40% 的流量。',
  '诉求清单：1. 下架搬运视频；2. 告知处理结果。',
  '联系方式：手机 138 0000 0000，邮箱 creator@example.com。',
].join('\n');
const WAIT = { timeout: 8000 };

const fileWithHead = (id: keyof typeof SIGNATURES, size: number, seed: number) => {
  const buffer = Buffer.alloc(size);
  for (let index = 0; index < size; index += 1) buffer[index] = (index * 7 + seed) & 0xff;
  Buffer.from(SAMPLE_HEADS[id]).copy(buffer);
  return buffer;
};

/** Four files: one over the three-attachment limit, which is what the package is for. */
const FOUR = [
  { name: '20261118_搬运截图1.png', mimeType: 'image/png', buffer: fileWithHead('png', 4000, 1) },
  { name: '20261118_搬运截图2.png', mimeType: 'image/png', buffer: fileWithHead('png', 5000, 2) },
  { name: '20261118_搬运截图3.png', mimeType: 'image/png', buffer: fileWithHead('png', 6000, 3) },
  { name: '20261118_原创证明.pdf', mimeType: 'application/pdf', buffer: fileWithHead('pdf', 7000, 4) },
];

const composer = (page: Page) => page.locator('mail-composer');
const attachmentItems = (page: Page) => composer(page).locator('[data-attachments] li[data-name]');
/** The composer's attachment list as it reads, once it shows the package. */
const showsPackage = (page: Page) =>
  expect
    .poll(() => composer(page).locator('[data-attachments]').innerText(), WAIT)
    .toMatch(/\d{8}_证据包\.zip/);

async function fillTools(page: Page, draft = DRAFT) {
  await page.getByRole('radio', { name: '作品被搬运或盗用（我是权利人）' }).check();
  await page.locator('#tools-subject-text').fill(SUBJECT);
  await page.locator('#tools-draft-text').fill(draft);
  await expect.poll(() => composer(page).locator('[data-subject]').innerText(), WAIT).toBe(SUBJECT);
  await expect
    .poll(
      () =>
        composer(page)
          .locator('[data-preview]')
          .evaluate((node) => node.textContent ?? ''),
      WAIT,
    )
    .toContain(draft.slice(0, 8));
}

/** Builds the package in the attachment checker; returns the ZIP it offered for download. */
async function buildPackage(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('attachment-checker [data-build]').click(),
  ]);
  return readFileSync((await download.path())!);
}

async function downloadEml(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    composer(page).getByRole('button', { name: '下载 .eml 草稿' }).click(),
  ]);
  return PostalMime.parse(readFileSync((await download.path())!));
}

/** The Web Share API as a phone has it: canShare refuses ZIP files, as Chromium's list does. */
async function stubShare(context: BrowserContext) {
  await context.addInitScript(() => {
    const shared: unknown[] = [];
    Object.assign(window, { __shared: shared });
    const canShare = (data?: ShareData) =>
      !(data?.files ?? []).some((file) => file.type === 'application/zip' || file.name.endsWith('.zip'));
    Object.defineProperty(Navigator.prototype, 'canShare', { configurable: true, value: canShare });
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: async (data: ShareData) => {
        if (!canShare(data)) throw new TypeError('not shareable');
        shared.push({
          title: data.title,
          text: data.text,
          files: await Promise.all(
            (data.files ?? []).map(async (file) => ({
              name: file.name,
              type: file.type,
              size: file.size,
              head: [...new Uint8Array(await file.slice(0, 4).arrayBuffer())],
            })),
          ),
        });
      },
    });
  });
}

/** No Web Share at all (a desktop browser): the copy flow is what remains. */
async function noShare(context: BrowserContext) {
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'canShare', { configurable: true, value: undefined });
    Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: undefined });
  });
}

describe.skipIf(noBrowser)('composer: evidence package and sending from a phone', () => {
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

  it('a built package is what the composer and the .eml attach; the loose files only when chosen', async () => {
    const { page, errors, foreignRequests } = await openPage(browser, 'tools/');
    await fillTools(page);
    await page.locator('#tools-attachments-files').setInputFiles(FOUR);
    await expect.poll(() => attachmentItems(page).count(), WAIT).toBe(4);
    // Four loose files: over the limit, and the composer says so.
    await expect
      .poll(() => composer(page).locator('[data-problems]').innerText(), WAIT)
      .toContain('超过 3 个的上限');

    const zip = await buildPackage(page);
    await showsPackage(page);
    expect(await attachmentItems(page).count()).toBe(1);
    expect(await attachmentItems(page).first().innerText()).toMatch(/\d{8}_证据包\.zip/);
    await expect
      .poll(() => composer(page).locator('[data-problems]').innerText(), WAIT)
      .not.toContain('超过 3 个的上限');
    const mail = await downloadEml(page);
    expect(mail.attachments.map((attachment) => attachment.filename)).toEqual([
      expect.stringMatching(/^\d{8}_证据包\.zip$/),
    ]);
    expect(mail.attachments[0]!.mimeType).toBe('application/zip');
    expect(Buffer.from(mail.attachments[0]!.content as ArrayBuffer).equals(zip)).toBe(true);

    // The user prefers the loose files: all four go into the mail, and the limit is back.
    await composer(page)
      .getByLabel(/单独附上/)
      .check();
    await expect.poll(() => attachmentItems(page).count(), WAIT).toBe(4);
    const loose = await downloadEml(page);
    expect(loose.attachments.map((attachment) => attachment.filename)).toEqual(FOUR.map((file) => file.name));
    await composer(page)
      .getByLabel(/单独附上/)
      .uncheck();
    await showsPackage(page);
    expect(errors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
  });

  it('a package whose files changed is dropped: not attached, its download link gone', async () => {
    const { page, errors } = await openPage(browser, 'tools/');
    await fillTools(page);
    await page.locator('#tools-attachments-files').setInputFiles(FOUR);
    await buildPackage(page);
    await showsPackage(page);
    await page
      .locator(`attachment-checker [data-attachment="${FOUR[3]!.name}"]`)
      .getByRole('button', { name: /移除/ })
      .click();
    await expect.poll(() => attachmentItems(page).count(), WAIT).toBe(3);
    expect(await page.locator('attachment-checker [data-download]:not([hidden])').count()).toBe(0);
    expect(await page.locator('attachment-checker [data-package-result]').innerText()).toContain('重新生成');
    expect(await composer(page).locator('[data-attachments]').innerText()).not.toContain('证据包');
    expect(await composer(page).locator('[data-package-note]').innerText()).toContain('重新生成');
    const mail = await downloadEml(page);
    expect(mail.attachments.map((attachment) => attachment.filename)).toEqual(
      FOUR.slice(0, 3).map((file) => file.name),
    );
    // A rename changes the package's contents too.
    await buildPackage(page);
    await showsPackage(page);
    const name = page.locator(`attachment-checker [data-attachment="${FOUR[0]!.name}"] [data-new-name]`);
    await name.fill('20261118_搬运截图甲.png');
    await expect.poll(() => attachmentItems(page).count(), WAIT).toBe(3);
    expect(await page.locator('attachment-checker [data-download]:not([hidden])').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('after a reload the composer says plainly that the package must be built again', async () => {
    const { page, errors } = await openPage(browser, 'tools/');
    await page.locator('#tools-attachments-files').setInputFiles(FOUR);
    await buildPackage(page);
    await showsPackage(page);
    await page.reload();
    await revealIslands(page);
    await expect
      .poll(() => composer(page).locator('[data-package-note]').innerText(), WAIT)
      .toMatch(/刷新.*重新生成/s);
    expect(errors).toEqual([]);
  });

  it('on a 360 px phone the share sheet gets the subject, the text and the files', async () => {
    const { page, errors } = await openPage(browser, 'tools/', undefined, stubShare);
    await page.setViewportSize({ width: 360, height: 740 });
    await fillTools(page);
    await page.locator('#tools-attachments-files').setInputFiles([FOUR[0]!]);
    await expect.poll(() => attachmentItems(page).count(), WAIT).toBe(1);
    const share = composer(page).getByRole('button', { name: '分享到邮件 App' });
    await share.scrollIntoViewIfNeeded();
    await share.click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared.length), WAIT)
      .toBe(1);
    const [shared] = await page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared);
    expect(shared).toEqual({
      title: SUBJECT,
      text: DRAFT,
      files: [
        {
          name: FOUR[0]!.name,
          type: 'image/png',
          size: FOUR[0]!.buffer.length,
          head: [0x89, 0x50, 0x4e, 0x47],
        },
      ],
    });
    // The recipients cannot travel through the share sheet: the composer says where to get them.
    expect(await composer(page).locator('[data-status]').innerText()).toContain('copyright@kuaishou.com');

    // With a package the phone refuses to share (a ZIP), the text goes and the user is told.
    await page.locator('#tools-attachments-files').setInputFiles(FOUR.slice(1));
    await buildPackage(page);
    await showsPackage(page);
    await share.click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared.length), WAIT)
      .toBe(2);
    const second = (
      await page.evaluate(() => (window as unknown as { __shared: { files: unknown[] }[] }).__shared)
    )[1]!;
    expect(second.files).toEqual([]);
    expect(await composer(page).locator('[data-status]').innerText()).toContain('证据包.zip');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
  });

  it('without file sharing, a copy flow at 360 px: each copy confirmed beside its button', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/', undefined, noShare);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.setViewportSize({ width: 360, height: 740 });
    await fillTools(page);
    expect(await composer(page).getByRole('button', { name: '分享到邮件 App' }).count()).toBe(0);
    for (const [name, expected, said] of [
      ['复制收件人', 'copyright@kuaishou.com', '收件人已复制'],
      ['复制主题', SUBJECT, '主题已复制'],
      ['复制正文（纯文本）', DRAFT, '已复制'],
    ] as const) {
      const button = composer(page).getByRole('button', { name, exact: true });
      await button.scrollIntoViewIfNeeded();
      await button.click();
      const note = button.locator('xpath=following-sibling::*[1][@data-copy-note]');
      await expect.poll(() => note.innerText(), WAIT).toContain(said);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
      const [at, by] = [(await button.boundingBox())!, (await note.boundingBox())!];
      // Beside the button: on its line or the next, not elsewhere on the page.
      expect(Math.abs(by.y - at.y)).toBeLessThan(at.height * 2.5);
      expect(by.y).toBeGreaterThanOrEqual(0);
      expect(by.y + by.height).toBeLessThanOrEqual(740);
    }

    // A long mail: no mailto link, and the reason (the limit, with the figure) is beside the buttons.
    await page.locator('#tools-draft-text').fill('补充说明：'.repeat(60) + DRAFT);
    const link = composer(page).locator('[data-mailto]');
    await expect.poll(() => link.isVisible(), WAIT).toBe(false);
    const note = composer(page).locator('[data-mailto-note]');
    await expect.poll(() => note.innerText(), WAIT).toContain('2,000');
    const copy = composer(page).getByRole('button', { name: '复制收件人' });
    const [noteBox, copyBox] = [(await note.boundingBox())!, (await copy.boundingBox())!];
    expect(Math.abs(noteBox.y - copyBox.y)).toBeLessThan(400);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
  });
});
