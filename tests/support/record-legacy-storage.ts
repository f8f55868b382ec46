/**
 * Writes tests/fixtures/case-migration/release-storage.json: the localStorage the follow-up
 * planner and the outcome tracker of the release before the case file leave behind, recorded by
 * using those islands in Chromium against that release's dist/ (not typed by hand, so the
 * migration is tested against what the release really writes). Run once, on that build:
 *
 *     npm run build && node --import tsx tests/support/record-legacy-storage.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../../scripts/support/static-server';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/support/chromium';

const root = resolve(import.meta.dirname, '../..');
const server = await serveStatic(resolve(root, 'dist'));
const base = server.url;
const browser = await chromium.launch({
  executablePath: findChromium()!,
  headless: true,
  args: CHROMIUM_ARGS,
});
const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
const page = await context.newPage();

// The mailbox picker's request type and the planner's subject, as a reader leaves them on /tools/.
await page.goto(new URL('tools/', base).href);
const planner = page.locator('follow-up-planner');
await planner.scrollIntoViewIfNeeded();
await planner.locator('[data-subject]').fill('【账号申诉-快手号:ks12345】请求复核11月20日的封禁');
await page.waitForFunction(() => localStorage.getItem('ksmail:subject')?.includes('ks12345'));

// Three mails in the outcome tracker: two of one matter, one on its own.
await page.goto(new URL('guide/evaluation/', base).href);
const tracker = page.locator('outcome-tracker');
await tracker.scrollIntoViewIfNeeded();
await page.waitForFunction(() => document.querySelector('outcome-tracker')?.hasAttribute('data-entries'));
const add = async (entry: {
  type: string;
  sent: string;
  reply?: string;
  resolved: string;
  matter?: string;
  note?: string;
  satisfaction?: string;
}) => {
  const form = tracker.locator('[data-form]');
  const before = Number(await tracker.getAttribute('data-entries'));
  await form.getByLabel('诉求类型', { exact: true }).selectOption({ label: entry.type });
  await form.getByLabel('发送日期').fill(entry.sent);
  await form.getByLabel('首次人工回复日期（可选）').fill(entry.reply ?? '');
  await form.getByLabel(entry.resolved).check();
  await form.getByLabel('满意度 1–5（可选）').selectOption(entry.satisfaction ?? '');
  await form.getByLabel('事项（可选）').fill(entry.matter ?? '');
  await form.getByLabel('备注').fill(entry.note ?? '');
  await tracker.getByRole('button', { name: '保存这条记录' }).click();
  await page.locator(`outcome-tracker[data-entries="${before + 1}"]`).waitFor();
};
await add({
  type: '账号被封禁或限流',
  sent: '2026-11-02',
  reply: '2026-11-09',
  resolved: '未解决',
  matter: '11月封号',
  note: '客服说维持原判',
});
await add({
  type: '账号被封禁或限流',
  sent: '2026-11-12',
  resolved: '处理中',
  matter: '11月封号',
  satisfaction: '2',
});
await add({
  type: '作品被搬运或盗用（我是权利人）',
  sent: '2026-11-20',
  reply: '2026-11-23',
  resolved: '已解决',
});

const storage = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
writeFileSync(
  resolve(root, 'tests/fixtures/case-migration/release-storage.json'),
  `${JSON.stringify({ recordedFrom: 'the release before the case file (commit 75960f1)', localStorage: storage }, null, 2)}\n`,
);
console.log(Object.keys(storage));
await browser.close();
await server.close();
