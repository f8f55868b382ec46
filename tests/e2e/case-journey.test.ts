// Issue 18's acceptance journey: one matter from the composer to the dossier and back. A case is
// opened in the case file; the mail is composed on /tools/ with two pieces of evidence packed into
// the evidence package and recorded with 「已发送，记入案卷」; the case file then holds the mail
// with the .eml's and the package's SHA-256, a reply, and (the clock past the stated window) the
// escalation; the dossier carries both files; cleared storage (localStorage and IndexedDB) comes
// back from the dossier alone, and exports the same bytes again. Also the record step on a phone.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { launch, noBrowser, openPage, revealIslands } from '../support/browser';
import {
  addStep,
  CASE_PAGE,
  caseFileReady,
  caseIsland,
  createCase,
  fixClock,
} from '../support/case-file-page';
import { buildPackage, composer, fillTools, SUBJECT, TWO_FILES } from '../support/composer-page';

// Monday 2026-11-30, 10:00 Beijing time; then well past copyright's reply window (table 6).
const NOW = new Date('2026-11-30T10:00:00+08:00');
const LATER = new Date('2027-01-20T10:00:00+08:00');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface StoredMail {
  id: string;
  kind: string;
  date: string;
  time?: string;
  subject: string;
  to: string[];
  emlSha256?: string;
  packageSha256?: string;
}
const storedCases = (page: Page) =>
  page.evaluate(
    () =>
      (
        JSON.parse(localStorage.getItem('ksmail:cases') ?? '{"cases":[]}') as {
          cases: { steps: unknown[] }[];
        }
      ).cases,
  );

async function downloaded(page: Page, button: ReturnType<Page['locator']>) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = (await download.path())!;
  return { path, bytes: readFileSync(path) };
}

const exportDossier = (page: Page) =>
  downloaded(page, caseIsland(page).getByRole('button', { name: '导出案卷（ZIP）' }));

/** Presses 「已发送，记入案卷」, chooses the case (by its id, or 'new') and confirms. */
async function recordSent(page: Page, choice: string) {
  await composer(page).getByRole('button', { name: '已发送，记入案卷' }).click();
  const select = composer(page).getByLabel('记入哪个案卷');
  await select.waitFor();
  await select.selectOption(choice);
  await composer(page).getByRole('button', { name: '记入这个案卷' }).click();
  const status = composer(page).locator('[data-record-status]');
  await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain('已记入案卷');
  return status;
}

describe.skipIf(noBrowser)('a case from the composer to the dossier and back', () => {
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

  it('records the sent mail into the case; the dossier carries the .eml and package, and restores', async () => {
    const { page, context, errors, foreignRequests } = await openPage(
      browser,
      CASE_PAGE,
      undefined,
      async (ctx) => {
        await fixClock(ctx, NOW);
      },
    );
    await caseFileReady(page);
    await createCase(page, '原创视频被搬运', '作品被搬运或盗用（我是权利人）');
    const caseId = decodeURIComponent(/#case=(.+)$/.exec(page.url())![1]!);

    // The case stays open in a second tab: it sees the mail when the composer records it.
    const caseTab = await context.newPage();
    await caseTab.goto(page.url());
    await caseFileReady(caseTab);

    // The composer: two pieces of evidence, the package built, the mail recorded into the case.
    await page.goto(new URL('../', page.url().replace(/#.*$/, '')).href);
    await revealIslands(page);
    await fillTools(page);
    await page.locator('#tools-attachments-files').setInputFiles(TWO_FILES);
    const built = await buildPackage(page);
    // The .eml downloaded and sent: the case records the hash of that very file.
    const eml = await downloaded(page, composer(page).getByRole('button', { name: '下载 .eml 草稿' }));
    const status = await recordSent(page, caseId);
    expect(await status.innerText()).toContain('原创视频被搬运');
    await expect.poll(() => caseIsland(caseTab).locator('[data-steps] > li').count()).toBe(1);
    await caseTab.close();
    const link = status.getByRole('link');
    expect(await link.getAttribute('href')).toBe(`/tools/case/#case=${encodeURIComponent(caseId)}`);

    // Back in the case file: the mail step with both hashes; the package's is the built ZIP's.
    await link.click();
    await caseFileReady(page);
    expect(await caseIsland(page).locator('[data-steps]').innerText()).toContain(SUBJECT);
    const [recorded] = (await storedCases(page)) as { steps: StoredMail[] }[];
    const mail = recorded!.steps[0]!;
    expect(mail).toMatchObject({
      kind: 'mail',
      date: '2026-11-30',
      time: '10:00',
      subject: SUBJECT,
      emlSha256: sha256(eml.bytes),
      packageSha256: sha256(built),
    });

    // Within the window the next step is a follow-up, not escalation. A reply that does not
    // resolve it (a pending one names no deadline: escalation would never come), then the clock
    // past the stated window: escalation, with the channel to go to.
    expect(await caseIsland(page).locator('[data-next]').innerText()).not.toContain('升级');
    await addStep(page, '收到回复', { 回复说了什么: '经核实不予处理', 结果: '被拒绝或未解决' });
    await fixClock(context, LATER);
    await page.reload();
    await caseFileReady(page);
    expect(await caseIsland(page).locator('[data-next]').innerText()).toContain('升级');
    expect(await caseIsland(page).locator('[data-next-rung]').innerText()).not.toBe('');

    // The dossier holds the .eml and the package under the step's id, matching its hashes.
    const first = await exportDossier(page);
    const entries = unzipSync(first.bytes);
    expect(Object.keys(entries)).toEqual([
      'timeline.html',
      'case.json',
      `mails/${mail.id}.eml`,
      `evidence/${mail.id}.zip`,
      'SHA256SUMS',
    ]);
    expect(sha256(entries[`mails/${mail.id}.eml`]!)).toBe(mail.emlSha256);
    expect(sha256(entries[`evidence/${mail.id}.zip`]!)).toBe(mail.packageSha256);
    expect(new TextDecoder().decode(entries[`mails/${mail.id}.eml`]!)).toContain('Subject:');
    expect(new TextDecoder().decode(entries['timeline.html']!)).not.toContain('未放入案卷');
    const [original] = await storedCases(page);

    // Everything this browser kept is cleared: localStorage and IndexedDB.
    const left = await page.evaluate(async () => {
      localStorage.clear();
      for (const database of await indexedDB.databases())
        await new Promise((done) => {
          const request = indexedDB.deleteDatabase(database.name!);
          request.onsuccess = request.onerror = request.onblocked = done;
        });
      return (await indexedDB.databases()).length;
    });
    expect(left).toBe(0);
    await page.reload();
    await caseFileReady(page);
    await expect.poll(() => caseIsland(page).getAttribute('data-cases')).toBe('0');

    // The dossier alone brings the same case back, and its files: the export is the same bytes.
    await caseIsland(page).getByLabel('导入案卷（ZIP 或 JSON）').setInputFiles(first.path);
    await expect.poll(() => caseIsland(page).locator('[data-status]').innerText()).toContain('已导入');
    expect(await storedCases(page)).toEqual([original]);
    const second = await exportDossier(page);
    expect(sha256(second.bytes)).toBe(sha256(first.bytes));
    expect(errors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
    // A guard against a hang, not a speed goal: five page loads, two ZIPs and three tools took
    // 22–61 s while the two cores were shared (the e2e default is 60 s).
  }, 180_000);

  it('a mail started from a template is recorded with it, and the figures count it under that template', async () => {
    const { page, errors } = await openPage(browser, 'templates/', undefined, async (ctx) => {
      await fixClock(ctx, NOW);
    });
    await page.locator('[data-use-template="copyright-complaint"]').click();
    await page.waitForURL('**/tools/');
    await revealIslands(page);
    await page.getByRole('radio', { name: '作品被搬运或盗用（我是权利人）' }).check();
    const used = await page.evaluate(
      () => JSON.parse(localStorage.getItem('ksmail:template') ?? 'null') as { id: string; revision: number },
    );
    expect(used).toMatchObject({ id: 'copyright-complaint', revision: expect.any(Number) });
    const status = await recordSent(page, 'new');
    const [created] = (await storedCases(page)) as { steps: { template?: unknown }[] }[];
    expect(created!.steps[0]!.template).toEqual({ id: 'copyright-complaint', revision: used.revision });
    // The case file names it on the mail's line; the figures count it under that revision.
    await status.getByRole('link').click();
    await page.waitForURL('**/tools/case/#case=*');
    await caseFileReady(page);
    await expect
      .poll(() => caseIsland(page).innerText(), { timeout: 8000 })
      .toContain(`所用模板：版权 / 侵权投诉（第 ${used.revision} 版）`);
    await page.goto(new URL('../../guide/evaluation/', page.url()).href);
    await revealIslands(page);
    const row = page.locator(
      `outcome-tracker [data-group="template"] tr[data-key="copyright-complaint@${used.revision}"]`,
    );
    await expect.poll(() => row.count(), { timeout: 8000 }).toBe(1);
    expect(await row.locator('[data-figure="sent"]').evaluate((td) => td.firstChild?.textContent)).toBe(
      '1 封',
    );
    expect(errors).toEqual([]);
  });

  it('on a 360 px phone, records the mail into a new case named after the subject', async () => {
    const { page, errors } = await openPage(browser, 'tools/', undefined, async (ctx) => {
      await fixClock(ctx, NOW);
    });
    await page.setViewportSize({ width: 360, height: 740 });
    await revealIslands(page);
    await fillTools(page);
    // Opened and cancelled first: the second opening records once, not once per opening.
    await composer(page).getByRole('button', { name: '已发送，记入案卷' }).click();
    await composer(page).getByRole('button', { name: '取消' }).click();
    expect(await composer(page).getByLabel('记入哪个案卷').isVisible()).toBe(false);
    const status = await recordSent(page, 'new');
    expect(await status.innerText()).toContain(SUBJECT);
    // No package was built: only the .eml's hash is recorded.
    const cases = (await storedCases(page)) as { caseType: string; title: string; steps: StoredMail[] }[];
    expect(cases).toHaveLength(1);
    const [created] = cases;
    expect(created).toMatchObject({ caseType: 'copyright', title: SUBJECT });
    expect(created!.steps).toHaveLength(1);
    expect(created!.steps[0]!.emlSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(created!.steps[0]!).not.toHaveProperty('packageSha256');
    // The choice, the confirmation and the status fit the phone's width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await status.isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('IndexedDB refused: the step keeps its hashes, the files are named 未放入案卷; storage full: said, nothing thrown', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/', undefined, async (ctx) => {
      await fixClock(ctx, NOW);
      // As in a private mode that refuses IndexedDB.
      await ctx.addInitScript(() => {
        IDBFactory.prototype.open = () => {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        };
      });
    });
    await fillTools(page);
    await page.locator('#tools-attachments-files').setInputFiles(TWO_FILES);
    await buildPackage(page);
    const status = await recordSent(page, 'new');
    expect(await status.innerText()).toContain('没能存进本浏览器');
    const [created] = (await storedCases(page)) as { steps: StoredMail[] }[];
    expect(created!.steps[0]).toMatchObject({
      emlSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      packageSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    await status.getByRole('link', { name: '打开案卷' }).click();
    await caseFileReady(page);
    const dossier = unzipSync((await exportDossier(page)).bytes);
    expect(Object.keys(dossier)).toEqual(['timeline.html', 'case.json', 'SHA256SUMS']);
    expect(new TextDecoder().decode(dossier['timeline.html']!)).toContain('未放入案卷');
    expect(await caseIsland(page).locator('[data-status]').innerText()).toContain(
      '2 个文件本浏览器里没有保存',
    );

    // localStorage full from now on: the composer says the mail was not recorded, and throws nothing.
    await context.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('the quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.goto(new URL('../', page.url().replace(/#.*$/, '')).href);
    await revealIslands(page);
    await composer(page).getByRole('button', { name: '已发送，记入案卷' }).click();
    await composer(page).getByRole('button', { name: '记入这个案卷' }).click();
    await expect
      .poll(() => composer(page).locator('[data-record-status]').innerText())
      .toContain('浏览器存储已满或不允许本站保存');
    expect((await storedCases(page))[0]!.steps).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
