// The follow-up planner on /guide/follow-up/, a view of the case file (issue 18): a mail just sent
// is recorded as a case and planned; the plan shows in the case file, follows a reply recorded
// there in another tab, runs the case file's migration when opened first, and fits a phone.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, noBrowser, openPage, siteUrl, revealIslands } from '../support/browser';
import { parseIcsEvents } from '../support/ics';
import { addStep, caseFileReady, caseIsland, CASE_PAGE } from '../support/case-file-page';
import { planner, PLANNER_PAGE, plannerReady, recordMail, stepDues } from '../support/planner-page';

const UNPUBLISHED = '2027 年的调休安排未公布，日期可能变动';

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
    const { page, context, errors, foreignRequests } = await openPage(browser, PLANNER_PAGE);
    await recordMail(page, '2026-09-30T10:00', 'basic-inquiry');
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

  it('bad sending times get the planner’s Chinese messages and record nothing', async () => {
    const { page, context, errors } = await openPage(browser, PLANNER_PAGE);
    await plannerReady(page);
    const sent = planner(page).locator('[data-sent]');
    const error = planner(page).locator('[data-error]');
    await sent.fill('');
    await planner(page).locator('[data-error]:not([hidden])').waitFor();
    expect(await error.innerText()).toBe('请填写邮件的发送时间。');
    await sent.fill('9999-12-31T10:00');
    await expect
      .poll(() => error.innerText())
      .toMatch(/年份 9999 超出了可以推算的范围：只能推算 2004–2099 年/);
    await planner(page).getByRole('button', { name: '记入案卷并生成计划' }).click();
    expect(await planner(page).locator('[data-output]').isHidden()).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('ksmail:cases'))).toBeNull();
    // A frozen main thread never answers this.
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await sent.fill('2026-09-30T10:00');
    await expect.poll(() => error.isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('past the holiday data (2027): no step lands on a statutory holiday, and the plan says 调休 is not published', async () => {
    const { page, context, errors } = await openPage(browser, PLANNER_PAGE);
    const strip = planner(page).locator('[data-strip]');
    const noStepOnAHoliday = async () => {
      for (const [step, due] of await stepDues(page))
        expect(await strip.locator(`[data-date="${due}"]`).getAttribute('data-kind'), step).not.toBe(
          'holiday',
        );
    };
    // Sent Monday 2026-12-28: 元旦 2027 (Friday 1 January) is a statutory holiday, not day 4.
    await recordMail(page, '2026-12-28T10:00', 'basic-inquiry', '十二月的咨询');
    expect(await stepDues(page)).toEqual([
      ['email', '2026-12-31'],
      ['call', '2027-01-05'],
      ['escalate', '2027-01-07'],
    ]);
    expect(await strip.locator('[data-date="2027-01-01"]').getAttribute('data-kind')).toBe('holiday');
    await noStepOnAHoliday();
    expect(await planner(page).locator('[data-notices]').innerText()).toContain(UNPUBLISHED);
    expect(await strip.locator('[data-unpublished]').count()).toBeGreaterThan(0);
    // Sent Wednesday 2027-02-03: 春节 is 除夕 (5 Feb) to 正月初三 (Monday 8 Feb), all holidays.
    await recordMail(page, '2027-02-03T10:00', 'account-appeal', '二月的申诉');
    expect(await stepDues(page)).toEqual([
      ['email', '2027-02-10'],
      ['call', '2027-02-12'],
      // The 7 working days claimed end on 16 February: escalation comes the working day after.
      ['escalate', '2027-02-17'],
    ]);
    for (const date of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'])
      expect(await strip.locator(`[data-date="${date}"]`).getAttribute('data-kind'), date).toBe('holiday');
    expect(await strip.locator('[data-date="2027-02-08"]').innerText()).toContain('春节');
    await noStepOnAHoliday();
    expect(await planner(page).locator('[data-notices]').innerText()).toContain(UNPUBLISHED);
    // Both are cases now, the newest mail first; choosing the first shows its plan again.
    const options = await planner(page)
      .locator('[data-case] option')
      .evaluateAll((items) => items.map((item) => item.textContent));
    expect(options).toEqual([
      '新的：我刚发出一封邮件',
      '二月的申诉（最后一封邮件 2027-02-03 10:00）',
      '十二月的咨询（最后一封邮件 2026-12-28 10:00）',
    ]);
    await planner(page).locator('[data-case]').selectOption({ index: 2 });
    await planner(page).locator('[data-step="call"][data-due="2027-01-05"]').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the .ics downloads with the case id in its UIDs and parses back with the same dates', async () => {
    const { page, context } = await openPage(browser, PLANNER_PAGE);
    const id = await recordMail(
      page,
      '2026-10-10T09:30',
      'account-appeal',
      '【账号申诉-创作者ID:123】请求复核封禁',
    );
    await planner(page).locator('[data-step="escalate"][data-due="2026-10-21"]').waitFor();
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
    expect(events.every((event) => event.UID!.startsWith(`case-${id}-`))).toBe(true);
    await context.close();
  });

  it('copies a ready follow-up mail; the picker’s choice and the subject checker prefill the new mail', async () => {
    const { page, context, errors } = await openPage(browser, 'tools/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('radio', { name: '账号被封禁或限流' }).check();
    await page.locator('#tools-subject-text').fill('【账号申诉-创作者ID:123】请求复核封禁');
    await page.goto(new URL(PLANNER_PAGE, siteUrl).href);
    await plannerReady(page);
    expect(await planner(page).locator('[data-type]').inputValue()).toBe('account-appeal');
    expect(await planner(page).locator('[data-subject]').inputValue()).toBe(
      '【账号申诉-创作者ID:123】请求复核封禁',
    );
    await planner(page).locator('[data-sent]').fill('2026-11-05T10:00');
    await planner(page).getByRole('button', { name: '记入案卷并生成计划' }).click();
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
    await page.goto(new URL(PLANNER_PAGE, siteUrl).href);
    await plannerReady(page);
    // The default is "now" in Beijing, not in New York.
    const shown = await planner(page).locator('[data-sent]').inputValue();
    const beijingNow = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(shown.slice(0, 10)).toBe(beijingNow);
    await recordMail(page, '2026-11-27T20:00', 'basic-inquiry', '纽约');
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

  it('a plan made here is a case in /tools/case/ with its mail step (在案卷中打开)', async () => {
    const { page, context, errors } = await openPage(browser, PLANNER_PAGE);
    const id = await recordMail(page, '2026-11-20T09:15', 'copyright', '【侵权投诉-作品ID:987】请求下架');
    const open = planner(page).getByRole('link', { name: '在案卷中打开' });
    expect(await open.getAttribute('href')).toBe(`/tools/case/#case=${id}`);
    await open.click();
    await caseFileReady(page);
    await page.locator(`case-file[data-open="${id}"]`).waitFor();
    expect(await caseIsland(page).locator('[data-case-title]').innerText()).toBe(
      '【侵权投诉-作品ID:987】请求下架',
    );
    const steps = await caseIsland(page).locator('[data-steps] > li').allInnerTexts();
    expect(steps).toHaveLength(1);
    expect(steps[0]).toContain('【侵权投诉-作品ID:987】请求下架');
    expect(steps[0]).toContain('2026 年 11 月 20 日 09:15 · 邮件');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a reply recorded in the case file in a second tab changes the plan shown here', async () => {
    const { page, context, errors } = await openPage(browser, PLANNER_PAGE);
    const id = await recordMail(
      page,
      '2026-11-20T09:15',
      'account-appeal',
      '【账号申诉-快手号:ks1】请求复核',
    );
    expect(await planner(page).locator('[data-plan]').isVisible()).toBe(true);
    const second = await context.newPage();
    await second.goto(new URL(`${CASE_PAGE}#case=${id}`, siteUrl).href);
    await caseFileReady(second);
    await addStep(second, '收到回复', { 回复说了什么: '已恢复账号', 结果: '已解决' });
    // This tab follows without a reload.
    await expect.poll(() => planner(page).locator('[data-plan]').isHidden()).toBe(true);
    expect(await planner(page).locator('[data-next]').innerText()).toContain('已解决');
    expect(await planner(page).locator('[data-case]').inputValue()).toBe(id);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opened first, it migrates the old planner’s subject; recording that mail fills the same case', async () => {
    const { page, context, errors } = await openPage(
      browser,
      'guide/',
      undefined,
      async (ctx: BrowserContext) => {
        await ctx.addInitScript(() => {
          if (sessionStorage.getItem('test:seeded')) return;
          localStorage.setItem('ksmail:subject', '【账号申诉-快手号:ks12345】请求复核11月20日的封禁');
          sessionStorage.setItem('test:seeded', '1');
        });
      },
    );
    await page.goto(new URL(PLANNER_PAGE, siteUrl).href);
    await plannerReady(page);
    await expect
      .poll(() => planner(page).locator('[data-status]').innerText())
      .toContain('原工具里的数据仍然保留');
    const cases = () =>
      page.evaluate(
        () =>
          JSON.parse(localStorage.getItem('ksmail:cases') ?? '{"cases":[]}').cases as {
            id: string;
            steps: unknown[];
          }[],
      );
    expect(await cases()).toHaveLength(1);
    expect(await planner(page).locator('[data-subject]').inputValue()).toBe(
      '【账号申诉-快手号:ks12345】请求复核11月20日的封禁',
    );
    const id = await recordMail(page, '2026-11-20T10:00', 'basic-inquiry');
    const saved = await cases();
    expect(saved.map((caseFile) => [caseFile.id, caseFile.steps.length])).toEqual([[id, 1]]);
    // The case file finds it there, and migrates nothing twice.
    await page.goto(new URL(CASE_PAGE, siteUrl).href);
    await caseFileReady(page);
    await expect.poll(() => caseIsland(page).getAttribute('data-cases')).toBe('1');
    expect(await page.evaluate(() => localStorage.getItem('ksmail:subject'))).toBe(
      '【账号申诉-快手号:ks12345】请求复核11月20日的封禁',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a 360 px phone: the form, the plan and its link fit the screen', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(new URL(PLANNER_PAGE, siteUrl).href);
    await revealIslands(page);
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const fits = async (selector: string) => {
      const box = (await planner(page).locator(selector).first().boundingBox())!;
      expect(box.x, selector).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, selector).toBeLessThanOrEqual(360);
    };
    await plannerReady(page);
    for (const selector of ['[data-case]', '[data-sent]', '[data-type]', '[data-subject]', '[data-record]'])
      await fits(selector);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await recordMail(
      page,
      '2026-12-28T10:00',
      'account-appeal',
      '【账号申诉-快手号:ks1】请求复核12月28日的封禁（手机）',
    );
    for (const selector of [
      '[data-case]',
      '[data-next]',
      '[data-open-case]',
      '[data-steps]',
      '[data-ics]',
      '[data-strip]',
    ])
      await fits(selector);
    expect(await overflow()).toBeLessThanOrEqual(0);
    // The strip scrolls inside itself, not the page.
    expect(await planner(page).locator('[data-notices]').innerText()).toContain(UNPUBLISHED);
    expect(errors).toEqual([]);
    await context.close();
  });
});
