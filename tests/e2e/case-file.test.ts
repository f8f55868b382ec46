// The case file (issue 18) as a person uses it: create a case, record a mail and a reply, reload,
// a second tab, Back, a 360 px phone; storage blocked; the planner's and tracker's data as the
// release before it wrote them (tests/fixtures/case-migration/, recorded in Chromium).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, noBrowser, openPage, revealIslands, siteUrl } from '../support/browser';
import { readIcsWithPython } from '../support/python-icalendar';
import {
  addStep,
  CASE_PAGE,
  caseFileReady,
  caseIsland,
  createCase,
  fixClock,
} from '../support/case-file-page';

const PAGE = CASE_PAGE;
const island = caseIsland;
// A controlled clock: Monday 2026-11-30, 10:00 Beijing time.
const NOW = new Date('2026-11-30T10:00:00+08:00');

const ready = caseFileReady;

const nextText = (page: Page) => island(page).locator('[data-next]').innerText();

describe.skipIf(noBrowser)('case file', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('create, a mail and a reply, reload, second tab, Back, at 360 px', async () => {
    const { page, context, errors, foreignRequests } = await openPage(
      browser,
      PAGE,
      undefined,
      async (ctx) => {
        await fixClock(ctx, NOW);
      },
    );
    await page.setViewportSize({ width: 360, height: 740 });
    await ready(page);
    await expect.poll(() => island(page).locator('[data-empty]').isVisible()).toBe(true);

    await createCase(page, '11 月封号申诉', '账号被封禁或限流');
    expect(page.url()).toMatch(/#case=c-/);
    expect(await nextText(page)).toContain('先做第一步');
    await addStep(page, '邮件', {
      '日期（北京时间）': '2026-11-30',
      '时刻（可选）': '09:30',
      邮件主题: '【账号申诉-快手号:ks1】请求复核',
      '收件人（多个用逗号分隔）': 'a@example.com',
    });
    // account-appeal → 复杂权益申诉, 7 working days (原文称): follow-up mail on day 3, 2026-12-03.
    expect(await nextText(page)).toContain('追问邮件');
    expect(await nextText(page)).toContain('2026 年 12 月 3 日');
    const clocks = await island(page).locator('[data-clocks]').innerText();
    expect(clocks).toContain('7 个工作日内答复，2026 年 12 月 9 日期满');
    expect(clocks).toContain('2026 年 12 月 10 日起');
    await addStep(page, '收到回复', { 回复说了什么: '维持原判', 结果: '被拒绝或未解决' });
    expect(await nextText(page)).toContain('升级');
    expect(await nextText(page)).toContain('互联网信息服务投诉平台');
    expect(await island(page).locator('[data-next-rung]').innerText()).toContain('10个工作日');

    // Reload: the case is still open with both steps.
    await page.reload();
    await ready(page);
    expect(await island(page).locator('[data-steps] > li').count()).toBe(2);

    // A second tab sees it; its edit reaches this tab.
    const second = await context.newPage();
    await second.goto(page.url());
    await ready(second);
    expect(await island(second).locator('[data-steps] > li').count()).toBe(2);
    await addStep(second, '电话', { '联系的是（如 人工客服）': '人工客服', '工单号（可选）': 'T-88' });
    await expect.poll(() => island(page).locator('[data-steps] > li').count()).toBe(3);
    await second.close();

    // Back: to the list, which shows the case's next step.
    await page.goBack();
    await island(page).locator('[data-list-view]:not([hidden])').waitFor();
    expect(await island(page).locator('[data-case-list]').innerText()).toContain('11 月封号申诉');
    expect(await island(page).locator('[data-case-list]').innerText()).toContain('下一步：升级');

    // Nothing overflows the phone's width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // Delete asks first.
    await island(page).getByRole('link', { name: '11 月封号申诉' }).click();
    await island(page).getByRole('button', { name: '删除这个案卷…' }).click();
    expect(await island(page).locator('[data-confirm-text]').innerText()).toContain('无法恢复');
    await island(page).getByRole('button', { name: '确定删除' }).click();
    await expect.poll(() => island(page).getAttribute('data-cases')).toBe('0');
    expect(errors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
    await context.close();
  });

  it('storage blocked: the case works in memory, says it cannot save, offers export', async () => {
    const { page, context, errors } = await openPage(browser, PAGE, undefined, async (ctx) => {
      await ctx.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          configurable: true,
          get() {
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          },
        });
      });
    });
    await ready(page);
    await createCase(page, '作品被搬运', '作品被搬运或盗用（我是权利人）');
    await addStep(page, '邮件', { 邮件主题: '【侵权投诉】作品被搬运', '日期（北京时间）': '2026-11-30' });
    const problem = island(page).locator('[data-save-problem]');
    expect(await problem.isVisible()).toBe(true);
    expect(await problem.innerText()).toContain('不允许本站保存');
    const download = page.waitForEvent('download');
    await problem.getByRole('button', { name: '导出全部案卷（JSON）' }).click();
    const file = await download;
    const saved = JSON.parse(readFileSync((await file.path())!, 'utf8')) as {
      cases: { title: string; steps: unknown[] }[];
    };
    expect(saved.cases).toMatchObject([{ title: '作品被搬运', steps: [{ kind: 'mail' }] }]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('migrates what the release’s planner and tracker saved, and keeps the old keys', async () => {
    const fixture = JSON.parse(
      readFileSync('tests/fixtures/case-migration/release-storage.json', 'utf8'),
    ) as {
      localStorage: Record<string, string>;
    };
    const { page, context, errors } = await openPage(
      browser,
      'guide/',
      undefined,
      async (ctx: BrowserContext) => {
        await ctx.addInitScript((values: Record<string, string>) => {
          if (sessionStorage.getItem('test:seeded')) return;
          for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
          sessionStorage.setItem('test:seeded', '1');
        }, fixture.localStorage);
      },
    );
    await page.goto(new URL(PAGE, siteUrl).href);
    await ready(page);
    await expect.poll(() => island(page).getAttribute('data-cases')).toBe('3');
    const list = await island(page).locator('[data-case-list]').innerText();
    expect(list).toContain('11月封号');
    expect(list).toContain('【账号申诉-快手号:ks12345】请求复核11月20日的封禁');
    expect(await island(page).locator('[data-status]').innerText()).toContain('原工具里的数据仍然保留');
    const kept = await page.evaluate(() => [
      localStorage.getItem('ksmail:outcomes'),
      localStorage.getItem('ksmail:subject'),
    ]);
    expect(kept).toEqual([fixture.localStorage['ksmail:outcomes'], fixture.localStorage['ksmail:subject']]);
    // A second load migrates nothing twice; the tracker still reads its log.
    await page.reload();
    await ready(page);
    await expect.poll(() => island(page).getAttribute('data-cases')).toBe('3');
    await page.goto(new URL('guide/evaluation/', siteUrl).href);
    await revealIslands(page);
    await expect.poll(() => page.locator('outcome-tracker').getAttribute('data-entries')).toBe('3');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('by keyboard, from a case page, with hostile text kept as text', async () => {
    const { page, context, errors } = await openPage(browser, 'cases/copyright/');
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    const link = page.locator('[data-case-file-link] a');
    expect(await link.getAttribute('href')).toMatch(/\/tools\/case\/\?case=copyright$/);
    await link.click();
    await ready(page);
    const form = island(page).locator('[data-new-case]');
    // The case page's type is chosen already.
    expect(await form.getByLabel('遇到的事（案例类型）').inputValue()).toBe('copyright');
    await form.getByLabel('案卷名称').focus();
    await page.keyboard.type('<img src=x onerror=alert(1)>');
    await page.keyboard.press('Enter');
    await island(page).locator('[data-case-view]:not([hidden])').waitFor();
    // The open case's title has the focus, and is text.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-case-title'))).toBe(true);
    expect(await island(page).locator('[data-case-title]').innerText()).toBe('<img src=x onerror=alert(1)>');
    expect(await island(page).locator('img').count()).toBe(0);
    // Tab reaches the step form; the kind is chosen with the arrow keys.
    const kind = island(page).getByLabel('做了什么');
    await kind.focus();
    await page.keyboard.press('ArrowDown');
    expect(await kind.inputValue()).toBe('call');
    await island(page).getByLabel('工单号（可选）').focus();
    await page.keyboard.type('T-1');
    await page.keyboard.press('Enter');
    await expect.poll(() => island(page).locator('[data-steps] > li').count()).toBe(1);
    expect(await island(page).locator('[data-status]').innerText()).toContain('已保存这一步');
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a takedown case starts 电子商务法第四十三条’s clock; an escalation starts the platform’s 10 working days', async () => {
    const { page, context, errors } = await openPage(browser, PAGE, undefined, async (ctx) => {
      await fixClock(ctx, NOW);
    });
    await ready(page);
    await createCase(page, '作品被投诉下架', '我的作品被投诉下架（不侵权声明）');
    // Only the clocks that fit the type are offered: not 12315 (consumer disputes).
    const offered = await island(page).getByLabel('这一步开始计时（可选）').locator('option').allInnerTexts();
    expect(offered.join('|')).toContain('反通知转达权利人后的 15 日');
    expect(offered.join('|')).not.toContain('12315');
    await addStep(page, '收到回复', {
      '日期（北京时间）': '2026-11-30',
      回复说了什么: '平台已把不侵权声明转送给权利人',
      结果: '已受理，处理中',
      '这一步开始计时（可选）': '反通知转达权利人后的 15 日',
    });
    const running = island(page).locator('[data-running-clocks]');
    await expect.poll(() => running.innerText()).toContain('2026 年 12 月 15 日到期');
    const text = await running.innerText();
    expect(text).toContain('15 个自然日');
    expect(text).toContain('十五日内');
    expect(text).not.toContain('调休安排未公布');
    // The reply said 处理中 and gave no date: the next step waits for the running clock.
    expect(await nextText(page)).toContain('「反通知转达权利人后的 15 日」2026 年 12 月 15 日到期');
    await addStep(page, '升级', {
      '日期（北京时间）': '2026-12-28',
      '这一步开始计时（可选）': '互联网信息服务投诉平台：企业 10 个工作日内处理',
    });
    await expect.poll(() => running.innerText()).toContain('10 个工作日');
    // 10 working days from 2026-12-28 reach into 2027, whose 调休 is not published yet: 元旦
    // (2027-01-01, a statutory holiday) is not one of them, so they end on 01-12, not 01-11.
    expect(await running.innerText()).toContain('调休安排未公布，日期可能变动');
    expect(await running.innerText()).toContain('2027 年 1 月 12 日到期');
    expect(await running.innerText()).toContain('二手资料');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a mail sent 2027-02-03: the follow-up skips 除夕 and 正月初三 (statutory holidays of a year without data)', async () => {
    const { page, context, errors } = await openPage(browser, PAGE);
    await page.setViewportSize({ width: 360, height: 740 });
    await ready(page);
    await createCase(page, '春节前的申诉', '账号被封禁或限流');
    await addStep(page, '邮件', {
      '日期（北京时间）': '2027-02-03',
      '时刻（可选）': '10:00',
      邮件主题: '【账号申诉-快手号:ks1】请求复核',
      '收件人（多个用逗号分隔）': 'a@example.com',
    });
    // Working days after Wed 02-03: Thu 02-04, (除夕 02-05, weekend, 初三 02-08 are holidays by
    // 《全国年节及纪念日放假办法》), Tue 02-09, Wed 02-10: the follow-up mail is on day 3, 02-10.
    const next = await nextText(page);
    expect(next).toContain('2027 年 2 月 10 日');
    expect(next).not.toContain('2027 年 2 月 8 日');
    const clocks = await island(page).locator('[data-clocks]').innerText();
    expect(`${next}\n${clocks}`).toContain('调休安排未公布，日期可能变动');
    // Reloaded far down the page (the browser restores the scroll position, below the island
    // while it is not upgraded, so it used to wait forever): the open case is there at once.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.reload();
    await page.locator('case-file[data-ready]').waitFor({ state: 'attached', timeout: 20_000 });
    expect(await island(page).locator('[data-case-title]').innerText()).toBe('春节前的申诉');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('加入日历（.ics）: the next steps of each case, with UIDs unique per case and step', async () => {
    const { page, context, errors } = await openPage(browser, PAGE);
    await ready(page);
    const uids: string[][] = [];
    for (const title of ['案卷甲', '案卷乙']) {
      await createCase(page, title, '账号被封禁或限流');
      // Before any mail there is no plan to put in a calendar.
      expect(await island(page).getByRole('button', { name: '加入日历（.ics）' }).isVisible()).toBe(false);
      // The same mail, the same day, in both cases: the case used to be all that told them apart.
      await addStep(page, '邮件', {
        '日期（北京时间）': '2026-11-30',
        '时刻（可选）': '09:30',
        邮件主题: '【账号申诉-快手号:ks1】请求复核',
      });
      const download = page.waitForEvent('download');
      await island(page).getByRole('button', { name: '加入日历（.ics）' }).click();
      const ics = readFileSync((await (await download).path())!, 'utf8');
      const caseId = await island(page).getAttribute('data-open');
      const found = [...ics.matchAll(/^UID:(.+)$/gm)].map((match) => match[1]!.trim());
      expect(found.length).toBeGreaterThan(1);
      expect(new Set(found).size).toBe(found.length);
      for (const uid of found) expect(uid).toContain(caseId!);
      uids.push(found);
      await page.goBack();
      await island(page).locator('[data-list-view]:not([hidden])').waitFor();
    }
    expect(uids[0]!.filter((uid) => uids[1]!.includes(uid))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('加入日历（.ics）: a running legal clock is an event on its due date, with its basis', async () => {
    const { page, context, errors } = await openPage(browser, PAGE, undefined, async (ctx) => {
      await fixClock(ctx, NOW);
    });
    await ready(page);
    await createCase(page, '不侵权声明已转送', '我的作品被投诉下架（不侵权声明）');
    // No mail yet, only a clock: still something to put in a calendar.
    await addStep(page, '收到回复', {
      '日期（北京时间）': '2026-11-30',
      回复说了什么: '平台已把不侵权声明转送给权利人',
      结果: '已受理，处理中',
      '这一步开始计时（可选）': '反通知转达权利人后的 15 日',
    });
    const button = island(page).getByRole('button', { name: '加入日历（.ics）' });
    await expect.poll(() => button.isVisible()).toBe(true);
    const download = page.waitForEvent('download');
    await button.click();
    const ics = readFileSync((await (await download).path())!, 'utf8');
    const caseId = (await island(page).getAttribute('data-open'))!;
    const stepId = await page.evaluate(
      () =>
        (JSON.parse(localStorage.getItem('ksmail:cases')!) as { cases: { steps: { id: string }[] }[] })
          .cases[0]!.steps[0]!.id,
    );
    const [event, ...rest] = readIcsWithPython([ics])[0]!;
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      uid: `case-${caseId}-${stepId}-clock-ecommerce-43-counter-notice@kuaishou-mail-guide`,
      summary: '【期限】反通知转达权利人后的 15 日：今天到期',
      start: '2026-12-15',
    });
    expect(event!.description).toContain(
      '第四十三条：“电子商务平台经营者在转送声明到达知识产权权利人后十五日内',
    );
    expect(event!.description).toContain('15 个自然日（起算当日不计入）');
    expect(event!.description).toContain('是否顺延，本站未核实');
    expect(await island(page).locator('[data-status]').innerText()).toContain('含 1 个正在计时的期限');
    expect(errors).toEqual([]);
    await context.close();
  });
});
