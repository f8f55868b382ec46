/**
 * Pasting 1 MB, and 10,000 lines, into the draft checker on /tools/ (where the mail composer
 * reads the same draft) through the clipboard, then typing a character: nothing is lost, the
 * findings appear, the page says what it limits, and the page's own work never blocks for
 * 200 ms.
 *
 * Why "the page's own work": Chromium alone spends hundreds of milliseconds, on a loaded
 * 2-core machine several seconds, pasting into and laying out a megabyte in any textarea. A
 * plain textarea gets the same paste and keystroke in this run and its longest task is printed
 * beside ours; no script can make that shorter. So the 200 ms bound applies to the time the
 * site's scripts run in any one frame (Long Animation Frames attribute it, without the layout a
 * script forces, which is the browser's); the page's longest task may not exceed twice the plain
 * textarea's (or 200 ms); and the mirror must hold none of a long draft. One paste's longest task
 * varies from run to run by more than our scripts add (a single pair once failed at 381 ms
 * against a bound of 364 ms), so both sides are measured RUNS times, alternating plain and page so
 * a change in the machine's load hits both, and their medians are compared. Before these checks the
 * mirror laid out a second copy of the megabyte (about six seconds), and an input listener made
 * every keystroke in 10,000 lines cost Chromium about a second.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, noBrowser, openPage } from '../support/browser';

const PARAGRAPH =
  '问题描述：我的视频ID：3xk9a2b7 于 11月20日 被判定为搬运并下架，订单量下降了 80%。今天我们再一次联系了客服，但是没有得到任何答复，这对店铺的经营造成了很大的影响，希望平台尽快复核。\n';
const MEGABYTE = PARAGRAPH.repeat(Math.ceil(1_048_576 / PARAGRAPH.length)).slice(0, 1_048_576);
const LINES = Array.from(
  { length: 10_000 },
  (_, index) => `第${index + 1}条：请复核视频ID：${index}的判定。`,
).join('\n');

interface Timings {
  /** Every long task (over 50 ms) from just before the paste until the page settled. */
  longTasks: number[];
  /** Per long animation frame: the time the page's scripts ran, minus the layout they forced. */
  scriptTimes: number[];
}
type TimedWindow = Window & { __timings: Timings };
interface ScriptTiming {
  duration: number;
  forcedStyleAndLayoutDuration: number;
}

async function watch(page: Page) {
  await page.evaluate(() => {
    const timings: Timings = { longTasks: [], scriptTimes: [] };
    (window as unknown as TimedWindow).__timings = timings;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) timings.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const { scripts } = entry as unknown as { scripts: ScriptTiming[] };
        timings.scriptTimes.push(
          scripts.reduce((sum, script) => sum + script.duration - script.forcedStyleAndLayoutDuration, 0),
        );
      }
    }).observe({ type: 'long-animation-frame' });
  });
}

/** Pastes `text` through the clipboard into `selector`, waits, types one character, waits. */
async function pasteAndType(
  page: Page,
  selector: string,
  text: string,
  settled: (length: number) => Promise<unknown>,
) {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await watch(page);
  await page.locator(selector).focus();
  await page.keyboard.press('Control+V');
  await page.waitForFunction(
    ([selector, length]) => document.querySelector<HTMLTextAreaElement>(selector)!.value.length === length,
    [selector, text.length] as const,
    { timeout: 30_000 },
  );
  await settled(text.length);
  // The caret is after the pasted text.
  await page.keyboard.type('好');
  await settled(text.length + 1);
  // The composer and the saved draft catch up after a pause.
  await page.waitForTimeout(1_000);
  return page.evaluate(() => (window as unknown as TimedWindow).__timings);
}

const longest = (durations: readonly number[]) => Math.max(0, ...durations);
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Each side is measured this many times; the medians are compared. */
const RUNS = 3;

/** What the browser spends anyway: the same paste and keystroke in a plain textarea. */
async function pasteIntoPlainTextarea(browser: Browser, text: string): Promise<Timings> {
  const { page, context } = await openPage(browser, 'tools/');
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate(() => {
      const plain = document.createElement('textarea');
      plain.id = 'plain';
      const style = getComputedStyle(document.querySelector('#tools-draft-text')!);
      for (const property of ['font', 'width', 'height', 'padding', 'border', 'line-height', 'white-space'])
        plain.style.setProperty(property, style.getPropertyValue(property));
      document.querySelector('draft-checker')!.before(plain);
    });
    return await pasteAndType(page, '#plain', text, () => page.waitForTimeout(500));
  } finally {
    await context.close();
  }
}

/** The same paste and keystroke into the draft checker; checks that nothing was lost. */
async function pasteIntoDraftChecker(browser: Browser, text: string): Promise<Timings> {
  const { page, context, errors } = await openPage(browser, 'tools/');
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const checker = page.locator('draft-checker');
    const island = await pasteAndType(page, '#tools-draft-text', text, (length) =>
      page.waitForFunction(
        (length) => document.querySelector<HTMLElement>('draft-checker')!.dataset.checked === String(length),
        length,
        { timeout: 30_000 },
      ),
    );

    // Nothing lost; findings and a clear notice shown; no second copy of the text laid out.
    const length = await page
      .locator('#tools-draft-text')
      .evaluate((element: HTMLTextAreaElement) => element.value.length);
    expect(length).toBe(text.length + 1);
    expect(await checker.locator('[data-findings] > li').count()).toBeGreaterThan(0);
    expect(await checker.locator('[data-status]').innerText()).toMatch(/^发现 \d+ 个错误/);
    const notice = checker.locator('[data-long-draft]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain('草稿很长');
    expect(await checker.locator('[data-mirror]').evaluate((mirror) => mirror.textContent!.length)).toBe(0);
    expect(errors).toEqual([]);
    return island;
  } finally {
    await context.close();
  }
}

describe.skipIf(noBrowser)('the draft checker with a very long draft', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  // Covers a context that openPage created but could not return (its page failed to load).
  afterEach(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });

  for (const [name, text] of [
    ['1 MB of Chinese paragraphs', MEGABYTE],
    ['10,000 lines', LINES],
  ] as const) {
    it(
      `${name}: pasted and typed into, no frame of script over 200 ms, text kept, findings shown`,
      async () => {
        const plainLongest: number[] = [];
        const islandLongest: number[] = [];
        const islandScript: number[] = [];
        for (let run = 1; run <= RUNS; run++) {
          const plain = await pasteIntoPlainTextarea(browser, text);
          const island = await pasteIntoDraftChecker(browser, text);
          plainLongest.push(longest(plain.longTasks));
          islandLongest.push(longest(island.longTasks));

          const longestScript = longest(island.scriptTimes);
          console.log(
            `${name}, run ${run}/${RUNS}: longest task ${longest(island.longTasks).toFixed(0)} ms ` +
              `(a plain textarea, same paste and keystroke: ${longest(plain.longTasks).toFixed(0)} ms); ` +
              `longest script time in one frame ${longestScript.toFixed(0)} ms`,
          );
          expect(island.scriptTimes.length, 'long animation frames observed').toBeGreaterThan(0);
          islandScript.push(longestScript);
        }

        const format = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ');
        console.log(
          `${name}: median longest task ${median(islandLongest).toFixed(0)} ms (${format(islandLongest)}); ` +
            `plain textarea ${median(plainLongest).toFixed(0)} ms (${format(plainLongest)})`,
        );
        // The median, like the longest task: one run on a loaded machine once measured 205 ms
        // where the others measured about 100 ms (the paste handler itself takes about 25 ms).
        expect(
          median(islandScript),
          `median over ${RUNS} runs of the longest script time in one frame (ms)`,
        ).toBeLessThan(200);
        expect(
          median(islandLongest),
          `median longest task (ms) over ${RUNS} runs, against twice the plain textarea’s median`,
        ).toBeLessThanOrEqual(Math.max(200, 2 * median(plainLongest)));
      },
      // RUNS pastes on each side, each of which may take several seconds on a loaded machine.
      RUNS * 2 * 30_000,
    );
  }
});
