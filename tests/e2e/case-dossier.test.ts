// The case file's dossier (issue 18) as a person uses it: export the open case as a ZIP twice
// (the same bytes), import it into a fresh browser profile (the same case back), import an
// older copy over newer edits (asked first; 取消 keeps the newer edits), and import a copy edited
// apart that looks newer by revision and time (asked as diverged; 两份都保留 keeps both).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { launch, noBrowser, openPage } from '../support/browser';
import { addStep, CASE_PAGE, caseFileReady, caseIsland, createCase } from '../support/case-file-page';

const PAGE = CASE_PAGE;
const island = caseIsland;
const EML_HASH = 'ab'.repeat(32);

const ready = caseFileReady;

/** Clicks 导出案卷（ZIP） and returns the download's path and SHA-256. */
async function exportDossier(page: Page) {
  const download = page.waitForEvent('download');
  await island(page).getByRole('button', { name: '导出案卷（ZIP）' }).click();
  const file = await download;
  const path = (await file.path())!;
  return {
    path,
    name: file.suggestedFilename(),
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
  };
}

const storedCases = (page: Page) =>
  page.evaluate(
    () => (JSON.parse(localStorage.getItem('ksmail:cases') ?? '{"cases":[]}') as { cases: unknown[] }).cases,
  );

describe.skipIf(noBrowser)('case dossier', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('exports the same bytes twice, imports into a fresh profile, asks before an older copy', async () => {
    const first = await openPage(browser, PAGE);
    const page = first.page;
    await ready(page);
    await createCase(page, '作品被搬运', '作品被搬运或盗用（我是权利人）');
    await addStep(page, '邮件', {
      '日期（北京时间）': '2026-11-30',
      邮件主题: '【侵权投诉】作品被搬运',
      '收件人（多个用逗号分隔）': 'a@example.com',
      '.eml 的 SHA-256（可选）': EML_HASH,
    });
    const one = await exportDossier(page);
    const two = await exportDossier(page);
    expect(one.name).toMatch(/\.zip$/);
    expect(two.sha256).toBe(one.sha256);
    const entries = unzipSync(readFileSync(one.path));
    expect(Object.keys(entries)).toEqual(['timeline.html', 'case.json', 'SHA256SUMS']);
    // case.json carries the title and the timeline ksmail dossier reads.
    const caseJson = JSON.parse(new TextDecoder().decode(entries['case.json'])) as Record<string, unknown>;
    expect(caseJson['title']).toBe('作品被搬运');
    expect(caseJson['timeline']).toMatchObject([{ kind: '邮件', files: [{ sha256: EML_HASH }] }]);
    // The .eml's hash is known, the file is not kept: the timeline says so.
    expect(new TextDecoder().decode(entries['timeline.html'])).toContain('未放入案卷');
    const [original] = await storedCases(page);

    // A fresh profile: importing the export restores the case exactly.
    const fresh = await openPage(browser, PAGE);
    await ready(fresh.page);
    await island(fresh.page).getByLabel('导入案卷（ZIP 或 JSON）').setInputFiles(one.path);
    await expect.poll(() => island(fresh.page).getAttribute('data-cases')).toBe('1');
    expect(await storedCases(fresh.page)).toEqual([original]);
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();

    // Newer edits here, then the older export: asked first; 取消 keeps the newer edits.
    await addStep(page, '电话', { '联系的是（如 人工客服）': '人工客服' });
    const [newer] = (await storedCases(page)) as { id: string }[];
    await island(page).getByLabel('导入案卷（ZIP 或 JSON）').setInputFiles(one.path);
    const question = island(page).locator('[data-import-question]');
    await question.waitFor();
    expect(await question.innerText()).toContain('比本机保存的旧');
    await question.getByRole('button', { name: '取消导入' }).click();
    expect(await question.isVisible()).toBe(false);
    expect(await storedCases(page)).toEqual([newer]);
    expect(await island(page).locator('[data-steps] > li').count()).toBe(2);

    // The export edited apart elsewhere (another device): a step of its own, and more revisions
    // and a later save than the copy here — by revision and time it looks newer. Its history
    // shares the export's edits, then goes its own way: asked as diverged, never replaced.
    const apart = JSON.parse(new TextDecoder().decode(entries['case.json'])) as Record<string, unknown> & {
      steps: unknown[];
      lineage?: string[];
    };
    delete apart['timeline'];
    apart.steps = [...apart.steps, { id: 's-apart', kind: 'call', date: '2026-12-01', who: '另一台设备' }];
    apart['revision'] = 40;
    apart['updatedAt'] = '2027-01-01T00:00:00.000Z';
    if (apart.lineage) apart.lineage = [...apart.lineage, 'apartedit0001'];
    await island(page)
      .getByLabel('导入案卷（ZIP 或 JSON）')
      .setInputFiles({
        name: 'apart.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(apart)),
      });
    await question.waitFor();
    expect(await question.innerText()).toContain('两边各自有过修改');
    await question.getByRole('button', { name: '两份都保留（导入的另存为一个新案卷）' }).click();
    await expect.poll(() => island(page).getAttribute('data-cases')).toBe('2');
    const both = (await storedCases(page)) as { id: string; title: string; steps: unknown[] }[];
    expect(both.find((kept) => kept.id === newer!.id)).toEqual(newer);
    expect(both.find((kept) => kept.id !== newer!.id)).toMatchObject({
      title: '作品被搬运（导入的副本）',
      steps: [{ kind: 'mail' }, { id: 's-apart', who: '另一台设备' }],
    });
    expect(first.errors).toEqual([]);
    expect(first.foreignRequests()).toEqual([]);
    await first.context.close();
  });
});
