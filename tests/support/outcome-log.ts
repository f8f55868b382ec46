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

/** Stores `entries` as the old tracker's log, reloads, and waits until the figures count them. */
export async function showOldLog(page: Page, entries: readonly object[] = SAMPLE_OUTCOMES) {
  await page.evaluate(
    (text) => localStorage.setItem('ksmail:outcomes', text),
    JSON.stringify({ version: 1, entries }),
  );
  await page.reload();
  await revealIslands(page);
  await page.locator(`outcome-tracker[data-entries="${entries.length}"]`).waitFor();
}
