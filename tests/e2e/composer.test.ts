import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { launch, noBrowser, openPage, revealIslands } from '../support/browser';
import { SIGNATURES } from '../../src/lib/attachments/file-signature';
import { SAMPLE_HEADS } from '../../src/lib/attachments/file-signature-samples';
import { MAILTO_LIMITS } from '../../src/lib/mail/mail-message';

const SUBJECT = '【侵权通知-视频ID:8848-紧急】原创视频被搬运，请求下架';
const DRAFT = [
  '问题描述：我的原创视频（视频ID:8848）于 11 月 18 日被账号 ID:1234 搬运，播放量已达 3 万次。',
  '影响说明：搬运视频分走了约 40% 的流量。',
  '诉求清单：1. 下架搬运视频；2. 告知处理结果。',
  '联系方式：手机 138 0000 0000，邮箱 creator@example.com。',
  '',
  '| 日期 | 播放量 |',
  '| --- | ---: |',
  '| 11 月 17 日 | 1200 |',
  '| 11 月 18 日 | **30000** |',
].join('\n');
/** The draft as plain text carries it: the table's **30000** bare (bold only in HTML). */
const PLAIN_DRAFT = DRAFT.replace('**30000**', '30000');

/** A file whose first bytes are a real signature, the rest a fixed pattern. */
const fileWithHead = (id: keyof typeof SIGNATURES, size: number, seed: number) => {
  const buffer = Buffer.alloc(size);
  for (let index = 0; index < size; index += 1) buffer[index] = (index * 7 + seed) & 0xff;
  Buffer.from(SAMPLE_HEADS[id]).copy(buffer);
  return buffer;
};

const composer = (page: Page) => page.locator('mail-composer');

/** Fills the tools page the way a user does: need, subject, draft. */
async function fillTools(page: Page, draft = DRAFT) {
  await page.getByRole('radio', { name: '作品被搬运或盗用（我是权利人）' }).check();
  await page.locator('#tools-subject-text').fill(SUBJECT);
  await page.locator('#tools-draft-text').fill(draft);
  await expectComposer(page, (text) => text.includes(SUBJECT));
  await composerHasDraft(page, draft);
}

/** The draft checker saves after a pause and the composer catches up after another. */
async function composerHasDraft(page: Page, draft: string) {
  const start = draft.slice(0, 8);
  await expect
    .poll(
      () =>
        composer(page)
          .locator('[data-preview]')
          .evaluate((element) => element.textContent ?? ''),
      {
        timeout: 5000,
      },
    )
    .toContain(start);
}

async function expectComposer(page: Page, ready: (subject: string) => boolean) {
  await expect
    .poll(async () => ready(await composer(page).locator('[data-subject]').innerText()), { timeout: 5000 })
    .toBe(true);
}

describe.skipIf(noBrowser)('mail composer in Chromium', () => {
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

  it('a draft with two attachments becomes an .eml that parses back with the same mail', async () => {
    const { page, context, errors, foreignRequests } = await openPage(browser, 'tools/');
    await fillTools(page);
    const png = fileWithHead('png', 5000, 1);
    const pdf = fileWithHead('pdf', 12_345, 2);
    await page.locator('#tools-attachments-files').setInputFiles([
      { name: '20261118_搬运截图.png', mimeType: 'image/png', buffer: png },
      { name: '20261118_原创证明.pdf', mimeType: 'application/pdf', buffer: pdf },
    ]);
    await expect.poll(() => composer(page).locator('[data-attachments] li').count()).toBe(2);
    expect(await composer(page).locator('[data-to]').inputValue()).toBe('copyright@kuaishou.com');
    expect(await composer(page).locator('[data-cc]').inputValue()).toBe('legal@kuaishou.com');
    // The mailbox is unconfirmed: the composer says so before sending.
    expect(await composer(page).locator('[data-problems] [data-target="to"]').innerText()).toContain(
      '未核实',
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      composer(page).getByRole('button', { name: '下载 .eml 草稿' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^\d{8}_邮件草稿\.eml$/);
    const raw = readFileSync((await download.path())!);
    expect(raw.toString('latin1')).toMatch(/^X-Unsent: 1\r$/m);
    // Header lines stay within RFC 5322's 78 characters.
    const headerBlock = raw.toString('latin1').split('\r\n\r\n')[0]!;
    expect(Math.max(...headerBlock.split('\r\n').map((line) => line.length))).toBeLessThanOrEqual(78);

    const mail = await PostalMime.parse(raw);
    expect(mail.subject).toBe(SUBJECT);
    expect(mail.to?.map((address) => address.address)).toEqual(['copyright@kuaishou.com']);
    expect(mail.cc?.map((address) => address.address)).toEqual(['legal@kuaishou.com']);
    expect(mail.text?.replace(/\r\n/g, '\n').trim()).toBe(PLAIN_DRAFT);
    expect(mail.html).toContain('<b>3 万次</b>');
    expect(mail.html).toContain('<table');
    expect(mail.attachments.map((attachment) => attachment.filename)).toEqual([
      '20261118_搬运截图.png',
      '20261118_原创证明.pdf',
    ]);
    expect(Buffer.from(mail.attachments[0]!.content as ArrayBuffer).equals(png)).toBe(true);
    expect(Buffer.from(mail.attachments[1]!.content as ArrayBuffer).equals(pdf)).toBe(true);
    expect(await composer(page).locator('[data-status]').innerText()).toContain('2 个附件');
    expect(errors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
    await context.close();
  });

  it('mailto: offered for a short mail, refused with an explanation when too long', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    await fillTools(page, '问题描述：视频被搬运。\n诉求清单：请下架。');
    const link = composer(page).locator('[data-mailto]');
    await expect.poll(() => link.isVisible()).toBe(true);
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith('mailto:copyright%40kuaishou.com?cc=legal%40kuaishou.com&subject=')).toBe(true);
    expect(decodeURIComponent(href)).toContain('诉求清单：请下架。');
    expect(decodeURIComponent(href)).toContain('\r\n');

    await page.locator('#tools-draft-text').fill('补充说明：'.repeat(60) + DRAFT);
    await composerHasDraft(page, '补充说明：补充说明：');
    await expect.poll(() => link.isVisible()).toBe(false);
    const note = composer(page).locator('[data-mailto-note]');
    expect(await note.getAttribute('data-verdict')).toBe('too-long');
    expect(await note.innerText()).toContain('无法用链接打开');
    expect(await note.innerText()).toContain(MAILTO_LIMITS.max.toLocaleString('en-US'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('copies rich text with bold figures and a three-line table, and plain text without ** marks', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await fillTools(page);
    await composer(page).getByRole('button', { name: '复制正文（富文本）' }).click();
    await expect.poll(() => composer(page).locator('[data-status]').innerText()).toContain('富文本');
    const clip = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return {
        html: await (await item!.getType('text/html')).text(),
        text: await (await item!.getType('text/plain')).text(),
      };
    });
    expect(clip.html).toContain('<b>40%</b>');
    expect(clip.html).toMatch(/<table[^>]*border-top:2px solid/);
    expect(clip.html).toContain('30000');
    expect(clip.text).toBe(PLAIN_DRAFT);
    await composer(page).getByRole('button', { name: '复制正文（纯文本）' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(PLAIN_DRAFT);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists what is still wrong and takes the user to the field to fix', async () => {
    const { page, context, errors } = await openPage(browser, 'guide/subject/');
    const problems = composer(page).locator('[data-problems] li');
    await expect.poll(() => problems.count()).toBeGreaterThan(0);
    expect(await composer(page).locator('[data-problems] [data-target="to"]').innerText()).toContain(
      '还没有收件人',
    );
    // The subject checker is on this page: the button focuses it. The draft is not: a link to the tools page.
    await composer(page).locator('[data-target="subject"] button[data-go]').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('subject-text');
    expect(await composer(page).locator('[data-target="draft"] a').getAttribute('href')).toMatch(
      /\/tools\/$/,
    );
    // A typed address that is not an address is named.
    await composer(page).locator('[data-to]').fill('copyright@kuaishou');
    await expect
      .poll(() => composer(page).locator('[data-problems] [data-target="to"]').innerText())
      .toContain('不是有效的邮箱地址');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('records a sent mail into a new case of the chosen need, which the case file then shows', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    const status = composer(page).locator('[data-record-status]');
    // Without a need chosen, a new case cannot be made: it says so.
    await composer(page).getByRole('button', { name: '已发送，记入案卷' }).click();
    await composer(page).getByRole('button', { name: '记入这个案卷' }).click();
    await expect.poll(() => status.innerText()).toContain('请先在“选择诉求”里选择');
    await fillTools(page);
    await composer(page).getByRole('button', { name: '已发送，记入案卷' }).click();
    await composer(page).getByLabel('记入哪个案卷').selectOption('new');
    await composer(page).getByRole('button', { name: '记入这个案卷' }).click();
    await expect.poll(() => status.innerText()).toContain('已记入案卷');
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('ksmail:cases') ?? 'null'));
    expect(saved.cases).toHaveLength(1);
    expect(saved.cases[0]).toMatchObject({
      caseType: 'copyright',
      title: SUBJECT,
      steps: [{ kind: 'mail' }],
    });
    // The old outcome log is no longer written: the case file is the record.
    expect(await page.evaluate(() => localStorage.getItem('ksmail:outcomes'))).toBeNull();
    await status.getByRole('link', { name: '打开案卷' }).click();
    await revealIslands(page);
    await page.locator('case-file[data-ready]').waitFor();
    await expect.poll(() => page.locator('case-file [data-steps]').innerText()).toContain(SUBJECT);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows markup in the draft as text and never runs it', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const hostile = '<img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3))';
    await fillTools(page, `问题描述：${hostile}`);
    await composer(page).locator('summary').click();
    const preview = composer(page).locator('[data-preview]');
    await expect.poll(() => preview.innerText()).toContain('<img src=x onerror=alert(1)>');
    expect(await preview.locator('img, script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
  // The same refusal as `ksmail eml` (input-limit-messages.ts): attachments over every mailbox's
  // limit are refused before any byte is read into the draft, naming the largest file.
  it('refuses an .eml whose attachments are over every mailbox limit, naming the largest', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    await fillTools(page);
    const folder = mkdtempSync(join(tmpdir(), 'ksmail-composer-'));
    const big = join(folder, '20261118_录屏.mp4');
    const other = join(folder, '20261118_截图.png');
    writeFileSync(big, fileWithHead('mp4', 30 * 1024 * 1024, 3));
    writeFileSync(other, fileWithHead('png', 10 * 1024 * 1024, 4));
    await page.locator('#tools-attachments-files').setInputFiles([big, other]);
    await expect.poll(() => composer(page).locator('[data-attachments] li').count()).toBe(2);
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await composer(page).getByRole('button', { name: '下载 .eml 草稿' }).click();
    const status = composer(page).locator('[data-status]');
    await expect.poll(() => status.innerText()).toContain('超过所有常见邮箱的上限');
    expect(await status.innerText()).toContain('最大的附件是“20261118_录屏.mp4”');
    expect(downloads).toBe(0);
    rmSync(folder, { recursive: true, force: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
