import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, writeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { launch, noBrowser, openPage, siteUrl, revealIslands } from '../support/browser';
import { SIGNATURES } from '../../src/lib/attachments/file-signature';
import { SAMPLE_HEADS } from '../../src/lib/attachments/file-signature-samples';

const MB = 1024 * 1024;
const withHead = (id: keyof typeof SIGNATURES, size: number, seed = 1) => {
  const buffer = Buffer.alloc(size);
  for (let index = 0; index < size; index += 1) buffer[index] = (index * 13 + seed) & 0xff;
  Buffer.from(SAMPLE_HEADS[id]).copy(buffer);
  return buffer;
};
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const dir = mkdtempSync(join(tmpdir(), 'ks-attachments-'));

/** A sparse file on disk: `size` bytes, only the head written. */
function sparseFile(name: string, size: number, head: readonly number[]) {
  const path = join(dir, name);
  const descriptor = openSync(path, 'w');
  writeSync(descriptor, Buffer.from(head));
  ftruncateSync(descriptor, size);
  closeSync(descriptor);
  return path;
}

const row = (page: Page, name: string) => page.locator(`attachment-checker [data-attachment="${name}"]`);
const rules = (page: Page, name: string) =>
  row(page, name)
    .locator('[data-rule]')
    .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.rule));

describe.skipIf(noBrowser)('attachment checker in Chromium', () => {
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

  it('choosing files with the picker shows each file’s findings, names and the totals', async () => {
    const { page, context, errors, foreignRequests } = await openPage(browser, 'guide/attachments/');
    await page.locator('#attachments-files').setInputFiles([
      { name: '20261120_封禁提示截图.png', mimeType: 'image/png', buffer: withHead('png', 3000) },
      { name: 'IMG_4821.png', mimeType: 'image/png', buffer: withHead('jpeg', 3000) },
      { name: '截图.png', mimeType: 'image/png', buffer: withHead('exe', 3000) },
      { name: '录屏.mp4', mimeType: 'video/mp4', buffer: withHead('mp4', 6 * MB) },
    ]);
    await row(page, '录屏.mp4').waitFor();
    expect(await rules(page, '20261120_封禁提示截图.png')).toEqual([]);
    expect(await row(page, '20261120_封禁提示截图.png').locator('[data-name-status]').innerText()).toContain(
      '符合命名约定',
    );
    expect(await rules(page, 'IMG_4821.png')).toEqual(['attachment.type-mismatch', 'attachment.name']);
    // It goes out under its own name until renamed; the rename offered has the real type's extension.
    expect(await row(page, 'IMG_4821.png').locator('[data-new-name]').inputValue()).toBe('IMG_4821.png');
    expect(
      await row(page, 'IMG_4821.png')
        .locator('[data-rule="attachment.type-mismatch"] [data-fix]')
        .innerText(),
    ).toMatch(/^改为“\d{8}_截图\.jpg”$/);
    expect(await row(page, '截图.png').getAttribute('data-detected')).toBe('application/x-msdownload');
    expect(await rules(page, '截图.png')).toContain('attachment.blocked');
    expect(await row(page, '截图.png').locator('.ks-finding--error').count()).toBeGreaterThan(0);
    const video = row(page, '录屏.mp4').locator('[data-rule="attachment.size"]');
    expect(await video.innerText()).toMatch(/6\.0 MB[\s\S]*十几秒/);
    expect(
      await page.locator('attachment-checker [data-list-findings] [data-rule="attachments.count"]').count(),
    ).toBe(1);
    expect(await page.locator('attachment-checker [data-total]').innerText()).toMatch(/合计 4 个文件/);
    expect(await page.locator('attachment-checker [data-limits] [data-fits="true"]').count()).toBeGreaterThan(
      0,
    );
    expect(await page.locator('attachment-checker [data-package-size]').innerText()).toMatch(
      /1 个可执行文件不放入/,
    );

    // Removing a file updates the list and the count finding.
    await row(page, '录屏.mp4').getByRole('button', { name: /移除/ }).click();
    await row(page, '录屏.mp4').waitFor({ state: 'detached' });
    expect(await page.locator('attachment-checker [data-rule="attachments.count"]').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
    await context.close();
  });

  it('dropping files on the drop zone checks them', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    const transfer = await page.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])], '情况说明.pdf'));
      data.items.add(new File(['not a picture'], '20261120_截图😀.png'));
      return data;
    });
    const zone = page.locator('attachment-checker [data-dropzone]');
    await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
    expect(await zone.getAttribute('data-over')).toBe('');
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
    await row(page, '情况说明.pdf').waitFor();
    expect(await zone.getAttribute('data-over')).toBeNull();
    expect(await rules(page, '情况说明.pdf')).toEqual(['attachment.name']);
    expect(await rules(page, '20261120_截图😀.png')).toEqual(
      expect.arrayContaining(['attachment.type-mismatch', 'attachment.name.characters']),
    );
    // Applying the suggested name from a finding fills the name field.
    await row(page, '20261120_截图😀.png')
      .locator('[data-rule="attachment.name.characters"] [data-fix]')
      .click();
    expect(await row(page, '20261120_截图😀.png').locator('[data-new-name]').inputValue()).toBe(
      '20261120_截图.txt',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the evidence package downloads; it opens; its manifest hashes match the files', async () => {
    const { page, context, errors, foreignRequests } = await openPage(browser, 'tools/');
    const png = withHead('png', 200_000, 3);
    const pdf = withHead('pdf', 50_000, 5);
    // Over the Web Crypto limit: hashed while streaming instead.
    const bigVideo = sparseFile('录屏.mp4', 70 * MB, SAMPLE_HEADS.mp4);
    await page.locator('#tools-attachments-files').setInputFiles([
      { name: 'IMG_0001.PNG', mimeType: 'image/png', buffer: png },
      { name: '20261120_情况说明.pdf', mimeType: 'application/pdf', buffer: pdf },
    ]);
    await page.locator('#tools-attachments-files').setInputFiles(bigVideo);
    await row(page, '录屏.mp4').waitFor();
    const name = row(page, 'IMG_0001.PNG').locator('[data-new-name]');
    await name.fill('20261120_侵权截图.png');
    await name.press('Tab');
    expect(await row(page, 'IMG_0001.PNG').locator('[data-name-status]').innerText()).toContain(
      '符合命名约定',
    );
    const predicted = await page.locator('attachment-checker [data-package-size]').innerText();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('attachment-checker [data-build]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^\d{8}_证据包\.zip$/);
    const zip = readFileSync((await download.path())!);
    const entries = unzipSync(new Uint8Array(zip));
    const videoName = await row(page, '录屏.mp4').locator('[data-new-name]').inputValue();
    expect(Object.keys(entries)).toEqual([
      '20261120_侵权截图.png',
      '20261120_情况说明.pdf',
      videoName,
      '证据清单.csv',
      'SHA256SUMS.txt',
      '说明.txt',
    ]);
    const video = readFileSync(bigVideo);
    const sums = strFromU8(entries['SHA256SUMS.txt']!);
    expect(sums).toBe(
      `${sha(png)}  20261120_侵权截图.png\n${sha(pdf)}  20261120_情况说明.pdf\n${sha(video)}  ${videoName}\n`,
    );
    expect(entries['20261120_侵权截图.png']).toEqual(new Uint8Array(png));
    const manifest = strFromU8(entries['证据清单.csv']!);
    expect(manifest).toContain(`20261120_侵权截图.png,IMG_0001.PNG,200000,PNG 图片,`);
    expect(manifest).toContain(sha(video));
    // The size announced before building is the size of the ZIP.
    await page.locator('attachment-checker [data-download]:not([hidden])').waitFor();
    expect(predicted).toContain(`共 ${(zip.length / MB).toFixed(1)} MB`);
    expect(await page.locator('attachment-checker [data-package-result]').innerText()).toMatch(
      /已生成并校验：3 个文件/,
    );
    // 70 MB is over the 5 MB limit: the package is checked like any attachment, its size first.
    expect(
      await page.locator('attachment-checker [data-package-findings] [data-rule="attachment.size"]').count(),
    ).toBe(1);
    expect(errors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
    await context.close();
  });

  it('a 1 GB file is checked from its first bytes: the page stays responsive and never reads it whole', async () => {
    const huge = sparseFile('20261120_录屏.mp4', 1024 * MB, SAMPLE_HEADS.mp4);
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    // Records every read of file contents the page makes.
    await context.addInitScript(() => {
      const reads: number[] = [];
      (window as unknown as { __reads: number[] }).__reads = reads;
      for (const method of ['arrayBuffer', 'stream', 'text', 'bytes'] as const) {
        const original = Blob.prototype[method as 'arrayBuffer'];
        if (!original) continue;
        Object.defineProperty(Blob.prototype, method, {
          value(this: Blob, ...args: unknown[]) {
            reads.push(this.size);
            return (original as (...a: unknown[]) => unknown).apply(this, args);
          },
        });
      }
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(new URL('tools/', siteUrl).href);
    await revealIslands(page);
    const started = Date.now();
    await page.locator('#tools-attachments-files').setInputFiles(huge);
    await row(page, '20261120_录屏.mp4').locator('[data-rule="attachment.size"]').waitFor();
    const shown = Date.now() - started;
    // Responsive: a script round trip right after the check.
    const roundTrip = Date.now();
    expect(await page.evaluate(() => document.readyState)).toBe('complete');
    console.log(`1 GB file: findings shown after ${shown} ms; page answered in ${Date.now() - roundTrip} ms`);
    expect(
      await row(page, '20261120_录屏.mp4').locator('[data-rule="attachment.size"]').innerText(),
    ).toContain('1.0 GB');
    const reads = await page.evaluate(() => (window as unknown as { __reads: number[] }).__reads);
    expect(reads.length).toBeGreaterThan(0);
    expect(Math.max(...reads)).toBeLessThanOrEqual(512);
    expect(errors).toEqual([]);
    await context.close();
  });
});
