// The outcome figures of chapter 9 (/guide/evaluation/) as a view of the case file: what is
// recorded in /tools/case/ (each mail and its reply) shows in the figures, another tab's new
// reply updates them, the release's own log (tests/fixtures/case-migration/) is migrated into
// cases on first load here and counted exactly once, export and import go through the cases.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, noBrowser, openPage, siteUrl, revealIslands } from '../support/browser';
import {
  addStep,
  CASE_PAGE,
  caseFileReady,
  caseIsland,
  createCase,
  fixClock,
} from '../support/case-file-page';

const PAGE = 'guide/evaluation/';
const tracker = (page: Page) => page.locator('outcome-tracker');
// Monday 2026-11-30, 10:00 Beijing time.
const NOW = new Date('2026-11-30T10:00:00+08:00');

/** The figures of one row of a figures table, by data-figure. */
async function figures(page: Page, groupBy: 'requestType' | 'template', key: string) {
  const row = tracker(page).locator(`[data-group="${groupBy}"] tr[data-key="${key}"]`);
  const cell = (name: string) =>
    row.locator(`[data-figure="${name}"]`).evaluate((td) => td.firstChild?.textContent ?? '');
  return {
    sent: await cell('sent'),
    replyRate: await cell('reply-rate'),
    median: await cell('median'),
    resolutionRate: await cell('resolution-rate'),
    satisfaction: await cell('satisfaction'),
  };
}

const logRows = (page: Page) =>
  tracker(page)
    .locator('[data-log-body] tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll<HTMLElement>('td[data-col]')].map((cell) => cell.textContent ?? ''),
      ),
    );

/** The release's tracker entries of the old test: across 国庆 2026 and the make-up Saturday. */
const OLD_ENTRIES = [
  // 4 working days; 8 October is the first working day after the holiday: 1 working day.
  {
    id: 'e1',
    requestType: 'account-appeal',
    template: { id: 'account-appeal', revision: 2 },
    sent: '2026-09-30',
    firstReply: '2026-10-12',
    resolved: 'yes',
    satisfaction: 4,
    matter: '封禁',
  },
  {
    id: 'e2',
    requestType: 'account-appeal',
    template: { id: 'account-appeal', revision: 2 },
    sent: '2026-09-30',
    firstReply: '2026-10-08',
    resolved: 'no',
    satisfaction: 2,
  },
  {
    id: 'e3',
    requestType: 'account-appeal',
    sent: '2026-10-09',
    resolved: 'pending',
    note: '=HYPERLINK("http://example.com","点我")',
  },
  // The chapter's example row: Friday → Wednesday, 3 working days.
  {
    id: 'e4',
    requestType: 'copyright',
    sent: '2026-11-20',
    firstReply: '2026-11-25',
    resolved: 'yes',
    satisfaction: 5,
  },
];

/** The same figures the tracker showed for these entries when it kept its own log. */
async function expectOldFigures(page: Page) {
  expect(await figures(page, 'requestType', 'account-appeal')).toEqual({
    sent: '3 封',
    replyRate: '67%',
    median: '2.5',
    resolutionRate: '50%',
    satisfaction: '3.0',
  });
  expect(await figures(page, 'requestType', 'copyright')).toEqual({
    sent: '1 封',
    replyRate: '100%',
    median: '3',
    resolutionRate: '100%',
    satisfaction: '5.0',
  });
  expect(await figures(page, 'requestType', '*')).toEqual({
    sent: '4 封',
    replyRate: '75%',
    median: '3',
    resolutionRate: '67%',
    satisfaction: '3.7',
  });
  expect(await figures(page, 'template', 'account-appeal@2')).toMatchObject({
    sent: '2 封',
    replyRate: '100%',
    median: '2.5',
  });
  expect(await figures(page, 'template', '')).toMatchObject({ sent: '2 封', replyRate: '50%', median: '3' });
  expect(await tracker(page).locator('[data-own-figures]').innerText()).toContain(
    '共 4 封，回复率 75%（3/4）',
  );
}

/** Puts values into localStorage once, before the page's own scripts run (not again on reload). */
function seed(values: Record<string, string>) {
  return async (context: BrowserContext) => {
    await context.addInitScript((stored: Record<string, string>) => {
      if (sessionStorage.getItem('test:seeded')) return;
      for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, value);
      sessionStorage.setItem('test:seeded', '1');
    }, values);
  };
}

const oldLog = (entries: unknown[]) => JSON.stringify({ version: 1, entries });

async function importFile(page: Page, name: string, buffer: Buffer) {
  const result = tracker(page).locator('[data-import-summary]');
  const before = await result.innerText().catch(() => '');
  await tracker(page)
    .locator('[data-import]')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await page.waitForFunction(
    ([selector, previous]) => {
      const text = document.querySelector(selector!)?.textContent ?? '';
      return text !== '' && text !== previous;
    },
    ['outcome-tracker [data-import-summary]', before] as const,
  );
  return result.innerText();
}

async function download(page: Page, button: Locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

const storedCases = (page: Page) =>
  page.evaluate(
    () =>
      (JSON.parse(localStorage.getItem('ksmail:cases') ?? '{"cases":[]}') as { cases: unknown[] }).cases
        .length,
  );

describe.skipIf(noBrowser)('outcome figures, a view of the case file, in Chromium', () => {
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

  it('a mail and a rejected reply recorded in the case file show in the figures; another tab’s reply updates them (360 px)', async () => {
    const { page, context, errors, foreignRequests } = await openPage(browser, CASE_PAGE, undefined, (ctx) =>
      fixClock(ctx, NOW),
    );
    await page.setViewportSize({ width: 360, height: 740 });
    await caseFileReady(page);
    await createCase(page, '11 月封号申诉', '账号被封禁或限流');
    const caseId = decodeURIComponent(new URL(page.url()).hash.replace(/^#case=/, ''));
    // Wednesday → Friday: 2 working days.
    await addStep(page, '邮件', { '日期（北京时间）': '2026-11-25', 邮件主题: '【账号申诉】请求复核' });
    await addStep(page, '收到回复', {
      '日期（北京时间）': '2026-11-27',
      回复说了什么: '维持原判',
      结果: '被拒绝或未解决',
    });

    const view = await context.newPage();
    await view.setViewportSize({ width: 360, height: 740 });
    await view.goto(new URL(PAGE, siteUrl).href);
    await revealIslands(view);
    await view.locator('outcome-tracker[data-entries="1"]').waitFor();
    expect(await figures(view, 'requestType', 'account-appeal')).toEqual({
      sent: '1 封',
      replyRate: '100%',
      median: '2',
      resolutionRate: '0%',
      satisfaction: '—',
    });
    // Recording is in the case file; each row links to its case.
    const record = tracker(view).getByRole('link', { name: '记录在案卷里：每封邮件、每次回复' });
    expect(new URL((await record.getAttribute('href'))!, view.url()).pathname).toMatch(/\/tools\/case\/$/);
    expect(await tracker(view).locator('[data-form]').count()).toBe(0);
    expect(await logRows(view)).toEqual([
      ['2026-11-25', '账号被封禁或限流', '11 月封号申诉', '2026-11-27', '2', '未解决'],
    ]);
    const caseLink = tracker(view).locator('[data-log-body] a', { hasText: '11 月封号申诉' });
    expect(new URL((await caseLink.getAttribute('href'))!, view.url()).hash).toBe(
      `#case=${encodeURIComponent(caseId)}`,
    );

    // The case tab records a later reply that resolves it: this tab's figures follow.
    await addStep(page, '收到回复', {
      '日期（北京时间）': '2026-11-30',
      回复说了什么: '已解封',
      结果: '已解决',
    });
    await expect
      .poll(async () => (await figures(view, 'requestType', 'account-appeal')).resolutionRate)
      .toBe('100%');
    expect((await figures(view, 'requestType', 'account-appeal')).median).toBe('2');
    expect(await view.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The link leads to the case.
    await caseLink.click();
    await caseFileReady(view);
    expect(await caseIsland(view).getAttribute('data-open')).toBe(caseId);
    expect(errors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
    await context.close();
  });

  it('the release’s stored log, opened first here, is counted, then is in the case file exactly once', async () => {
    const fixture = JSON.parse(
      readFileSync('tests/fixtures/case-migration/release-storage.json', 'utf8'),
    ) as {
      localStorage: Record<string, string>;
    };
    const { page, context, errors } = await openPage(browser, PAGE, undefined, seed(fixture.localStorage));
    await page.locator('outcome-tracker[data-entries="3"]').waitFor();
    // 11月封号: 2 November (Monday) → 9 November, 5 working days; the second mail unanswered, its
    // matter still 处理中. copyright: Friday → Monday, 1 working day, resolved.
    expect(await figures(page, 'requestType', 'account-appeal')).toEqual({
      sent: '2 封',
      replyRate: '50%',
      median: '5',
      resolutionRate: '—',
      satisfaction: '2.0',
    });
    expect(await figures(page, 'requestType', 'copyright')).toMatchObject({
      sent: '1 封',
      median: '1',
      resolutionRate: '100%',
    });
    expect(await storedCases(page)).toBe(3);
    expect(await page.evaluate(() => localStorage.getItem('ksmail:outcomes'))).toBe(
      fixture.localStorage['ksmail:outcomes'],
    );

    await page.reload();
    await revealIslands(page);
    await page.locator('outcome-tracker[data-entries="3"]').waitFor();
    await page.goto(new URL(CASE_PAGE, siteUrl).href);
    await caseFileReady(page);
    await expect.poll(() => caseIsland(page).getAttribute('data-cases')).toBe('3');
    const list = await caseIsland(page).locator('[data-case-list]').innerText();
    expect(list.split('11月封号').length - 1).toBe(1);
    expect(await caseIsland(page).locator('[data-status]').innerText()).not.toContain('整理成案卷');
    expect(await storedCases(page)).toBe(3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('old entries keep their figures through the cases; CSV export; import turns old files into cases once', async () => {
    const { page, context, errors, foreignRequests } = await openPage(
      browser,
      PAGE,
      undefined,
      seed({ 'ksmail:outcomes': oldLog(OLD_ENTRIES) }),
    );
    await page.locator('outcome-tracker[data-entries="4"]').waitFor();
    await expectOldFigures(page);
    const row = tracker(page).locator('[data-group="requestType"] tr[data-key="account-appeal"]');
    expect(await row.locator('[data-figure="median"]').innerText()).toContain('1 封未回复，不计入');
    expect(await row.locator('th').innerText()).toContain('样本少');

    const csv = await download(page, tracker(page).getByRole('button', { name: '导出 CSV' }));
    expect(csv.name).toMatch(/^快手邮件效果记录_\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = csv.bytes.toString('utf8');
    expect(csvText).toContain(
      '编号,诉求类型,诉求类型代码,模板,模板代码,模板修订,事项,发送日期,首次人工回复日期,结果,满意度,备注\r\n',
    );
    expect(csvText).toContain(`"'=HYPERLINK(""http://example.com"",""点我"")"`);
    expect(csvText.trim().split('\r\n')).toHaveLength(5);
    // No delete-all here: each case is deleted in the case file.
    expect(await tracker(page).getByRole('button', { name: '全部删除' }).count()).toBe(0);

    // The view's own export imported again: already in the case file, nothing added.
    expect(await importFile(page, csv.name, csv.bytes)).toContain('读到 4 条：导入 0 条');
    expect(await storedCases(page)).toBe(4);

    // A file the old tracker exported: its rows become cases (once).
    const file = Buffer.from(
      JSON.stringify({
        format: 'ksmail-outcomes',
        version: 1,
        exported: '2026-11-01T00:00:00.000Z',
        entries: [
          {
            id: 'x1',
            requestType: 'tech-fault',
            sent: '2026-11-02',
            firstReply: '2026-11-04',
            resolved: 'yes',
          },
        ],
      }),
    );
    expect(await importFile(page, 'old.json', file)).toContain('读到 1 条：导入 1 条');
    await page.locator('outcome-tracker[data-entries="5"]').waitFor();
    expect((await figures(page, 'requestType', 'tech-fault')).median).toBe('2');
    expect(await importFile(page, 'old-again.json', file)).toContain('读到 1 条：导入 0 条');
    expect(await tracker(page).getAttribute('data-entries')).toBe('5');

    // A CSV with bad rows: the good ones are imported, the others named with their row.
    const bad = Buffer.from(
      '\uFEFF发送日期,诉求类型,结果,满意度\r\n2026-11-02,直播或功能故障,处理中,\r\n2026-11-02,退款,处理中,\r\n2026-11-03,直播或功能故障,已解决,9\r\n',
    );
    const summary = await importFile(page, 'bad.csv', bad);
    expect(summary).toContain('读到 3 条：导入 1 条');
    expect(summary).toContain('跳过 2 条');
    expect(await tracker(page).locator('[data-import-problems]').innerText()).toMatch(
      /第 3 行：未知的诉求类型“退款”[\s\S]*第 4 行：满意度应为 1 到 5 的整数，这里是“9”/,
    );
    await page.locator('outcome-tracker[data-entries="6"]').waitFor();
    expect(await storedCases(page)).toBe(6);
    expect(errors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
    await context.close();
  });

  it('a damaged old log: the readable entries are counted, the stored text is left as it was', async () => {
    const good = {
      id: 'a',
      requestType: 'copyright',
      sent: '2026-11-20',
      firstReply: '2026-11-25',
      resolved: 'yes',
    };
    const raw = oldLog([good, { id: 5, sent: 'yesterday' }]);
    const { page, context, errors } = await openPage(
      browser,
      PAGE,
      undefined,
      seed({ 'ksmail:outcomes': raw }),
    );
    await page.locator('outcome-tracker[data-entries="1"]').waitFor();
    expect((await figures(page, 'requestType', 'copyright')).median).toBe('3');
    expect(await page.evaluate(() => localStorage.getItem('ksmail:outcomes'))).toBe(raw);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('storage that refuses writes: the old log is still counted, and the page says the cases are not saved', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await context.addInitScript((text: string) => {
      localStorage.setItem('ksmail:outcomes', text);
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    }, oldLog(OLD_ENTRIES));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(new URL(PAGE, siteUrl).href);
    await revealIslands(page);
    await page.locator('outcome-tracker[data-entries="4"]').waitFor();
    await expectOldFigures(page);
    const warning = tracker(page).locator('[data-storage-warning]');
    expect(await warning.isVisible()).toBe(true);
    expect(await warning.innerText()).toContain('案卷无法保存');
    expect(errors).toEqual([]);
    await context.close();
  });
});
