/**
 * The follow-up planner (/guide/follow-up/), a view of the case file, as the browser tests use
 * it: wait for the island, and record a mail just sent (「新的：我刚发出一封邮件」 → 记入案卷并生成计划)
 * the way a person does. Shared by every test that needs a plan on the page.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { revealIslands } from './browser';

export const PLANNER_PAGE = 'guide/follow-up/';
export const planner = (page: Page) => page.locator('follow-up-planner').first();

export async function plannerReady(page: Page) {
  await revealIslands(page);
  await page.locator('follow-up-planner[data-ready]').waitFor();
}

/** The due dates of the shown plan, step by step. */
export const stepDues = (page: Page) =>
  planner(page)
    .locator('[data-step]')
    .evaluateAll((items) =>
      items.map((item) => [(item as HTMLElement).dataset.step, (item as HTMLElement).dataset.due]),
    );

/**
 * Records a mail sent at `sent` (Beijing time) of case type `type` (a request-routes.yaml id) and
 * returns the id of the case it went into; the plan is then shown. `subject` undefined keeps the
 * field as it is (prefilled from the subject checker).
 */
export async function recordMail(page: Page, sent: string, type: string, subject?: string) {
  await plannerReady(page);
  const island = planner(page);
  await island.locator('[data-case]').selectOption('');
  await island.locator('[data-type]').selectOption(type);
  await island.locator('[data-sent]').fill(sent);
  if (subject !== undefined) await island.locator('[data-subject]').fill(subject);
  await island.getByRole('button', { name: '记入案卷并生成计划' }).click();
  await expect.poll(() => island.getAttribute('data-case')).not.toBe('');
  await island.locator('[data-output]:not([hidden])').waitFor();
  return (await island.getAttribute('data-case'))!;
}
