import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, noBrowser, openPage, searchSite, revealIslands } from '../support/browser';
import { axeViolations, describeViolations, isBlocking, type AxeViolation } from '../support/axe';
import { showOldLog } from '../support/outcome-log';
import { addStep, caseFileReady, caseIsland, createCase } from '../support/case-file-page';
import { SIGNATURES } from '../../src/lib/attachments/file-signature';
import { SAMPLE_HEADS } from '../../src/lib/attachments/file-signature-samples';

// axe-core on every page type and every island in its states, in Starlight's light and dark
// themes: no serious or critical violation; moderate and minor ones are printed. The islands'
// empty states are their pages as loaded (the page types below). Pages are checked at a phone's
// width, where tables and the calendar strip scroll sideways, and at a desktop's.

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

const PAGE_TYPES = [
  '',
  'guide/',
  'guide/subject/',
  'guide/recipients/',
  'guide/structure/',
  'guide/data/',
  'guide/attachments/',
  'guide/risks/',
  'guide/follow-up/',
  'guide/rules/',
  'guide/evaluation/',
  'tools/',
  'templates/',
  'changelog/',
  'changelog/2026-11-24-attachments-and-follow-up/',
  'changelog/compare/',
  'changelog/schedule/',
  'about/',
  '404.html',
];

/** Fails on serious and critical violations (listed in the message), prints the others. */
function expectNoBlocking(violations: AxeViolation[]) {
  const minor = violations.filter((violation) => !isBlocking(violation));
  if (minor.length) console.log(`axe（不阻断的问题）：\n${describeViolations(minor)}`);
  const blocking = violations.filter(isBlocking);
  expect(blocking, describeViolations(blocking)).toEqual([]);
}

const fileWithHead = (id: keyof typeof SIGNATURES, size: number) => {
  const buffer = Buffer.alloc(size, 7);
  Buffer.from(SAMPLE_HEADS[id]).copy(buffer);
  return buffer;
};

describe.skipIf(noBrowser)('accessibility (axe-core) in Chromium', () => {
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

  async function open(path: string, viewport = PHONE) {
    const opened = await openPage(browser, path);
    await opened.page.setViewportSize(viewport);
    return opened;
  }

  it('every page type, on a phone and a desktop, has no serious or critical violation', async () => {
    const found: AxeViolation[] = [];
    for (const path of PAGE_TYPES) {
      const { page, context, response } = await open(path);
      expect(response?.status(), path).toBe(200);
      found.push(...(await axeViolations(page, `/${path} 手机`)));
      await page.setViewportSize(DESKTOP);
      found.push(...(await axeViolations(page, `/${path} 桌面`)));
      await context.close();
    }
    expectNoBlocking(found);
  }, 180_000);

  it('the tools page with results: picker, subject, draft with the template banner, attachments, package, composer, planner', async () => {
    const { page, context, errors } = await open('tools/');
    // A draft written from an older template revision: the banner 规则已更新 shows.
    await page.evaluate(() => {
      localStorage.setItem(
        'ksmail:draft',
        '问题描述：我的视频被下架了，你们太过分了！！！\n订单量下降了 80%。',
      );
      localStorage.setItem(
        'ksmail:template',
        JSON.stringify({ id: 'account-appeal', revision: 1, ruleset: '2026.11.0' }),
      );
    });
    await page.reload();
    await revealIslands(page);
    const found: AxeViolation[] = [];

    await page.getByRole('radio', { name: '作品被搬运或盗用（我是权利人）' }).check();
    await page.locator('mailbox-picker [data-route-panel]:not([hidden])').waitFor();
    found.push(...(await axeViolations(page, '诉求选择（已选）', 'mailbox-picker')));

    await page.locator('#tools-subject-text').fill('我的号被封了！！！');
    await page.locator('subject-checker [data-findings] li').first().waitFor();
    found.push(...(await axeViolations(page, '主题检查（有问题）', 'subject-checker')));

    await page.locator('[data-template-banner]:not([hidden])').waitFor();
    await page.locator('draft-checker [data-findings] li').first().waitFor();
    found.push(...(await axeViolations(page, '正文检查（有问题、模板横幅）', 'draft-checker')));

    await page.locator('#tools-attachments-files').setInputFiles([
      { name: 'IMG_4821.png', mimeType: 'image/png', buffer: fileWithHead('jpeg', 3000) },
      { name: '截图.png', mimeType: 'image/png', buffer: fileWithHead('exe', 3000) },
      { name: '20261120_封禁提示截图.png', mimeType: 'image/png', buffer: fileWithHead('png', 3000) },
    ]);
    await page
      .locator('attachment-checker [data-attachment="截图.png"] .ks-finding--error')
      .first()
      .waitFor();
    found.push(...(await axeViolations(page, '附件检查（含错误）', 'attachment-checker')));
    await page.locator('attachment-checker [data-build]').click();
    await page.locator('attachment-checker [data-download]:not([hidden])').waitFor();
    found.push(...(await axeViolations(page, '附件检查（证据包已生成）', 'attachment-checker')));

    await page.locator('mail-composer [data-problems] li').first().waitFor();
    found.push(...(await axeViolations(page, '邮件合成（有问题）', 'mail-composer')));
    // Too long for a mailto: link: the note explains instead.
    await page.locator('#tools-draft-text').fill('补充说明：'.repeat(600));
    await page
      .locator('mail-composer [data-mailto-note][data-verdict="too-long"]')
      .waitFor({ timeout: 10_000 });
    found.push(...(await axeViolations(page, '邮件合成（mailto 过长）', 'mail-composer')));
    // 已发送，记入案卷: the choice of case, then what it did (with the link to the case).
    await page.getByRole('button', { name: '已发送，记入案卷' }).click();
    await page.getByLabel('记入哪个案卷').waitFor();
    found.push(...(await axeViolations(page, '邮件合成（选择案卷）', 'mail-composer')));
    await page.getByRole('button', { name: '记入这个案卷' }).click();
    await page.locator('mail-composer [data-record-status] a').waitFor({ timeout: 10_000 });
    found.push(...(await axeViolations(page, '邮件合成（已记入案卷）', 'mail-composer')));

    expectNoBlocking(found);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('the follow-up planner: a new mail without a date, a plan, a case answered', async () => {
    const { page, context, errors } = await open('guide/follow-up/');
    const planner = page.locator('follow-up-planner');
    const found: AxeViolation[] = [];
    await page.locator('follow-up-planner[data-ready]').waitFor();
    await planner.locator('[data-sent]').fill('');
    await planner.locator('[data-error]:not([hidden])').waitFor();
    found.push(...(await axeViolations(page, '跟进计划（无日期）', 'follow-up-planner')));
    await planner.locator('[data-sent]').fill('2026-09-30T10:00');
    await planner.getByRole('button', { name: '记入案卷并生成计划' }).click();
    await planner.locator('[data-step="email"][data-due="2026-10-10"]').waitFor();
    found.push(...(await axeViolations(page, '跟进计划（有计划）', 'follow-up-planner')));
    expectNoBlocking(found);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the data table helper with a table and chart, and with an error message', async () => {
    const { page, context, errors } = await open('guide/data/');
    const helper = page.locator('data-table-helper');
    const found: AxeViolation[] = [];
    await page
      .locator('#datatable-input')
      .fill('日期\t日订单量（单）\n11月16日\t131\n11月17日\t126\n11月18日\t0');
    await helper.locator('[data-chart] svg').waitFor();
    found.push(...(await axeViolations(page, '数据表格（表格和图表）', 'data-table-helper')));
    await page.locator('#datatable-input').fill('日期\t订单量（单）\n11月16日\t131\n11月17日\t暂无');
    await helper.locator('[data-problem="not-a-number"]').waitFor();
    found.push(...(await axeViolations(page, '数据表格（错误提示）', 'data-table-helper')));
    await page.locator('#datatable-input').fill('只有一行');
    await page.waitForTimeout(400);
    found.push(...(await axeViolations(page, '数据表格（无法成表）', 'data-table-helper')));
    expectNoBlocking(found);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the outcome figures with mails and figures', async () => {
    const { page, context, errors } = await open('guide/evaluation/');
    const tracker = page.locator('outcome-tracker');
    await showOldLog(page);
    await tracker.locator('[data-group="requestType"] tr[data-key="account-appeal"]').waitFor();
    const found = await axeViolations(page, '效果评估（有邮件和指标）', 'outcome-tracker');
    await page.setViewportSize(DESKTOP);
    found.push(...(await axeViolations(page, '效果评估（有邮件和指标，桌面）', 'outcome-tracker')));
    expectNoBlocking(found);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the search dialog open with results, and the template gallery with a history open', async () => {
    const { page, context, errors } = await open('templates/', DESKTOP);
    expect((await searchSite(page, '证据包')).length).toBeGreaterThan(0);
    const found = await axeViolations(page, '搜索（有结果）', 'site-search');
    // The first Escape clears the search field, the second closes the dialog (Chromium's own behaviour).
    await page.keyboard.press('Escape');
    if (await page.locator('dialog[open]').count()) await page.keyboard.press('Escape');
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    await page.locator('[data-template="account-appeal"] summary').click();
    await page.locator('[data-template="account-appeal"] [data-revision="2"] ins').first().waitFor();
    found.push(...(await axeViolations(page, '模板库（修订历史展开）', 'template-gallery')));
    expectNoBlocking(found);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the case file: an open case with steps and a running clock, the import question, a bad date, a newer-format file', async () => {
    const found: AxeViolation[] = [];
    for (const [viewport, size] of [
      ['手机', PHONE],
      ['桌面', DESKTOP],
    ] as const) {
      const { page, context, errors } = await open('tools/case/', size);
      await caseFileReady(page);
      const island = caseIsland(page);
      // The whole page: the island's headings follow the page's own (h1, then h2 …).
      found.push(...(await axeViolations(page, `案卷（空，${viewport}）`)));
      await createCase(page, '作品被投诉下架', '我的作品被投诉下架（不侵权声明）');
      await addStep(page, '邮件', {
        '日期（北京时间）': '2026-11-30',
        邮件主题: '【不侵权声明】作品被误下架',
        '收件人（多个用逗号分隔）': 'a@example.com',
      });
      await addStep(page, '收到回复', {
        '日期（北京时间）': '2026-11-30',
        回复说了什么: '平台已把不侵权声明转送给权利人',
        '这一步开始计时（可选）': '反通知转达权利人后的 15 日',
      });
      await island.locator('[data-running-clocks] [data-running-clock]').waitFor();
      found.push(...(await axeViolations(page, `案卷（有步骤和计时，${viewport}）`, 'case-file')));

      // A date the schema refuses: the step form says why.
      const form = island.locator('[data-add-step]');
      await form.getByLabel('日期（北京时间）').fill('2100-01-01');
      await form.getByRole('button', { name: '保存这一步' }).click();
      await island.locator('[data-step-error]:not([hidden])').waitFor();
      expect(await island.locator('[data-step-error]').innerText()).toContain('2099');
      found.push(...(await axeViolations(page, `案卷（日期错误，${viewport}）`, 'case-file')));

      // The case exported, one more step, then the export back: the import question.
      const [exported] = await Promise.all([
        page.waitForEvent('download'),
        island.getByRole('button', { name: '导出这个案卷（JSON）' }).click(),
      ]);
      const older = readFileSync((await exported.path())!);
      await form.getByLabel('日期（北京时间）').fill('2026-11-30');
      await addStep(page, '电话', { '联系的是（如 人工客服）': '人工客服' });
      const importField = island.getByLabel('导入案卷（ZIP 或 JSON）');
      await importField.setInputFiles({ name: 'older.json', mimeType: 'application/json', buffer: older });
      await island.locator('[data-import-question]:not([hidden])').waitFor();
      found.push(...(await axeViolations(page, `案卷（导入询问，${viewport}）`, 'case-file')));
      await island.getByRole('button', { name: '取消导入' }).click();

      // A file from a newer format: refused with a message, nothing changed.
      const newer = { ...(JSON.parse(older.toString('utf8')) as object), version: 99 };
      await importField.setInputFiles({
        name: 'newer.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(newer)),
      });
      await island.locator('[data-message]:not([hidden])').waitFor();
      expect(await island.locator('[data-message]').innerText()).toContain('更新的版本');
      found.push(...(await axeViolations(page, `案卷（新格式的文件，${viewport}）`, 'case-file')));

      // Every message reaches a screen reader: errors as alerts, the rest in the polite region.
      const roles = await island.evaluate((root) =>
        [
          '[data-status]',
          '[data-message]',
          '[data-step-error]',
          '[data-import-question]',
          '[data-save-problem]',
        ].map((selector) => {
          const element = root.querySelector(selector)!;
          return `${selector} ${element.getAttribute('role')} ${element.getAttribute('aria-live') ?? ''}`.trim();
        }),
      );
      expect(roles).toEqual([
        '[data-status] status polite',
        '[data-message] alert',
        '[data-step-error] alert',
        '[data-import-question] alert',
        '[data-save-problem] status',
      ]);
      expect(errors).toEqual([]);
      await context.close();
    }
    // Lighthouse's accessibility score counts this moderate rule: /tools/case/ lost 2 points to it.
    expect(describeViolations(found.filter((violation) => violation.id === 'heading-order'))).toBe('');
    expectNoBlocking(found);
  }, 180_000);
});
