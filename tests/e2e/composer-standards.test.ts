/**
 * Issue 21 in the browser: a recipient pasted with a display name is a recipient, and the .eml
 * the composer downloads carries it and an attachment name typed like an encoded-word exactly
 * as given, as Python's email package reads them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, noBrowser, openPage } from '../support/browser';
import { readWithPython } from '../support/python-email';
import { SAMPLE_HEADS } from '../../src/lib/attachments/file-signature-samples';

const SUBJECT = '【侵权通知-视频ID:8848-紧急】原创视频被搬运，请求下架';
const DRAFT = [
  '问题描述：我的原创视频（视频ID:8848）于 11 月 18 日被搬运。',
  '影响说明：搬运视频分走了约 40% 的流量。',
  '诉求清单：请下架搬运视频。',
  '联系方式：手机 138 0000 0000。',
].join('\n');

describe.skipIf(noBrowser)('composer: standards-exact recipients and .eml (issue 21)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('张三 <a@b.com> is a valid recipient, and the .eml keeps it and a =?…?= file name as typed', async () => {
    const { page, context, errors, foreignRequests } = await openPage(browser, 'tools/');
    const composer = page.locator('mail-composer');
    await page.getByRole('radio', { name: '作品被搬运或盗用（我是权利人）' }).check();
    await page.locator('#tools-subject-text').fill(SUBJECT);
    await page.locator('#tools-draft-text').fill(DRAFT);
    await expect.poll(() => composer.locator('[data-subject]').innerText(), { timeout: 5000 }).toBe(SUBJECT);
    await composer.locator('[data-to]').fill('张三 <copyright@kuaishou.com>');
    await composer.locator('[data-cc]').fill('"Legal, KS" <legal@kuaishou.com>');
    const name = '=?UTF-8?B?5byg5LiJ?=.png';
    const png = Buffer.concat([Buffer.from(SAMPLE_HEADS.png), Buffer.alloc(2000, 7)]);
    await page
      .locator('#tools-attachments-files')
      .setInputFiles([{ name, mimeType: 'image/png', buffer: png }]);
    await expect.poll(() => composer.locator('[data-attachments] li').count()).toBe(1);
    await expect
      .poll(() => composer.locator('[data-problems]').innerText())
      .not.toMatch(/不是有效的邮箱地址|还没有收件人/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      composer.getByRole('button', { name: '下载 .eml 草稿' }).click(),
    ]);
    const mail = readWithPython(readFileSync((await download.path())!, 'utf8'));
    expect(mail.to).toEqual([['张三', 'copyright@kuaishou.com']]);
    expect(mail.cc).toEqual([['Legal, KS', 'legal@kuaishou.com']]);
    expect(mail.attachments.map((attachment) => attachment.filename)).toEqual([name]);
    expect(mail.defects).toEqual([]);
    expect(mail.over78).toEqual([]);
    expect(errors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
    await context.close();
  });
});
