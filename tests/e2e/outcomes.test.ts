import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, noBrowser, openPage, siteUrl, revealIslands } from '../support/browser';

const PAGE = 'guide/evaluation/';
const tracker = (page: Page) => page.locator('outcome-tracker');

interface FormEntry {
  type: string;
  template?: string;
  sent: string;
  reply?: string;
  resolved: '已解决' | '未解决' | '处理中';
  satisfaction?: string;
  matter?: string;
  note?: string;
}

async function fillForm(page: Page, entry: FormEntry) {
  const form = tracker(page).locator('[data-form]');
  await form.getByLabel('诉求类型', { exact: true }).selectOption({ label: entry.type });
  await form.getByLabel('模板与版本（可选）').selectOption(entry.template ?? '');
  await form.getByLabel('发送日期').fill(entry.sent);
  await form.getByLabel('首次人工回复日期（可选）').fill(entry.reply ?? '');
  await form.getByLabel(entry.resolved).check();
  await form.getByLabel('满意度 1–5（可选）').selectOption(entry.satisfaction ?? '');
  await form.getByLabel('事项（可选）').fill(entry.matter ?? '');
  await form.getByLabel('备注').fill(entry.note ?? '');
}

async function addEntry(page: Page, entry: FormEntry) {
  const before = Number(await tracker(page).getAttribute('data-entries'));
  await fillForm(page, entry);
  await tracker(page).getByRole('button', { name: '保存这条记录' }).click();
  await page.locator(`outcome-tracker[data-entries="${before + 1}"]`).waitFor();
}

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

const ENTRIES: FormEntry[] = [
  // Across 国庆 2026 (1–7 October) and the make-up Saturday 10 October: 4 working days.
  {
    type: '账号被封禁或限流',
    template: 'account-appeal@2',
    sent: '2026-09-30',
    reply: '2026-10-12',
    resolved: '已解决',
    satisfaction: '4',
    matter: '封禁',
  },
  // 8 October is the first working day after the holiday: 1 working day.
  {
    type: '账号被封禁或限流',
    template: 'account-appeal@2',
    sent: '2026-09-30',
    reply: '2026-10-08',
    resolved: '未解决',
    satisfaction: '2',
  },
  {
    type: '账号被封禁或限流',
    sent: '2026-10-09',
    resolved: '处理中',
    note: '=HYPERLINK("http://example.com","点我")',
  },
  // The chapter's example row: Friday → Wednesday, 3 working days.
  {
    type: '作品被搬运或盗用（我是权利人）',
    sent: '2026-11-20',
    reply: '2026-11-25',
    resolved: '已解决',
    satisfaction: '5',
  },
];

async function expectFigures(page: Page) {
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
  const row = tracker(page).locator('[data-group="requestType"] tr[data-key="account-appeal"]');
  expect(await row.locator('[data-figure="median"]').innerText()).toContain('1 封未回复，不计入');
  expect(await row.locator('th').innerText()).toContain('样本少');
  // The charts: reply rate and resolution rate per group.
  const chart = tracker(page).locator('svg[data-chart="requestType"]');
  expect(
    await chart
      .locator('[data-bar="reply"]')
      .evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-value'))),
  ).toEqual(['67', '100']); // groups in label order: 账号被封禁或限流 (account-appeal), then 作品被搬运…
  expect(
    await chart
      .locator('[data-bar="resolution"]')
      .evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-value'))),
  ).toEqual(['50', '100']);
  expect(await tracker(page).locator('[data-own-figures]').innerText()).toContain(
    '共 4 封，回复率 75%（3/4）',
  );
}

const EXPECTED_LOG = [
  ['2026-11-20', '作品被搬运或盗用（我是权利人）', '—', '—', '2026-11-25', '3', '已解决', '5', ''],
  [
    '2026-10-09',
    '账号被封禁或限流',
    '—',
    '—',
    '未回复',
    '—',
    '处理中',
    '—',
    '=HYPERLINK("http://example.com","点我")',
  ],
  [
    '2026-09-30',
    '账号被封禁或限流',
    '账号申诉（封禁、限流复核） · 修订 2',
    '—',
    '2026-10-08',
    '1',
    '未解决',
    '2',
    '',
  ],
  [
    '2026-09-30',
    '账号被封禁或限流',
    '账号申诉（封禁、限流复核） · 修订 2',
    '封禁',
    '2026-10-12',
    '4',
    '已解决',
    '4',
    '',
  ],
];

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

describe.skipIf(noBrowser)('outcome tracker in Chromium', () => {
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

  it('form → figures → reload → export JSON and CSV → delete all → import both: same entries, no duplicates', async () => {
    const { page, context, errors, foreignRequests } = await openPage(browser, PAGE);
    await page.locator('outcome-tracker[data-entries="0"]').waitFor();
    expect(await tracker(page).locator('[data-empty]').isVisible()).toBe(true);

    // A reply before the sending day is refused, with the field marked.
    await fillForm(page, {
      type: '账号被封禁或限流',
      sent: '2026-10-09',
      reply: '2026-10-08',
      resolved: '处理中',
    });
    await tracker(page).getByRole('button', { name: '保存这条记录' }).click();
    expect(await tracker(page).locator('[data-form-errors]').innerText()).toContain(
      '首次人工回复日期 2026-10-08 早于发送日期 2026-10-09',
    );
    expect(await tracker(page).getByLabel('首次人工回复日期（可选）').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await tracker(page).getAttribute('data-entries')).toBe('0');

    for (const entry of ENTRIES) await addEntry(page, entry);
    expect(await tracker(page).locator('[data-form-errors] li').count()).toBe(0);
    expect(await tracker(page).locator('[data-status]').innerText()).toContain('共 4 条记录');
    expect(await logRows(page)).toEqual(EXPECTED_LOG);
    await expectFigures(page);

    // Reload: the entries are kept in this browser.
    await page.reload();
    await revealIslands(page);
    await page.locator('outcome-tracker[data-entries="4"]').waitFor();
    expect(await logRows(page)).toEqual(EXPECTED_LOG);
    await expectFigures(page);

    // Export.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const json = await download(page, tracker(page).getByRole('button', { name: '导出 JSON' }));
    expect(json.name).toBe(`快手邮件效果记录_${today}.json`);
    const file = JSON.parse(json.bytes.toString('utf8'));
    expect(file).toMatchObject({ format: 'ksmail-outcomes', version: 1 });
    expect(file.entries).toHaveLength(4);
    const csv = await download(page, tracker(page).getByRole('button', { name: '导出 CSV' }));
    expect(csv.name).toBe(`快手邮件效果记录_${today}.csv`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = csv.bytes.toString('utf8');
    expect(csvText).toContain(
      '编号,诉求类型,诉求类型代码,模板,模板代码,模板修订,事项,发送日期,首次人工回复日期,结果,满意度,备注\r\n',
    );
    expect(csvText).toContain(`"'=HYPERLINK(""http://example.com"",""点我"")"`);

    // Delete all, with a confirm step in the page.
    await tracker(page).getByRole('button', { name: '全部删除' }).click();
    const confirm = tracker(page).locator('[data-confirm]');
    expect(await confirm.innerText()).toContain('确定删除全部 4 条记录吗');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
    await page.keyboard.press('Escape');
    expect(await confirm.isHidden()).toBe(true);
    expect(await tracker(page).getAttribute('data-entries')).toBe('4');
    await tracker(page).getByRole('button', { name: '全部删除' }).click();
    await confirm.getByRole('button', { name: '确认全部删除' }).click();
    await page.locator('outcome-tracker[data-entries="0"]').waitFor();
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('ksmail:outcomes')!))).toEqual({
      version: 1,
      entries: [],
    });

    // Import the JSON: the same entries and figures.
    expect(await importFile(page, json.name, json.bytes)).toContain(
      '读到 4 条：导入 4 条（新增 4 条，更新 0 条，已有相同的 0 条），跳过 0 条',
    );
    await page.locator('outcome-tracker[data-entries="4"]').waitFor();
    expect(await logRows(page)).toEqual(EXPECTED_LOG);
    await expectFigures(page);

    // Import the CSV on top: nothing is added twice.
    expect(await importFile(page, csv.name, csv.bytes)).toContain(
      '导入 4 条（新增 0 条，更新 0 条，已有相同的 4 条）',
    );
    expect(await tracker(page).getAttribute('data-entries')).toBe('4');
    expect(await logRows(page)).toEqual(EXPECTED_LOG);

    // A CSV with bad rows: the good ones are imported, the others named with their row.
    const bad = Buffer.from(
      '\uFEFF发送日期,诉求类型,结果,满意度\r\n2026-11-02,直播或功能故障,处理中,\r\n2026-11-02,退款,处理中,\r\n2026-11-03,直播或功能故障,已解决,9\r\n',
    );
    const summary = await importFile(page, 'bad.csv', bad);
    expect(summary).toContain('读到 3 条：导入 1 条（新增 1 条');
    expect(summary).toContain('跳过 2 条');
    expect(await tracker(page).locator('[data-import-problems]').innerText()).toMatch(
      /第 3 行：未知的诉求类型“退款”[\s\S]*第 4 行：满意度应为 1 到 5 的整数，这里是“9”/,
    );
    expect(await tracker(page).getAttribute('data-entries')).toBe('5');

    expect(errors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
    await context.close();
  });

  it('edits and deletes a row (with undo), by keyboard; fits a 360 px screen', async () => {
    const { page, context, errors } = await openPage(browser, PAGE);
    await page.setViewportSize({ width: 360, height: 740 });
    await addEntry(page, { type: '直播或功能故障', sent: '2026-11-02', resolved: '处理中' });
    const html = '<img src=x onerror="window.__xss = 1"><b>粗体</b>';
    await addEntry(page, {
      type: '直播或功能故障',
      sent: '2026-11-03',
      resolved: '处理中',
      matter: html,
      note: html,
    });
    // User text is text, never markup.
    expect(
      await tracker(page).locator('[data-log-body] td[data-col="note"]', { hasText: '<img' }).textContent(),
    ).toBe(html);
    expect(await tracker(page).locator('[data-log-body] img, [data-log-body] b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect((await figures(page, 'requestType', 'tech-fault')).replyRate).toBe('0%');

    const row = tracker(page).locator('[data-log-body] tr', { hasText: '2026-11-02' });
    await row.getByRole('button', { name: '编辑 2026-11-02 直播或功能故障' }).focus();
    await page.keyboard.press('Enter');
    expect(await tracker(page).locator('[data-form-title]').innerText()).toBe('修改这条记录');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('requestType');
    await tracker(page).getByLabel('首次人工回复日期（可选）').fill('2026-11-04');
    await tracker(page).locator('[data-form]').getByLabel('已解决').check();
    await tracker(page).getByRole('button', { name: '保存修改' }).click();
    await tracker(page).locator('[data-log-body] tr td[data-col="days"]', { hasText: '2' }).waitFor();
    expect((await figures(page, 'requestType', 'tech-fault')).replyRate).toBe('50%');
    expect(await tracker(page).getAttribute('data-entries')).toBe('2');
    // Focus goes back to the row's 编辑 button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      '编辑 2026-11-02 直播或功能故障',
    );

    await tracker(page).getByRole('button', { name: '删除 2026-11-03 直播或功能故障' }).click();
    await page.locator('outcome-tracker[data-entries="1"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('撤销删除');
    await page.keyboard.press('Enter');
    await page.locator('outcome-tracker[data-entries="2"]').waitFor();
    expect(await tracker(page).locator('[data-status]').innerText()).toBe(
      '已恢复：2026-11-03 直播或功能故障。',
    );

    // 360 px: nothing makes the page scroll sideways; wide tables scroll inside their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The file input stays in the tab order (its label is the visible button).
    expect(
      await tracker(page)
        .locator('[data-import]')
        .evaluate((input) => (input as HTMLElement).tabIndex),
    ).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a corrupted saved log: the readable entries stay, the page says so and keeps a copy', async () => {
    const { page, context, errors } = await openPage(browser, PAGE);
    const good = {
      id: 'a',
      requestType: 'copyright',
      sent: '2026-11-20',
      firstReply: '2026-11-25',
      resolved: 'yes',
    };
    const raw = JSON.stringify({ version: 1, entries: [good, { id: 5, sent: 'yesterday' }] });
    await page.evaluate((text) => localStorage.setItem('ksmail:outcomes', text), raw);
    await page.reload();
    await revealIslands(page);
    await page.locator('outcome-tracker[data-entries="1"]').waitFor();
    const damage = tracker(page).locator('[data-damage]');
    expect(await damage.isVisible()).toBe(true);
    expect(await damage.innerText()).toContain('已损坏，无法按原样读取：找回 1 条，另有 1 条无法读取');
    expect(await page.evaluate(() => localStorage.getItem('ksmail:outcomes:damaged'))).toBe(raw);
    const copy = await download(page, damage.getByRole('button', { name: '下载无法读取的原始内容' }));
    expect(copy.bytes.toString('utf8')).toBe(raw);
    expect((await figures(page, 'requestType', 'copyright')).median).toBe('3');

    // Not JSON at all: an empty log that still works.
    await page.evaluate(() => localStorage.setItem('ksmail:outcomes', '{{{ not json'));
    await page.reload();
    await revealIslands(page);
    await page.locator('outcome-tracker[data-entries="0"]').waitFor();
    expect(await tracker(page).locator('[data-damage]').innerText()).toContain('内容不是记录列表');
    await addEntry(page, { type: '直播或功能故障', sent: '2026-11-02', resolved: '处理中' });
    await page.reload();
    await revealIslands(page);
    await page.locator('outcome-tracker[data-entries="1"]').waitFor();
    expect(await tracker(page).locator('[data-damage]').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('storage that refuses writes: the page says it cannot save and keeps the entries on screen', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await context.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(new URL(PAGE, siteUrl).href);
    await revealIslands(page);
    const warning = tracker(page).locator('[data-storage-warning]');
    await addEntry(page, ENTRIES[0]!);
    await addEntry(page, ENTRIES[1]!);
    expect(await warning.isVisible()).toBe(true);
    expect(await warning.innerText()).toContain('记录无法保存');
    expect(await logRows(page)).toHaveLength(2);
    expect((await figures(page, 'requestType', 'account-appeal')).median).toBe('2.5');
    expect(errors).toEqual([]);
    await context.close();
  });
});
