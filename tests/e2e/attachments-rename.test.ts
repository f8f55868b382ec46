// The attachment checker's names and types as they go out (issue 19): a rename applies and
// clears the old name's warnings; an executable is not advised to keep a picture's extension;
// the MIME type follows the bytes; a chosen file cannot replace the package's own files.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import PostalMime from 'postal-mime';
import { launch, noBrowser, openPage } from '../support/browser';
import { SIGNATURES } from '../../src/lib/attachments/file-signature';
import { SAMPLE_HEADS } from '../../src/lib/attachments/file-signature-samples';

const withHead = (id: keyof typeof SIGNATURES, size: number, seed = 1) => {
  const buffer = Buffer.alloc(size);
  for (let index = 0; index < size; index += 1) buffer[index] = (index * 11 + seed) & 0xff;
  Buffer.from(SAMPLE_HEADS[id]).copy(buffer);
  return buffer;
};
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const row = (page: Page, name: string) => page.locator(`attachment-checker [data-attachment="${name}"]`);
const rules = (page: Page, name: string) =>
  row(page, name)
    .locator('[data-rule]')
    .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.rule));

async function download(page: Page, button: Locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync((await file.path())!);
}
const buildPackage = (page: Page) => download(page, page.locator('attachment-checker [data-build]'));
const emlDraft = async (page: Page) =>
  PostalMime.parse(
    await download(page, page.locator('mail-composer').getByRole('button', { name: '下载 .eml 草稿' })),
  );

describe.skipIf(noBrowser)('attachment names and types as they go out, in Chromium', () => {
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

  it('1. the rename button applies: the list, the package and the composer use the new name; the old name’s warnings clear', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    const png = withHead('png', 4000);
    await page
      .locator('#tools-attachments-files')
      .setInputFiles([{ name: 'IMG_4821.png', mimeType: 'image/png', buffer: png }]);
    await row(page, 'IMG_4821.png').locator('[data-rule="attachment.name"]').waitFor();
    const rename = row(page, 'IMG_4821.png').locator('[data-rule="attachment.name"] [data-fix]');
    const suggested = /改为“(.+)”/.exec(await rename.innerText())![1]!;
    expect(suggested).toMatch(/^\d{8}_截图\.png$/);

    await rename.click();
    await expect.poll(() => rules(page, 'IMG_4821.png')).toEqual([]);
    const renamed = row(page, 'IMG_4821.png');
    expect(await renamed.locator('strong').innerText()).toBe(suggested);
    expect(await renamed.locator('[data-new-name]').inputValue()).toBe(suggested);
    expect(await renamed.locator('[data-name-status]').innerText()).toContain('符合命名约定');
    // Keyboard users are not dropped at the top of the page: the name field has the focus.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.newName)).toBe(
      '',
    );
    await expect
      .poll(() => page.locator('mail-composer [data-attachments] li').first().innerText())
      .toContain(suggested);

    const entries = unzipSync(new Uint8Array(await buildPackage(page)));
    expect(Object.keys(entries)).toEqual([suggested, '证据清单.csv', 'SHA256SUMS.txt', '说明.txt']);
    expect(strFromU8(entries['SHA256SUMS.txt']!)).toBe(`${sha(png)}  ${suggested}\n`);
    // Once built, the mail attaches the package (issue 18); the loose file, under its new name, on request.
    expect((await emlDraft(page)).attachments.map((attachment) => attachment.filename)).toEqual([
      expect.stringMatching(/^\d{8}_证据包\.zip$/),
    ]);
    await page
      .locator('mail-composer')
      .getByLabel(/单独附上/)
      .check();
    expect((await emlDraft(page)).attachments.map((attachment) => attachment.filename)).toEqual([suggested]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('2. an executable named .jpg is not advised to keep a picture’s name; the page says it is left out', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    await page.locator('#tools-attachments-files').setInputFiles([
      { name: '证据截图.jpg', mimeType: 'image/jpeg', buffer: withHead('exe', 3000) },
      { name: '20261120_封禁提示截图.png', mimeType: 'image/png', buffer: withHead('png', 3000) },
    ]);
    const exe = row(page, '证据截图.jpg');
    await exe.locator('[data-rule="attachment.blocked"]').waitFor();
    expect(await exe.getAttribute('data-detected')).toBe('application/x-msdownload');
    expect(await exe.locator('[data-rule="attachment.blocked"]').innerText()).toContain(
      '不会放进证据包，也不会放进邮件',
    );
    // No finding and no button offers a harmless-looking name.
    const findingsText = await exe.locator('.ks-findings').innerText();
    expect(findingsText).not.toContain('建议改名');
    expect(await exe.locator('[data-fix]').count()).toBe(0);
    expect(await page.locator('attachment-checker [data-package-size]').innerText()).toMatch(
      /含 1 个文件；1 个可执行文件不放入/,
    );
    const entries = unzipSync(new Uint8Array(await buildPackage(page)));
    expect(Object.keys(entries)).not.toContain('证据截图.jpg');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('3. a PNG named .jpg goes out as image/png: in the mail draft and the package manifest', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    const png = withHead('png', 5000, 7);
    await page
      .locator('#tools-attachments-files')
      .setInputFiles([{ name: '20261120_截图.jpg', mimeType: 'image/jpeg', buffer: png }]);
    const mismatch = row(page, '20261120_截图.jpg').locator('[data-rule="attachment.type-mismatch"]');
    await mismatch.waitFor();
    expect(await mismatch.locator('[data-fix]').innerText()).toBe('改为“20261120_截图.png”');
    await expect.poll(() => page.locator('mail-composer [data-attachments] li').count()).toBe(1);

    // Not renamed yet: the name still says .jpg, the declared type is what the bytes are.
    let mail = await emlDraft(page);
    expect(mail.attachments.map(({ mimeType }) => mimeType)).toEqual(['image/png']);
    expect(mail.attachments.map(({ filename }) => filename)).toEqual(['20261120_截图.jpg']);
    expect(Buffer.from(mail.attachments[0]!.content as ArrayBuffer).equals(png)).toBe(true);
    const manifest = strFromU8(unzipSync(new Uint8Array(await buildPackage(page)))['证据清单.csv']!);
    expect(manifest).toContain(',20261120_截图.jpg,20261120_截图.jpg,5000,PNG 图片,image/png,');

    // Renamed as suggested: name and type agree.
    await mismatch.locator('[data-fix]').click();
    await expect.poll(() => rules(page, '20261120_截图.jpg')).toEqual([]);
    await page.locator('mail-composer [data-attachments] li', { hasText: '20261120_截图.png' }).waitFor();
    mail = await emlDraft(page);
    expect(mail.attachments.map(({ filename, mimeType }) => [filename, mimeType])).toEqual([
      ['20261120_截图.png', 'image/png'],
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('4. a file named SHA256SUMS.txt (or 说明.txt) is renamed in the package, with a note; the package verifies', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    const mine = Buffer.from('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a.txt\n');
    const notes = Buffer.from('我自己的说明');
    const png = withHead('png', 3000, 3);
    await page.locator('#tools-attachments-files').setInputFiles([
      { name: 'SHA256SUMS.txt', mimeType: 'text/plain', buffer: mine },
      { name: '说明.TXT', mimeType: 'text/plain', buffer: notes },
      { name: '20261120_截图.png', mimeType: 'image/png', buffer: png },
    ]);
    await row(page, '20261120_截图.png').waitFor();
    const note = page.locator('attachment-checker [data-package-notes] li');
    await expect.poll(() => note.count()).toBe(2);
    expect(await note.first().innerText()).toContain('改名为“SHA256SUMS (附件).txt”');
    expect(await note.nth(1).innerText()).toContain('改名为“说明 (附件).TXT”');

    const entries = unzipSync(new Uint8Array(await buildPackage(page)));
    expect(Object.keys(entries)).toEqual([
      'SHA256SUMS (附件).txt',
      '说明 (附件).TXT',
      '20261120_截图.png',
      '证据清单.csv',
      'SHA256SUMS.txt',
      '说明.txt',
    ]);
    expect(Buffer.from(entries['SHA256SUMS (附件).txt']!).equals(mine)).toBe(true);
    // Every checksum in the package's own list matches the stored bytes (sha256sum -c).
    const sums = strFromU8(entries['SHA256SUMS.txt']!).trim().split('\n');
    expect(sums).toHaveLength(3);
    for (const line of sums) {
      const [, hash, name] = /^([0-9a-f]{64}) {2}(.+)$/.exec(line)!;
      expect(sha(entries[name!]!), name).toBe(hash);
    }
    expect(await page.locator('attachment-checker [data-package-result]').innerText()).toMatch(
      /^已生成并校验：3 个文件/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
