/**
 * Checker latency in Chromium: keystrokes at the end of a 10,000-character draft on /tools/.
 * Three figures per keystroke:
 * - to findings: the draft checker's own User Timing entry, from the input event to findings,
 *   highlights, score and status written to the page (the goal: under 16 ms median), and the
 *   part of it spent checking and writing (the rest is waiting for the next frame);
 * - to paint: from the input event until the frame showing them has been laid out and painted
 *   (a task queued from an animation frame callback runs after that frame's rendering);
 * - a plain textarea with the same look and text, to paint: what the browser spends anyway.
 * Prints figures; it does not pass or fail.
 */
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './support/chromium';

/** The measures src/islands/draft-checker/draft-checker.ts records after each check that follows input. */
const LATENCY_MEASURE = 'ks-draft:input-to-findings';
const WORK_MEASURE = 'ks-draft:check-and-render';

export interface Spread {
  median: number;
  p95: number;
  max: number;
}

export interface LatencyResult {
  chromium: string;
  keystrokes: number;
  draftLength: number;
  findingsListed: number;
  toFindings: Spread;
  checkAndRender: Spread;
  toPaint: Spread;
  plainTextareaToPaint: Spread;
}

/** The value below which `fraction` of the samples lie (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

export function spread(samples: readonly number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1) ?? Number.NaN };
}

interface Samples {
  toFindings: number[];
  work: number[];
  toPaint: number[];
}
type BenchWindow = Window & { __bench: Samples };

/** Starts recording on `selector`: our measure, and input → after the next paint. */
async function record(page: Page, selector: string) {
  await page.evaluate(
    ([selector, name, work]) => {
      const samples: Samples = { toFindings: [], work: [], toPaint: [] };
      (window as unknown as BenchWindow).__bench = samples;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntriesByName(name)) samples.toFindings.push(entry.duration);
        for (const entry of list.getEntriesByName(work)) samples.work.push(entry.duration);
      }).observe({ type: 'measure' });
      // Added after the island's own listener, so this frame callback runs after its check.
      document.querySelector(selector)!.addEventListener('input', (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => setTimeout(() => samples.toPaint.push(performance.now() - start), 0));
      });
    },
    [selector, LATENCY_MEASURE, WORK_MEASURE] as const,
  );
}

/** Types and deletes in turn at the end, waiting for each keystroke's paint before the next. */
async function typeAtEnd(page: Page, selector: string, keystrokes: number) {
  await page.locator(selector).focus();
  await page.locator(selector).press('Control+End');
  await page.evaluate(() => {
    const samples = (window as unknown as BenchWindow).__bench;
    samples.toFindings.length = 0;
    samples.work.length = 0;
    samples.toPaint.length = 0;
  });
  for (let index = 0; index < keystrokes; index += 1) {
    await page.keyboard.press(index % 2 === 0 ? 'a' : 'Backspace');
    await page.waitForFunction(
      (count) => (window as unknown as BenchWindow).__bench.toPaint.length > count,
      index,
    );
  }
  return page.evaluate(() => (window as unknown as BenchWindow).__bench);
}

export async function draftLatency(siteUrl: string, draft: string, keystrokes = 50): Promise<LatencyResult> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('找不到 Chromium（/usr/bin/chromium 或 CHROME_PATH）');
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(new URL('tools/', siteUrl).href, { waitUntil: 'load' });
    // The draft goes in at once (as a paste would); only the keystrokes that follow are timed.
    await page.locator('#tools-draft-text').evaluate((element: HTMLTextAreaElement, text) => {
      element.value = text;
      element.dispatchEvent(new Event('input', { bubbles: true }));
    }, draft);
    await page.waitForFunction(
      (length) => document.querySelector<HTMLElement>('draft-checker')?.dataset.checked === String(length),
      draft.length,
    );
    await record(page, '#tools-draft-text');
    const island = await typeAtEnd(page, '#tools-draft-text', keystrokes);
    const findingsListed = await page.locator('draft-checker [data-findings] > li').count();

    // The baseline: a plain textarea styled like the draft's, outside any island, same text.
    await page.evaluate((text) => {
      const plain = document.createElement('textarea');
      plain.id = 'bench-plain';
      const style = getComputedStyle(document.querySelector('#tools-draft-text')!);
      for (const property of ['font', 'width', 'height', 'padding', 'border', 'line-height', 'white-space'])
        plain.style.setProperty(property, style.getPropertyValue(property));
      document.querySelector('draft-checker')!.before(plain);
      plain.value = text;
    }, draft);
    await record(page, '#bench-plain');
    const plain = await typeAtEnd(page, '#bench-plain', keystrokes);

    return {
      chromium: browser.version(),
      keystrokes,
      draftLength: draft.length,
      findingsListed,
      toFindings: spread(island.toFindings),
      checkAndRender: spread(island.work),
      toPaint: spread(island.toPaint),
      plainTextareaToPaint: spread(plain.toPaint),
    };
  } finally {
    await browser.close();
  }
}
