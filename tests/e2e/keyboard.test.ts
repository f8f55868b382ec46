import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, noBrowser, openPage, revealIslands } from '../support/browser';
import { badStops, focusStop, tabThrough, tabTo } from '../support/keyboard';
import { showOldLog } from '../support/outcome-log';
import { readFileSync } from 'node:fs';
import { caseFileReady } from '../support/case-file-page';
import { SIGNATURES } from '../../src/lib/attachments/file-signature';
import { SAMPLE_HEADS } from '../../src/lib/attachments/file-signature-samples';

// Every island used with the keyboard alone: Tab / Shift+Tab to move, Enter / Space to press,
// arrow keys in radio groups and selects, typing into fields. No clicks. Along the way every
// control an island puts in the tab order must have an accessible name and a visible focus
// indicator, and what the island finds is announced in its polite live region.

const fileWithHead = (id: keyof typeof SIGNATURES, size: number) => {
  const buffer = Buffer.alloc(size, 7);
  Buffer.from(SAMPLE_HEADS[id]).copy(buffer);
  return buffer;
};

/** The text of an island's live region (role=status, aria-live=polite). */
async function liveText(page: Page, selector: string): Promise<string> {
  const region = page.locator(selector);
  expect(await region.getAttribute('role'), selector).toBe('status');
  expect(await region.getAttribute('aria-live'), selector).toBe('polite');
  return region.evaluate((element) => element.textContent ?? '');
}

/** Waits until the live region says something new, and returns it. */
async function announced(page: Page, selector: string, before: string): Promise<string> {
  await expect.poll(() => liveText(page, selector), { timeout: 5000 }).not.toBe(before);
  const text = await liveText(page, selector);
  expect(text.trim(), selector).not.toBe('');
  return text;
}

/** Tabs through a whole island from its first control; every stop needs a name and visible focus. */
async function expectKeyboardStops(page: Page, island: string, atLeast: number) {
  await tabTo(page, `${island} :is(a[href], button, input, select, textarea, [tabindex="0"])`);
  const stops = await tabThrough(page, island);
  expect(stops.length, `${island} 的键盘停靠点`).toBeGreaterThanOrEqual(atLeast);
  expect(badStops(stops), island).toEqual([]);
  return stops;
}

const focusedMatches = (page: Page, selector: string) =>
  page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector);

/** With a select focused, the arrow keys move its choice (up or down) until `label` is chosen. */
async function arrowToOption(page: Page, label: string) {
  for (let press = 0; press < 40; press += 1) {
    const { at, wanted } = await page.evaluate((text) => {
      const select = document.activeElement as HTMLSelectElement;
      const options = [...select.options];
      return {
        at: select.selectedIndex,
        wanted: options.findIndex((option) => option.text.startsWith(text)),
      };
    }, label);
    if (wanted < 0) break;
    if (at === wanted) return;
    await page.keyboard.press(wanted > at ? 'ArrowDown' : 'ArrowUp');
  }
  throw new Error(`方向键选不到“${label}”`);
}

/** Tab or Shift+Tab, whichever way `selector` lies from the focused element. */
async function tabToward(page: Page, selector: string) {
  const back = await page.evaluate((wanted) => {
    const target = document.querySelector(wanted);
    const from = document.activeElement;
    if (!target || !from || from === document.body) return false;
    return (from.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
  }, selector);
  await tabTo(page, selector, { back });
}

/** Where the focus is now: it must be on a control of the case file, visibly, never on <body>. */
async function expectFocusKept(page: Page, after: string) {
  const stop = await focusStop(page);
  expect(stop.element, `${after}之后焦点落在`).not.toBe('body');
  expect(await page.evaluate(() => document.activeElement?.closest('case-file') != null), after).toBe(true);
  expect(stop.visible, `${after}之后焦点可见（${stop.element}）`).toBe(true);
  return stop.element;
}

describe.skipIf(noBrowser)('every island by keyboard alone', () => {
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

  async function open(path: string) {
    const opened = await openPage(browser, path);
    await opened.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    return opened;
  }

  it('mailbox picker: arrow keys choose a need, Enter copies the address', async () => {
    const { page, context, errors } = await open('tools/');
    await tabTo(page, 'mailbox-picker input[type="radio"]');
    expect((await focusStop(page)).visible).toBe(true);
    const before = await liveText(page, 'mailbox-picker [data-picker-status]');
    await page.keyboard.press('ArrowDown');
    const chosen = await page.evaluate(
      () => document.querySelector<HTMLInputElement>('mailbox-picker :checked')?.value,
    );
    expect(chosen).toBeTruthy();
    expect(await page.locator(`mailbox-picker [data-route-panel="${chosen}"]`).isVisible()).toBe(true);
    const said = await announced(page, 'mailbox-picker [data-picker-status]', before);
    expect(said).toContain('收件人');

    await tabTo(page, `mailbox-picker [data-route-panel="${chosen}"] button[data-copy]`);
    await page.keyboard.press('Enter');
    expect(await announced(page, 'mailbox-picker [data-picker-status]', said)).toContain('已复制');
    await tabTo(page, 'mailbox-picker input[type="radio"]', { back: true });
    await expectKeyboardStops(page, 'mailbox-picker', 4);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('subject checker: type, select a finding, use the suggested subject', async () => {
    const { page, context, errors } = await open('tools/');
    await tabTo(page, '#tools-subject-text');
    const before = await liveText(page, 'subject-checker [data-status]');
    await page.keyboard.type('我的号被封了！！！');
    await page.locator('subject-checker [data-findings] [data-rule="tone.punctuation"]').waitFor();
    expect(await announced(page, 'subject-checker [data-status]', before)).toContain('发现');

    await tabTo(page, 'subject-checker [data-rule="tone.punctuation"] .ks-finding__select');
    await page.keyboard.press('Enter');
    expect(await focusedMatches(page, '#tools-subject-text')).toBe(true);
    expect(
      await page
        .locator('#tools-subject-text')
        .evaluate((input: HTMLInputElement) => input.value.slice(input.selectionStart!, input.selectionEnd!)),
    ).toBe('！！！');

    await tabTo(page, 'subject-checker [data-apply]');
    expect((await focusStop(page)).name).toBe('使用建议主题');
    const said = await liveText(page, 'subject-checker [data-status]');
    await page.keyboard.press('Enter');
    expect(await page.locator('#tools-subject-text').inputValue()).toBe(
      '【账号申诉-快手号:XXX】我的号被封了',
    );
    await announced(page, 'subject-checker [data-status]', said);
    await tabTo(page, '#tools-subject-text', { back: true });
    await expectKeyboardStops(page, 'subject-checker', 4);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draft checker: type a draft, apply a finding’s 改为 fix with Space', async () => {
    const { page, context, errors } = await open('tools/');
    await tabTo(page, '#tools-draft-text');
    const before = await liveText(page, 'draft-checker [data-status]');
    await page.keyboard.type('问题描述：我的视频被下架了，你们太过分了！！！');
    await page.keyboard.press('Enter');
    await page.keyboard.type('订单量下降了 80%。');
    await page.locator('draft-checker [data-findings] [data-rule="figures.emphasis"]').waitFor();
    expect(await announced(page, 'draft-checker [data-status]', before)).toContain('发现');

    await tabTo(page, 'draft-checker [data-rule="figures.emphasis"] [data-fix]');
    expect((await focusStop(page)).name).toContain('改为');
    const said = await liveText(page, 'draft-checker [data-status]');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#tools-draft-text').inputValue()).toContain('**80%**');
    await announced(page, 'draft-checker [data-status]', said);
    await tabTo(page, '#tools-draft-text', { back: true });
    await expectKeyboardStops(page, 'draft-checker', 4);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('attachment checker: the file picker opens from the keyboard; remove a file; build the package', async () => {
    const { page, context, errors } = await open('tools/');
    // Playwright turns file-chooser interception on when the first listener is added, over an
    // asynchronous DevTools call: listening from the start keeps the key press from racing it.
    page.on('filechooser', () => undefined);
    await page.evaluate(() => 0);
    await tabTo(page, '#tools-attachments-files');
    const stop = await focusStop(page);
    expect(stop.visible, '选择文件 shows the focus of the hidden file input').toBe(true);
    expect(stop.name).toContain('选择文件');
    const before = await liveText(page, 'attachment-checker [data-status]');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles([
      { name: 'IMG_4821.png', mimeType: 'image/png', buffer: fileWithHead('jpeg', 3000) },
      { name: '截图.png', mimeType: 'image/png', buffer: fileWithHead('exe', 3000) },
      { name: '20261120_封禁提示截图.png', mimeType: 'image/png', buffer: fileWithHead('png', 3000) },
    ]);
    await page.locator('attachment-checker [data-attachment="截图.png"]').waitFor();
    const said = await announced(page, 'attachment-checker [data-status]', before);

    await tabTo(page, 'attachment-checker [data-attachment="截图.png"] button');
    expect((await focusStop(page)).name).toContain('移除');
    await page.keyboard.press('Enter');
    await page.locator('attachment-checker [data-attachment="截图.png"]').waitFor({ state: 'detached' });
    await announced(page, 'attachment-checker [data-status]', said);

    await tabTo(page, 'attachment-checker [data-build]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/_证据包\.zip$/);
    await tabTo(page, '#tools-attachments-files', { back: true });
    await expectKeyboardStops(page, 'attachment-checker', 6);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('composer: its buttons copy and download from the keyboard; a problem’s button moves focus to the field', async () => {
    const { page, context, errors } = await open('tools/');
    await tabTo(page, '#tools-subject-text');
    await page.keyboard.type('请尽快处理');
    await tabTo(page, 'mail-composer [data-copy-subject]');
    const before = await liveText(page, 'mail-composer [data-status]');
    await page.keyboard.press('Enter');
    const said = await announced(page, 'mail-composer [data-status]', before);
    expect(said).toContain('主题已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('请尽快处理');

    await tabTo(page, 'mail-composer [data-copy-text]');
    await page.keyboard.press('Enter');
    await announced(page, 'mail-composer [data-status]', said);

    await tabTo(page, 'mail-composer [data-download-eml]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.eml$/);

    await tabTo(page, 'mail-composer [data-problems] button[data-go="draft"]', { back: true });
    await page.keyboard.press('Enter');
    expect(await focusedMatches(page, '#tools-draft-text')).toBe(true);
    await tabTo(page, 'mail-composer [data-to]');
    await expectKeyboardStops(page, 'mail-composer', 8);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follow-up planner: arrow keys choose the request type, Enter records the mail, copies a follow-up mail and exports .ics', async () => {
    const { page, context, errors } = await open('guide/follow-up/');
    await page.locator('follow-up-planner[data-ready]').waitFor();
    await tabTo(page, 'follow-up-planner [data-type]');
    const type = await page.locator('follow-up-planner [data-type]').inputValue();
    // 功能使用咨询 (basic-inquiry), the last type, is chosen at first.
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('follow-up-planner [data-type]').inputValue()).not.toBe(type);
    await tabTo(page, 'follow-up-planner [data-record]');
    const before = await liveText(page, 'follow-up-planner [data-status]');
    await page.keyboard.press('Enter');
    const said = await announced(page, 'follow-up-planner [data-status]', before);
    expect(said).toMatch(/^已记入案卷“.+”。.+：第 \d+ 天是/);
    // The form it was in is gone: the focus is on what replaced it, not lost to the page.
    expect(await focusedMatches(page, 'follow-up-planner [data-next]')).toBe(true);

    await tabTo(page, 'follow-up-planner [data-copy-mail]');
    await page.keyboard.press('Enter');
    const copied = await announced(page, 'follow-up-planner [data-status]', said);
    expect(copied).toContain('已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^主题：/);

    await tabTo(page, 'follow-up-planner [data-ics]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    await announced(page, 'follow-up-planner [data-status]', copied);
    await tabTo(page, 'follow-up-planner [data-case]', { back: true });
    // The case select, 在案卷中打开, the strip (it scrolls by keyboard), three copy buttons, .ics.
    const stops = await expectKeyboardStops(page, 'follow-up-planner', 6);
    expect(stops.some((stop) => stop.element.includes('[data-strip]'))).toBe(true);
    expect(stops.some((stop) => stop.name === '在案卷中打开')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('data table helper: type a table, then copy, insert and download with the keyboard', async () => {
    const { page, context, errors } = await open('guide/data/');
    await tabTo(page, '#datatable-input');
    await page.keyboard.type('店铺,销售额（元）');
    for (const line of ['A店,12000', 'B店,8500', 'C店,3000']) {
      await page.keyboard.press('Enter');
      await page.keyboard.type(line);
    }
    await page.locator('data-table-helper [data-chart] svg').waitFor();
    const drawn = await announced(page, 'data-table-helper [data-action-status]', '');
    expect(drawn).toContain('三线表');

    await tabTo(page, 'data-table-helper [data-copy-table]');
    await page.keyboard.press('Enter');
    const copied = await announced(page, 'data-table-helper [data-action-status]', drawn);
    await tabTo(page, 'data-table-helper [data-insert]');
    await page.keyboard.press('Enter');
    const inserted = await announced(page, 'data-table-helper [data-action-status]', copied);
    await tabTo(page, 'data-table-helper [data-download-svg]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.svg$/);
    await announced(page, 'data-table-helper [data-action-status]', inserted);
    await tabTo(page, '#datatable-input', { back: true });
    await expectKeyboardStops(page, 'data-table-helper', 8);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('outcome figures: the link to the case file, export and import by keyboard', async () => {
    const { page, context, errors } = await open('guide/evaluation/');
    await showOldLog(page);
    await tabTo(page, 'outcome-tracker [data-record-link]');
    expect((await focusStop(page)).visible).toBe(true);
    // Each mail's row links to its case, in the tab order.
    await tabTo(page, 'outcome-tracker [data-log-body] a');
    await tabTo(page, 'outcome-tracker [data-export]');
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    await tabTo(page, 'outcome-tracker [data-import]');
    await tabTo(page, 'outcome-tracker [data-record-link]', { back: true });
    await expectKeyboardStops(page, 'outcome-tracker', 6);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('template gallery: 使用此模板 by Enter opens the tools with the template', async () => {
    const { page, context, errors } = await open('templates/');
    await tabTo(page, 'template-gallery [data-use-template="tech-fault"]');
    expect((await focusStop(page)).visible).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/tools/');
    await revealIslands(page);
    expect(await page.locator('#tools-subject-text').inputValue()).toBe(
      '【技术故障-快手号:【快手号】】App闪退，附日志与录屏',
    );
    await page.goBack();
    await tabTo(page, 'template-gallery summary');
    await page.keyboard.press('Enter');
    expect(await page.locator('template-gallery details[open]').count()).toBe(1);
    await expectKeyboardStops(page, 'template-gallery', 10);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('search: Ctrl+K opens the dialog, results are announced, Tab and Enter follow one, Escape closes', async () => {
    const { page, context, errors } = await open('');
    await page.locator('site-search button[data-open-modal]:not([disabled])').waitFor();
    await page.keyboard.press('Control+K');
    expect(await focusedMatches(page, 'dialog[open] input[type="search"]')).toBe(true);
    const before = await liveText(page, 'site-search [data-search-status]');
    await page.keyboard.type('证据包');
    await page.locator('dialog[open] [data-search-result]').first().waitFor({ timeout: 15_000 });
    await expect
      .poll(() => liveText(page, 'site-search [data-search-status]'), { timeout: 15_000 })
      .toMatch(/\d+/);
    expect(await liveText(page, 'site-search [data-search-status]')).not.toBe(before);
    const stops = await tabThrough(page, 'dialog[open]');
    expect(badStops(stops)).toEqual([]);

    // Escape twice: the first empties the search field, the second closes the dialog.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await page.keyboard.press('Control+K');
    await page.keyboard.type('证据包');
    await page.locator('dialog[open] [data-search-result]').first().waitFor({ timeout: 15_000 });
    await tabTo(page, 'dialog[open] a[data-search-result]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/guide/attachments/**');
    await revealIslands(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('case file: create a case, record every kind of step, start a clock, export, import and answer by keyboard', async () => {
    const { page, context, errors } = await open('tools/case/');
    page.on('filechooser', () => undefined);
    await caseFileReady(page);
    const status = 'case-file [data-status]';
    const focusAfter: Record<string, string> = {};

    await tabTo(page, '#case-new-name');
    await page.keyboard.type('键盘案卷');
    await page.keyboard.press('Tab');
    expect(await focusedMatches(page, '#case-new-type')).toBe(true);
    await arrowToOption(page, '我的作品被投诉下架');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('case-file [data-case-view]:not([hidden])').waitFor();
    expect(await focusedMatches(page, '[data-case-title]')).toBe(true);
    let said = await announced(page, status, '');
    expect(said).toContain('已新建案卷');

    // Each kind of step: its fields by Tab and typing, a select by the arrow keys, saved by Enter.
    const steps: { kind: string; fields: [string, string][]; clock?: string }[] = [
      { kind: '站内申诉', fields: [['#case-reference', 'SS-1']] },
      {
        kind: '邮件',
        fields: [
          ['#case-subject', '【不侵权声明】作品被误下架'],
          ['#case-to', 'a@example.com'],
        ],
      },
      { kind: '电话', fields: [['#case-who', '人工客服']] },
      {
        kind: '收到回复',
        fields: [['#case-said', '已转送权利人']],
        clock: '反通知转达权利人后的 15 日',
      },
      { kind: '升级', fields: [['#case-escalation-reference', 'E-1']] },
    ];
    for (const [index, step] of steps.entries()) {
      await tabToward(page, '#case-kind');
      await arrowToOption(page, step.kind);
      for (const [field, value] of step.fields) {
        await tabToward(page, field);
        await page.keyboard.type(value);
      }
      if (step.clock) {
        await tabToward(page, '#case-clock');
        await arrowToOption(page, step.clock);
      }
      // Saved with Space on the button (Enter in a field submits too: the first test's way).
      await tabToward(page, '[data-add-step] button[type="submit"]');
      await page.keyboard.press('Space');
      await expect.poll(() => page.locator('case-file [data-steps] > li').count()).toBe(index + 1);
      said = await announced(page, status, said);
      expect(said).toContain(`已保存这一步：${step.kind}`);
      focusAfter[`记一步（${step.kind}）`] = await expectFocusKept(page, `保存“${step.kind}”`);
    }
    expect(await page.locator('case-file [data-running-clocks]').innerText()).toContain(
      '反通知转达权利人后的 15 日',
    );

    // Export the case (JSON), then one more step: the export is now an older copy of it.
    await tabToward(page, 'case-file [data-export-case]');
    const [exported] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const older = readFileSync((await exported.path())!);
    said = await announced(page, status, said);
    await tabToward(page, 'case-file [data-export-dossier]');
    const [zip] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(zip.suggestedFilename()).toMatch(/\.zip$/);
    said = await announced(page, status, said);

    const importOlder = async () => {
      await tabToward(page, '#case-import');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
      await chooser.setFiles({ name: 'older.json', mimeType: 'application/json', buffer: older });
      await page.locator('case-file [data-import-question]:not([hidden])').waitFor();
      // The question takes the focus, on its first answer.
      expect(await focusedMatches(page, '[data-import-choice="keep-both"]')).toBe(true);
    };
    const addCall = async () => {
      await tabToward(page, '#case-kind');
      await arrowToOption(page, '电话');
      await tabToward(page, '[data-add-step] button[type="submit"]');
      await page.keyboard.press('Enter');
      said = await announced(page, status, said);
    };
    const answer = async (choice: string, label: string) => {
      await tabToward(page, `[data-import-choice="${choice}"]`);
      expect((await focusStop(page)).name).toBe(label);
      await page.keyboard.press('Enter');
      await page.locator('case-file [data-import-question]').waitFor({ state: 'hidden' });
      said = await announced(page, status, said);
      await expect.poll(() => focusStop(page).then((stop) => stop.element)).not.toBe('body');
      focusAfter[`导入的问题：${label}`] = await expectFocusKept(page, `回答“${label}”`);
      return said;
    };

    await addCall();
    await importOlder();
    expect(await answer('cancel', '取消导入')).toContain('已取消导入');
    expect(await focusedMatches(page, '#case-import')).toBe(true);
    expect(await page.locator('case-file [data-steps] > li').count()).toBe(6);

    // 替换 while this very case is open: the hidden question must not leave the focus on <body>.
    await importOlder();
    expect(await answer('replace', '用导入的替换本机的')).toContain('已用导入的案卷替换本机的');
    expect(await page.locator('case-file [data-steps] > li').count()).toBe(5);

    await addCall();
    await importOlder();
    expect(await answer('keep-both', '两份都保留（导入的另存为一个新案卷）')).toContain('两份都已保留');
    await expect.poll(() => page.locator('case-file').getAttribute('data-cases')).toBe('2');

    console.log(
      `案卷的键盘焦点：\n${Object.entries(focusAfter)
        .map(([when, where]) => `  ${when} → ${where}`)
        .join('\n')}`,
    );
    await tabToward(page, 'case-file [data-back-to-list]');
    await expectKeyboardStops(page, 'case-file', 20);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
