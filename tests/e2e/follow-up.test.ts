import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, noBrowser, openPage, siteUrl, revealIslands } from '../support/browser';
import { parseIcsEvents } from '../support/ics';

const planner = (page: Page) => page.locator('follow-up-planner').first();
const stepDues = (page: Page) =>
  planner(page)
    .locator('[data-step]')
    .evaluateAll((items) =>
      items.map((item) => [(item as HTMLElement).dataset.step, (item as HTMLElement).dataset.due]),
    );

async function plan(page: Page, sent: string, type: string) {
  await planner(page).locator('[data-type]').selectOption(type);
  await planner(page).locator('[data-sent]').fill(sent);
}

describe.skipIf(noBrowser)('follow-up planner in Chromium', () => {
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

  it('shows the 3-5-7 steps on a calendar strip with the National Day holiday and the make-up Saturday', async () => {
    const { page, context, errors, foreignRequests } = await openPage(browser, 'guide/follow-up/');
    await plan(page, '2026-09-30T10:00', 'routine');
    await planner(page).locator('[data-step="email"][data-due="2026-10-10"]').waitFor();
    expect(await stepDues(page)).toEqual([
      ['email', '2026-10-10'],
      ['call', '2026-10-13'],
      ['escalate', '2026-10-15'],
    ]);
    const strip = planner(page).locator('[data-strip]');
    expect(await strip.locator('[data-kind="holiday"]').count()).toBe(7);
    expect(await strip.locator('[data-date="2026-10-01"]').innerText()).toContain('国庆节');
    const makeUp = strip.locator('[data-date="2026-10-10"]');
    expect(await makeUp.getAttribute('data-kind')).toBe('makeup');
    expect(await makeUp.getAttribute('data-day-steps')).toBe('email');
    expect(await makeUp.innerText()).toContain('追问邮件');
    expect(await strip.locator('li').first().getAttribute('data-date')).toBe('2026-09-30');
    expect(await planner(page).locator('[data-commitment]').innerText()).toMatch(
      /3 个工作日内答复：2026 年 10 月 10 日期满，2026 年 10 月 12 日（第 4 个工作日）跟进/,
    );

    // Calendar days instead.
    await planner(page)
      .getByLabel(/按自然日计算/)
      .check();
    await planner(page).locator('[data-step="email"][data-due="2026-10-03"]').waitFor();
    expect(errors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
    await context.close();
  });

  it('a year without published holidays gets a notice; a bad date gets a Chinese message', async () => {
    const { page, context, errors } = await openPage(browser, 'guide/follow-up/');
    await plan(page, '2026-12-31T16:00', 'routine');
    await planner(page).locator('[data-step="email"][data-due="2027-01-06"]').waitFor();
    expect(await planner(page).locator('[data-notices]').innerText()).toContain(
      '2027 年的调休安排未公布，日期可能变动',
    );
    expect(await planner(page).locator('[data-strip] [data-unpublished]').count()).toBeGreaterThan(0);
    await planner(page).locator('[data-sent]').fill('');
    await planner(page).locator('[data-error]:not([hidden])').waitFor();
    expect(await planner(page).locator('[data-error]').innerText()).toBe('请填写邮件的发送时间。');
    expect(await planner(page).locator('[data-output]').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('past the holiday data (2027): statutory holidays are never working days, and the plan says 调休 is not published', async () => {
    const { page, context, errors } = await openPage(browser, 'guide/follow-up/');
    // Sent Monday 2026-12-28: 元旦 2027 (Friday 1 January) is a statutory holiday, not day 4.
    await plan(page, '2026-12-28T10:00', 'routine');
    await planner(page).locator('[data-step="call"][data-due="2027-01-05"]').waitFor();
    expect(await stepDues(page)).toEqual([
      ['email', '2026-12-31'],
      ['call', '2027-01-05'],
      ['escalate', '2027-01-07'],
    ]);
    const strip = planner(page).locator('[data-strip]');
    expect(await strip.locator('[data-date="2027-01-01"]').getAttribute('data-kind')).toBe('holiday');
    expect(await planner(page).locator('[data-notices]').innerText()).toContain(
      '2027 年的调休安排未公布，日期可能变动',
    );
    // Sent Wednesday 2027-02-03: 春节 is 除夕 (5 Feb) to 正月初三 (Monday 8 Feb), all holidays.
    await plan(page, '2027-02-03T10:00', 'complex-appeal');
    await planner(page).locator('[data-step="email"][data-due="2027-02-10"]').waitFor();
    expect(await stepDues(page)).toEqual([
      ['email', '2027-02-10'],
      ['call', '2027-02-12'],
      // The 7 working days claimed end on 16 February: escalation comes the working day after.
      ['escalate', '2027-02-17'],
    ]);
    for (const date of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'])
      expect(await strip.locator(`[data-date="${date}"]`).getAttribute('data-kind'), date).toBe('holiday');
    expect(await strip.locator('[data-date="2027-02-08"]').innerText()).toContain('春节');
    expect(await planner(page).locator('[data-notices]').innerText()).toContain(
      '2027 年的调休安排未公布，日期可能变动',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the .ics downloads and parses back with the same dates', async () => {
    const { page, context } = await openPage(browser, 'tools/');
    await plan(page, '2026-10-10T09:30', 'complex-appeal');
    await planner(page).locator('[data-step="escalate"][data-due="2026-10-21"]').waitFor();
    await planner(page).locator('[data-subject]').fill('【账号申诉-创作者ID:123】请求复核封禁');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      planner(page).getByRole('button', { name: '导出到日历（.ics）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('快手邮件跟进提醒_2026-10-10.ics');
    const events = parseIcsEvents(readFileSync((await download.path())!, 'utf8'));
    const dues = (await stepDues(page)).map(([, due]) => due!.replaceAll('-', ''));
    expect(events.slice(0, 3).map((event) => event.DTSTART)).toEqual(dues);
    expect(events[3]!.DTSTART).toBe('20261021');
    expect(events[0]!.DESCRIPTION).toContain('【账号申诉-创作者ID:123】请求复核封禁');
    expect(events.every((event) => event.TRIGGER === 'PT9H')).toBe(true);
    await context.close();
  });

  it('copies a ready follow-up mail; the picker’s choice and the subject checker prefill it', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('radio', { name: '账号被封禁或限流' }).check();
    expect(await planner(page).locator('[data-type]').inputValue()).toBe('complex-appeal');
    await page.locator('#tools-subject-text').fill('【账号申诉-创作者ID:123】请求复核封禁');
    expect(await planner(page).locator('[data-subject]').inputValue()).toBe(
      '【账号申诉-创作者ID:123】请求复核封禁',
    );
    await planner(page).locator('[data-sent]').fill('2026-11-05T10:00');
    await planner(page).locator('[data-step="email"] [data-copy-mail]').click();
    await planner(page).locator('[data-copy-mail="email"]', { hasText: '已复制' }).waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/^主题：【跟进】【账号申诉-创作者ID:123】请求复核封禁\n/);
    expect(text).toContain('我于 2026 年 11 月 5 日 10:00（北京时间）发送了主题为');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads the send time in Beijing time on a device in New York', async () => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await page.goto(new URL('guide/follow-up/', siteUrl).href);
    await revealIslands(page);
    // The default is "now" in Beijing, not in New York.
    const shown = await planner(page).locator('[data-sent]').inputValue();
    const beijingNow = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(shown.slice(0, 10)).toBe(beijingNow);
    await plan(page, '2026-11-27T20:00', 'routine');
    await planner(page).locator('[data-step="email"][data-due="2026-12-02"]').waitFor();
    expect(await stepDues(page)).toEqual([
      ['email', '2026-12-02'],
      ['call', '2026-12-04'],
      ['escalate', '2026-12-08'],
    ]);
    expect(
      await planner(page).locator('[data-strip] [data-date="2026-11-28"]').getAttribute('data-kind'),
    ).toBe('weekend');
    await context.close();
  });
});
