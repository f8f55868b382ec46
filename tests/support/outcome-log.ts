/**
 * The outcome figures (/guide/evaluation/) with something to show: the tests put a log as the
 * old tracker saved it (`ksmail:outcomes`) in storage and reload; the figures' migration turns it
 * into cases, as it does for a reader of the release before. Shared by the browser tests that
 * need a page with figures (accessibility, layout, keyboard, storage, security).
 */
import type { Page } from 'playwright-core';
import { revealIslands } from './browser';

/** Three mails: two of them replied, one resolved, one rejected. */
export const SAMPLE_OUTCOMES = [
  {
    id: 's1',
    requestType: 'account-appeal',
    sent: '2026-09-30',
    firstReply: '2026-10-12',
    resolved: 'yes',
    satisfaction: 4,
  },
  { id: 's2', requestType: 'account-appeal', sent: '2026-10-09', resolved: 'pending' },
  {
    id: 's3',
    requestType: 'copyright',
    sent: '2026-11-20',
    firstReply: '2026-11-25',
    resolved: 'no',
    satisfaction: 2,
  },
];

/**
 * Stores `entries` as the old tracker's log, reloads, and waits until the figures count them
 * beside the mails the cases already hold (a planner or composer used earlier in the same test).
 */
export async function showOldLog(page: Page, entries: readonly object[] = SAMPLE_OUTCOMES) {
  const mailsBefore = await page.evaluate(
    (text) => {
      localStorage.setItem('ksmail:outcomes', text);
      const shelf = JSON.parse(localStorage.getItem('ksmail:cases') ?? '{"cases":[]}') as {
        cases: { steps: { kind: string }[] }[];
      };
      return shelf.cases.flatMap((caseFile) => caseFile.steps).filter((step) => step.kind === 'mail').length;
    },
    JSON.stringify({ version: 1, entries }),
  );
  await page.reload();
  await revealIslands(page);
  await page.locator(`outcome-tracker[data-entries="${mailsBefore + entries.length}"]`).waitFor();
}
