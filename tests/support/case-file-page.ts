/**
 * The case file (/tools/case/) as the browser tests use it: wait for the island, create a case,
 * record a step through its form, and a fixed clock. Shared by case-file.test.ts and
 * case-dossier.test.ts so both drive the page the same way a person does.
 */
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { revealIslands } from './browser';

export const CASE_PAGE = 'tools/case/';
export const caseIsland = (page: Page) => page.locator('case-file');

export async function caseFileReady(page: Page) {
  await revealIslands(page);
  await page.locator('case-file[data-ready]').waitFor();
}

export async function createCase(page: Page, title: string, type: string) {
  const form = caseIsland(page).locator('[data-new-case]');
  await form.getByLabel('案卷名称').fill(title);
  await form.getByLabel('遇到的事（案例类型）').selectOption({ label: type });
  await form.getByRole('button', { name: '新建案卷' }).click();
  await caseIsland(page).locator('[data-case-view]:not([hidden])').waitFor();
}

/** Fills the step form by its labels (a select by its option's text) and saves the step. */
export async function addStep(page: Page, kind: string, fields: Record<string, string>) {
  const form = caseIsland(page).locator('[data-add-step]');
  await form.getByLabel('做了什么').selectOption({ label: kind });
  for (const [label, value] of Object.entries(fields)) {
    const field = form.getByLabel(label, { exact: true });
    if ((await field.evaluate((node) => node.tagName)) === 'SELECT')
      await field.selectOption({ label: value });
    else await field.fill(value);
  }
  const before = await caseIsland(page).locator('[data-steps] > li').count();
  await form.getByRole('button', { name: '保存这一步' }).click();
  await expect.poll(() => caseIsland(page).locator('[data-steps] > li').count()).toBe(before + 1);
}

/** Every page of the context sees `now` as the current time (Date() and Date.now()). */
export async function fixClock(context: BrowserContext, now: Date) {
  await context.addInitScript(`{
    const fixed = ${now.getTime()};
    const RealDate = Date;
    globalThis.Date = class extends RealDate {
      constructor(...args) { super(...(args.length ? args : [fixed])); }
      static now() { return fixed; }
    };
  }`);
}
