/**
 * The tools page's composer as the browser tests drive it: fill the need, subject and draft the
 * way a user does, choose files whose first bytes are real signatures, and build the evidence
 * package in the attachment checker. The same steps as composer-sending.test.ts's own helpers,
 * here for tests that go on from the composer to another tool (case-journey.test.ts).
 */
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { SIGNATURES } from '../../src/lib/attachments/file-signature';
import { SAMPLE_HEADS } from '../../src/lib/attachments/file-signature-samples';

export const SUBJECT = '【侵权通知-视频ID:8848-紧急】原创视频被搬运，请求下架';
export const DRAFT = [
  '问题描述：我的原创视频（视频ID:8848）于 11 月 18 日被账号 ID:1234 搬运，播放量已达 3 万次。',
  '影响说明：搬运视频分走了约 40% 的流量。',
  '诉求清单：1. 下架搬运视频；2. 告知处理结果。',
  '联系方式：手机 138 0000 0000，邮箱 creator@example.com。',
].join('\n');
const WAIT = { timeout: 8000 };

export const composer = (page: Page) => page.locator('mail-composer');

/** A file whose first bytes are a real signature, the rest a fixed pattern. */
export const fileWithHead = (id: keyof typeof SIGNATURES, size: number, seed: number) => {
  const buffer = Buffer.alloc(size);
  for (let index = 0; index < size; index += 1) buffer[index] = (index * 7 + seed) & 0xff;
  Buffer.from(SAMPLE_HEADS[id]).copy(buffer);
  return buffer;
};

/** Two pieces of evidence: a screenshot and a PDF. */
export const TWO_FILES = [
  { name: '20261118_搬运截图.png', mimeType: 'image/png', buffer: fileWithHead('png', 4000, 1) },
  { name: '20261118_原创证明.pdf', mimeType: 'application/pdf', buffer: fileWithHead('pdf', 7000, 4) },
];

/** Chooses the copyright need, types the subject and the draft; waits until the composer has them. */
export async function fillTools(page: Page, draft = DRAFT) {
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
export async function buildPackage(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('attachment-checker [data-build]').click(),
  ]);
  await expect
    .poll(() => composer(page).locator('[data-attachments]').innerText(), WAIT)
    .toMatch(/\d{8}_证据包\.zip/);
  return readFileSync((await download.path())!);
}
