import { readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT } from '../../scripts/support/build-site';
import { launch, noBrowser, openPage, siteUrl, revealIslands } from '../support/browser';
import { SAMPLE_HEADS } from '../../src/lib/attachments/file-signature-samples';
import { MAX_INPUT_CHARS } from '../../src/lib/data-table/data-table';
import { readFileSync } from 'node:fs';
import { addStep, caseFileReady, caseIsland, createCase } from '../support/case-file-page';

/**
 * Local storage that is blocked, full, or holds corrupted data: every tool still works, says
 * that it cannot save, keeps what is on screen, and no page ever throws.
 */
type Scenario = 'blocked' | 'full' | 'corrupted-json' | 'corrupted-types';

/** Invalid JSON and huge strings in every key the site uses. */
const CORRUPTED_JSON: Record<string, string> = {
  'ksmail:request-type': '{"id": "copyright"',
  'ksmail:subject': `【${'很长的主题'.repeat(20_000)}`,
  // A lone surrogate, as a bad paste leaves, at the start of 200,000 characters.
  'ksmail:draft': `\uD800问题描述：${'乱码'.repeat(100_000)}`,
  'ksmail:template': '{"id": "account-appeal", "revision": ',
  'ksmail:to': '\u0000'.repeat(1000),
  'ksmail:cc': 'x'.repeat(100_000),
  // Longer than the data table helper ever saves.
  'ksmail:data-table': '日期\t数\n'.repeat(Math.ceil(MAX_INPUT_CHARS / 4)),
  'ksmail:previous-draft': '{"draft": "问题描述',
  'ksmail:outcomes': '{{{ not json',
  'ksmail:outcomes:damaged': 'z'.repeat(200_000),
  // The case file's shelf, which the planner shows and adds to.
  'ksmail:cases': '{"format": "ksmail-cases", "cases": [',
  'starlight-theme': 'x'.repeat(10_000),
};

/** Values of the wrong type, and ids that every object inherits ("toString", "constructor"). */
const CORRUPTED_TYPES: Record<string, string> = {
  'ksmail:request-type': 'toString',
  'ksmail:subject': '{"subject": 1}',
  'ksmail:draft': '["问题描述"]',
  'ksmail:template': '{"id": "constructor", "revision": 0, "ruleset": "2026.11.0"}',
  // Empty, so that the composer fills the recipients from the (corrupted) request type.
  'ksmail:to': '',
  'ksmail:cc': 'null',
  'ksmail:data-table': '{"rows": []}',
  'ksmail:outcomes': JSON.stringify({
    version: 1,
    entries: [
      { id: '__proto__', requestType: 'toString', sent: '2026-11-02', resolved: 'yes' },
      { id: 'ok', requestType: 'copyright', sent: '2026-11-20', resolved: 'yes' },
      { id: 5 },
    ],
  }),
  'ksmail:outcomes:damaged': 'null',
  'ksmail:previous-draft': '{"draft": ["问题描述"], "subject": 1, "reason": null}',
  'starlight-theme': 'constructor',
  // A shelf whose cases are not cases: named as unreadable, never shown, never dropped.
  'ksmail:cases': JSON.stringify({
    format: 'ksmail-cases',
    version: 1,
    cases: [{ id: '__proto__', title: 5 }, 'toString', null],
    deleted: [],
    migrated: [],
  }),
};

async function prepare(context: BrowserContext, scenario: Scenario) {
  if (scenario === 'blocked') {
    // As with cookies blocked: merely reading window.localStorage throws.
    await context.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {
          configurable: true,
          get() {
            throw new DOMException(
              `Failed to read the '${name}' property from 'Window': Access is denied for this document.`,
              'SecurityError',
            );
          },
        });
      }
    });
  } else if (scenario === 'full') {
    await context.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException(
          "Failed to execute 'setItem' on 'Storage': the quota has been exceeded.",
          'QuotaExceededError',
        );
      };
    });
  } else {
    // Written once per tab, before the first page's scripts; later pages see what the tools saved.
    await context.addInitScript(
      (values: Record<string, string>) => {
        if (location.origin === 'null' || sessionStorage.getItem('test:corrupted')) return;
        for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
        sessionStorage.setItem('test:corrupted', '1');
      },
      scenario === 'corrupted-json' ? CORRUPTED_JSON : CORRUPTED_TYPES,
    );
  }
}

const failing = (scenario: Scenario) => scenario === 'blocked' || scenario === 'full';
const WARNING = { blocked: '浏览器禁止了本地存储', full: '存储空间已满' } as const;

/** The island's storage warning: shown (with the scenario's wording) when saving fails, hidden otherwise. */
async function expectWarning(page: Page, selector: string, scenario: Scenario) {
  const warning = page.locator(`${selector} [data-storage-warning]`);
  if (failing(scenario)) {
    await expect.poll(() => warning.isVisible(), { message: selector }).toBe(true);
    expect(await warning.innerText(), selector).toContain(WARNING[scenario as 'blocked' | 'full']);
  } else {
    expect(await warning.isHidden(), selector).toBe(true);
  }
  expect(
    await page.locator('[data-storage-warning]:visible').count(),
    'one notice a page',
  ).toBeLessThanOrEqual(1);
}

/**
 * A page of several tools shows one storage notice (it showed one per tool), naming everything
 * that is not kept; none when storage works.
 */
async function expectOnePageNotice(page: Page, scenario: Scenario, things: string[]) {
  const visible = page.locator('[data-storage-warning]:visible');
  if (!failing(scenario)) return expect(await visible.count()).toBe(0);
  await expect.poll(() => visible.count()).toBe(1);
  const text = await visible.innerText();
  expect(text).toContain(WARNING[scenario as 'blocked' | 'full']);
  for (const thing of things) expect(text, thing).toContain(thing);
}

/** Past the draft checker's 300 ms save delay: the save has been tried. */
const afterSave = (page: Page) => page.waitForTimeout(500);

const png = () => {
  const buffer = Buffer.alloc(4000, 0x61);
  Buffer.from(SAMPLE_HEADS.png).copy(buffer);
  return buffer;
};

const DIST = resolve(ROOT, 'dist');
const PAGES = readdirSync(DIST, { withFileTypes: true, recursive: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
  .map((entry) => relative(DIST, resolve(entry.parentPath, entry.name)).replace(/(^|\/)index\.html$/, '$1'))
  .sort();

describe.skipIf(noBrowser)('storage blocked, full or corrupted, in Chromium', () => {
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

  const open = (scenario: Scenario, path: string) =>
    openPage(browser, path, siteUrl, async (context) => {
      await prepare(context, scenario);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(siteUrl).origin,
      });
    });

  describe.each(['blocked', 'full', 'corrupted-json', 'corrupted-types'] as const)('%s', (scenario) => {
    it('every page loads without an error, and the theme select still works', async () => {
      const { page, context, errors } = await open(scenario, '');
      for (const path of PAGES) {
        // Islands and the theme script run before load; errors they throw are caught by then. All
        // pages in one test: under load it needs more than the default minute.
        await page.goto(new URL(path, siteUrl).href, { waitUntil: 'load' });
        await revealIslands(page);
        expect(await page.evaluate(() => document.documentElement.dataset.theme), path).toMatch(
          /^(dark|light)$/,
        );
        // One storage notice a page, however many tools it has.
        expect(await page.locator('[data-storage-warning]:visible').count(), path).toBeLessThanOrEqual(1);
      }
      await page.locator('starlight-theme-select select').first().selectOption('light');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
      expect(errors).toEqual([]);
      await context.close();
    }, 180_000);

    it('tools page: every tool checks, says it cannot save, and keeps what was typed', async () => {
      const { page, context, errors } = await open(scenario, 'tools/');
      await page.locator('draft-checker[data-checked]').waitFor();

      await page.getByRole('radio', { name: '作品被搬运或盗用（我是权利人）' }).check();
      await page.locator('mailbox-picker [data-route-panel="copyright"]').waitFor();

      const subject = page.locator('#tools-subject-text');
      await subject.fill('我的视频被搬运了');
      await subject.pressSequentially('！！！');
      await page.locator('subject-checker [data-findings] [data-rule="tone.punctuation"]').waitFor();

      const draft = page.locator('#tools-draft-text');
      const text = '问题描述：视频被搬运，你们太过分了！！！\n诉求清单：请下架。';
      await draft.fill(text);
      await page.locator('draft-checker [data-findings] [data-rule="tone.emotional"]').waitFor();
      await afterSave(page);
      expect(await draft.inputValue()).toBe(text);
      expect(await subject.inputValue()).toBe('我的视频被搬运了！！！');

      await page
        .locator('#tools-attachments-files')
        .setInputFiles({ name: 'IMG_1.png', mimeType: 'image/png', buffer: png() });
      await page
        .locator('attachment-checker [data-attachment="IMG_1.png"] [data-rule="attachment.name"]')
        .waitFor();

      // The composer sees the other tools' values (kept in memory when storage fails).
      const composer = page.locator('mail-composer');
      await expect
        .poll(() => composer.locator('[data-subject]').innerText())
        .toContain('我的视频被搬运了！！！');
      expect(await composer.locator('[data-to]').inputValue()).toBe('copyright@kuaishou.com');
      await composer.locator('[data-to]').fill('copyright@kuaishou.com, me@example.com');
      await expect.poll(() => composer.locator('[data-attachments] li').count()).toBe(1);
      expect(await composer.locator('[data-to]').inputValue()).toBe('copyright@kuaishou.com, me@example.com');

      await expectOnePageNotice(page, scenario, ['你选择的诉求', '主题', '草稿', '收件人']);

      // Nothing on screen was lost to a failed save.
      expect(await draft.inputValue()).toBe(text);
      expect(await page.locator('mailbox-picker input[value="copyright"]').isChecked()).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('template gallery: 使用此模板 fills the checkers, or says why it cannot and stays', async () => {
      const { page, context, errors } = await open(scenario, 'templates/');
      await page.locator('[data-use-template="tech-fault"]').click();
      if (failing(scenario)) {
        const warning = page.locator('[data-template="tech-fault"] [data-storage-warning]');
        await warning.waitFor();
        expect(await warning.innerText()).toContain('无法带到检查工具页');
        expect(await warning.innerText()).toContain(WARNING[scenario as 'blocked' | 'full']);
        expect(await warning.getByRole('link', { name: '打开检查工具' }).getAttribute('href')).toBe(
          '/tools/',
        );
        expect(new URL(page.url()).pathname).toBe('/templates/');
      } else {
        await page.waitForURL('**/tools/');
        await revealIslands(page);
        // The template arrives with its blanks, which the checker marks as unfilled.
        await page.locator('draft-checker [data-rule="placeholder.unfilled"]').first().waitFor();
        expect(await page.locator('#tools-subject-text').inputValue()).toBe(
          '【技术故障-快手号:【快手号】】App闪退，附日志与录屏',
        );
        expect(await page.locator('[data-template-banner]').isHidden()).toBe(true);
      }
      expect(errors).toEqual([]);
      await context.close();
    });

    it('follow-up planner: a mail is recorded and planned, and it says whether the case is kept', async () => {
      const { page, context, errors } = await open(scenario, 'guide/follow-up/');
      const planner = page.locator('follow-up-planner');
      await page.locator('follow-up-planner[data-ready]').waitFor();
      await planner.locator('[data-type]').selectOption('copyright');
      await planner.locator('[data-sent]').fill('2026-11-20T10:00');
      await planner.locator('[data-subject]').fill('存储测试');
      await planner.getByRole('button', { name: '记入案卷并生成计划' }).click();
      await planner.locator('[data-step="email"]').waitFor();
      expect(await planner.locator('[data-case] option:checked').innerText()).toContain('存储测试');
      await expectWarning(page, 'follow-up-planner', scenario);
      if (failing(scenario))
        expect(await planner.locator('[data-storage-warning]').innerText()).toContain('记入案卷的邮件');
      // A shelf it cannot read is not overwritten: the case lives in this page only, and it says so.
      if (scenario === 'corrupted-json') {
        expect(await planner.locator('[data-error]').innerText()).toContain('不会覆盖它');
        expect(await page.evaluate(() => localStorage.getItem('ksmail:cases'))).toBe(
          '{"format": "ksmail-cases", "cases": [',
        );
      }
      expect(errors).toEqual([]);
      await context.close();
    });

    it('data table helper: the pasted data is drawn and stays', async () => {
      const { page, context, errors } = await open(scenario, 'guide/data/');
      const helper = page.locator('data-table-helper');
      await page.locator('data-table-helper[data-rendered]').waitFor();
      // A saved value longer than the helper ever saves is not put into the textarea.
      if (scenario === 'corrupted-json') expect(await page.locator('#datatable-input').inputValue()).toBe('');
      const data = '店铺\t销售额（元）\nA店\t12000\nB店\t8500';
      await page.locator('#datatable-input').fill(data);
      await helper.locator('[data-chart] svg[data-chart="bar"]').waitFor();
      await expectWarning(page, 'data-table-helper', scenario);
      expect(await page.locator('#datatable-input').inputValue()).toBe(data);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('case file: a case is made and used in memory, it says whether it is kept, and offers export', async () => {
      const { page, context, errors } = await open(scenario, 'tools/case/');
      await caseFileReady(page);
      const island = caseIsland(page);
      const storedBefore = await page.evaluate(() => {
        try {
          return localStorage.getItem('ksmail:cases');
        } catch {
          return 'blocked';
        }
      });
      await createCase(page, '存储测试', '账号被封禁或限流');
      await addStep(page, '邮件', { 邮件主题: '【账号申诉】请求复核', '日期（北京时间）': '2026-11-30' });
      await addStep(page, '收到回复', { 回复说了什么: '处理中' });
      expect(await island.locator('[data-steps] > li').count()).toBe(2);
      const problem = island.locator('[data-save-problem]');
      const notKept = {
        blocked: '不允许本站保存',
        full: '浏览器存储已满',
        'corrupted-json': '无法读取，也不会覆盖',
      };
      if (scenario in notKept) {
        await expect.poll(() => problem.isVisible()).toBe(true);
        expect(await problem.innerText()).toContain(notKept[scenario as keyof typeof notKept]);
        const [file] = await Promise.all([
          page.waitForEvent('download'),
          problem.getByRole('button', { name: '导出全部案卷（JSON）' }).click(),
        ]);
        const saved = JSON.parse(readFileSync((await file.path())!, 'utf8')) as {
          cases: { title: string; steps: { kind: string }[] }[];
        };
        expect(
          saved.cases.find((caseFile) => caseFile.title === '存储测试')?.steps.map((step) => step.kind),
        ).toEqual(['mail', 'reply']);
      } else {
        expect(await problem.isHidden()).toBe(true);
      }
      // What storage held and this version cannot read is not overwritten.
      if (scenario === 'corrupted-json')
        expect(await page.evaluate(() => localStorage.getItem('ksmail:cases'))).toBe(storedBefore);
      if (scenario === 'corrupted-types') {
        await page.goBack();
        await island.locator('[data-list-view]:not([hidden])').waitFor();
        expect(await island.locator('[data-message]').innerText()).toContain('个已保存的案卷无法读取');
        const kept = JSON.parse((await page.evaluate(() => localStorage.getItem('ksmail:cases')))!) as {
          cases: unknown[];
        };
        expect(kept.cases).toEqual(expect.arrayContaining([{ id: '__proto__', title: 5 }, 'toString', null]));
      }
      expect(errors).toEqual([]);
      await context.close();
    });

    it('outcome figures: the old log’s readable entries are counted, an old file imported, and it says whether the cases are kept', async () => {
      const { page, context, errors } = await open(scenario, 'guide/evaluation/');
      const tracker = page.locator('outcome-tracker');
      await page.locator('outcome-tracker[data-entries]').waitFor();
      const before = Number(await tracker.getAttribute('data-entries'));
      if (scenario === 'corrupted-types') {
        // The entry without fields is not counted; the retired request type becomes a case of
        // 一般咨询 (its case says so), the inherited id "__proto__" is just an id.
        expect(before).toBe(2);
        expect(await tracker.locator('[data-log-body]').innerText()).toContain('2026-11-02');
      }
      if (scenario === 'corrupted-json') expect(before).toBe(0);
      const file = JSON.stringify({
        format: 'ksmail-outcomes',
        version: 1,
        entries: [{ id: 'st-1', requestType: 'tech-fault', sent: '2026-11-02', resolved: 'pending' }],
      });
      await tracker
        .locator('[data-import]')
        .setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(file) });
      await page.locator(`outcome-tracker[data-entries="${before + 1}"]`).waitFor();
      expect(await tracker.locator('[data-log-body]').innerText()).toContain('直播或功能故障');
      await expectWarning(page, 'outcome-tracker', scenario);
      expect(errors).toEqual([]);
      await context.close();
    });
  });
});
