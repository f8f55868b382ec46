/**
 * The draft checker's coloured marks stay on the words they mark (issue 19). The marks live in
 * a mirror element behind the textarea; they are where the text is only if the mirror holds the
 * same text, wraps it at the same width with the same type, and is scrolled by the same amount.
 * Each case below does one thing a user does (scroll by script and by wheel, resize, a font
 * change, zoom, a long paste, IME composition, clicking a finding, the dark theme) and then
 * checks two ways:
 * - the layout: mirror text equals the textarea's value, same content box, same position, same
 *   scroll offsets, same computed type and box model;
 * - the pixels: a screenshot of the textarea's own text, and one of the mirror's text drawn in
 *   the same colour in its place, must be the same picture (so glyphs coincide, whatever the
 *   reason they might not).
 * It does not check the colours of the marks (accessibility.test.ts) or the findings themselves.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath, noBrowser, openPage, siteUrl, revealIslands } from '../support/browser';
import { CHROMIUM_ARGS } from '../../scripts/support/chromium';

const TEXTAREA = '#tools-draft-text';
/** Lines with findings, a long line that wraps, and empty lines: enough to scroll. */
const BLOCK = [
  '问题描述：我的视频被下架了，你们太过分了！！！',
  '不处理我就转 投 其 他 平 台。订单量下降了 80%。这一行写得很长，为了在窄屏和宽屏上都会折行：我们已经多次联系客服，但是没有得到任何答复，这对店铺的经营造成了很大的影响，希望平台尽快复核并给出处理结果。',
  '',
  '诉求清单：恢复视频；说明理由。联系方式：138 0000 0000',
].join('\n');
const DRAFT = Array.from({ length: 30 }, (_, index) => `第${index + 1}段\n${BLOCK}`).join('\n');
/** Under the long-draft limit (50,000 characters), so it is still coloured. */
const PASTE = `${DRAFT}\n`.repeat(Math.floor(45_000 / (DRAFT.length + 1)));
const PARAGRAPH = '问题描述：视频被判定为搬运并下架，订单量下降了 80%，希望平台尽快复核。\n';
const MEGABYTE = PARAGRAPH.repeat(Math.ceil(1_048_576 / PARAGRAPH.length)).slice(0, 1_048_576);

/** Waits until the checker has checked the current value and two frames have been drawn. */
async function settle(page: Page) {
  await page.waitForFunction(
    (selector) => {
      const input = document.querySelector<HTMLTextAreaElement>(selector)!;
      return (
        document.querySelector<HTMLElement>('draft-checker')!.dataset.checked === String(input.value.length)
      );
    },
    TEXTAREA,
    { timeout: 30_000 },
  );
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** Everything in the mirror's layout that differs from the textarea's, as readable lines. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const problems: string[] = [];
    const input = document.querySelector<HTMLTextAreaElement>(selector)!;
    const mirror = document.querySelector<HTMLElement>('draft-checker [data-mirror]')!;
    const same = (what: string, mirrorValue: unknown, inputValue: unknown) => {
      if (mirrorValue !== inputValue) problems.push(`${what}: mirror ${mirrorValue}, textarea ${inputValue}`);
    };
    // The empty line's placeholder (a zero-width space) is no character of the draft.
    const text = [...mirror.children].map((line) => line.textContent!.replace(/\u200B/g, '')).join('\n');
    same('text length', text.length, input.value.length);
    if (text !== input.value) problems.push('mirror text differs from the textarea value');
    same('marks', mirror.querySelectorAll('mark').length > 0, true);
    same('clientWidth', mirror.clientWidth, input.clientWidth);
    same('clientHeight', mirror.clientHeight, input.clientHeight);
    same('scrollHeight', mirror.scrollHeight, input.scrollHeight);
    same('scrollTop', mirror.scrollTop, input.scrollTop);
    same('scrollLeft', mirror.scrollLeft, input.scrollLeft);
    const [a, b] = [mirror.getBoundingClientRect(), input.getBoundingClientRect()];
    for (const side of ['left', 'top', 'width', 'height'] as const)
      if (Math.abs(a[side] - b[side]) > 0.5)
        problems.push(`box ${side}: mirror ${a[side]}, textarea ${b[side]}`);
    const [ms, is] = [getComputedStyle(mirror), getComputedStyle(input)];
    for (const property of [
      'font-family',
      'font-size',
      'font-weight',
      'font-style',
      'font-stretch',
      'font-kerning',
      'font-feature-settings',
      'font-variant',
      'line-height',
      'letter-spacing',
      'word-spacing',
      'text-indent',
      'text-transform',
      'text-rendering',
      'white-space',
      'word-break',
      'overflow-wrap',
      'line-break',
      'tab-size',
      'direction',
      'writing-mode',
      'box-sizing',
      'padding-top',
      'padding-right',
      'padding-bottom',
      'padding-left',
      'border-top-width',
      'border-right-width',
      'border-bottom-width',
      'border-left-width',
      'zoom',
    ])
      same(property, ms.getPropertyValue(property), is.getPropertyValue(property));
    return problems;
  }, TEXTAREA);
}

/**
 * Screenshots the editor twice: the textarea's text in black with the mirror hidden, then the
 * textarea's text invisible and the mirror's text black in its place (marks without colour).
 * Returns the share of differing pixels among the inked ones: 0 when the glyphs coincide.
 */
async function pixelMismatch(page: Page): Promise<{ ink: number; mismatch: number }> {
  const editor = page.locator('draft-checker .ks-editor');
  const style = (textareaColour: string, mirrorColour: string, mirrorVisibility: string) =>
    page.evaluate(
      ([textareaColour, mirrorColour, mirrorVisibility]) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(`
          .ks-editor { background: #fff !important; }
          .ks-editor textarea { color: ${textareaColour} !important; caret-color: transparent !important; }
          .ks-editor textarea::selection { color: ${textareaColour} !important; background: transparent !important; }
          .ks-editor__mirror { color: ${mirrorColour} !important; visibility: ${mirrorVisibility} !important; }
          .ks-editor__mirror mark { color: inherit !important; background: transparent !important; }
        `);
        document.adoptedStyleSheets = [
          ...document.adoptedStyleSheets.filter((s) => !(s as any).__probe),
          sheet,
        ];
        (sheet as any).__probe = true;
      },
      [textareaColour, mirrorColour, mirrorVisibility] as const,
    );
  await style('#000', 'transparent', 'hidden');
  const fromTextarea = await editor.screenshot({ animations: 'disabled' });
  await style('transparent', '#000', 'visible');
  const fromMirror = await editor.screenshot({ animations: 'disabled' });
  await page.evaluate(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => !(s as any).__probe);
  });
  return page.evaluate(
    async ([a, b]) => {
      const pixels = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [pa, pb] = [await pixels(a), await pixels(b)];
      let ink = 0;
      let mismatch = 0;
      for (let index = 0; index < pa.length; index += 4) {
        const darkA = pa[index]! < 128;
        const darkB = pb[index]! < 128;
        if (darkA || darkB) ink += 1;
        if (darkA !== darkB) mismatch += 1;
      }
      return { ink, mismatch: ink ? mismatch / ink : 1 };
    },
    [fromTextarea.toString('base64'), fromMirror.toString('base64')] as const,
  );
}

/** Both checks; `label` names the case in the failure message. */
async function expectAligned(page: Page, label: string) {
  await settle(page);
  expect(await layoutProblems(page), label).toEqual([]);
  const { ink, mismatch } = await pixelMismatch(page);
  expect(ink, `${label}: text visible in the textarea`).toBeGreaterThan(500);
  // Glyphs that coincide rasterise identically; a shift of one pixel leaves most ink unmatched.
  expect(mismatch, `${label}: share of ink where the mirror's text is not the textarea's`).toBeLessThan(0.02);
}

async function openWithDraft(browser: Browser, draft = DRAFT) {
  const opened = await openPage(browser, 'tools/');
  await opened.page.locator(TEXTAREA).fill(draft);
  await opened.page.locator(TEXTAREA).evaluate((input: HTMLTextAreaElement) => {
    input.setSelectionRange(0, 0);
    input.scrollTop = 0;
  });
  await settle(opened.page);
  return opened;
}

describe.skipIf(noBrowser)('draft checker highlights stay on their text', () => {
  let browser: Browser;
  beforeAll(async () => {
    // Headless Chromium hides scrollbars unless told not to; a desktop browser shows them, and a
    // scrollbar takes width from the textarea's text that an element without one keeps.
    browser = await chromium.launch({
      executablePath: chromiumPath!,
      headless: true,
      args: CHROMIUM_ARGS,
      ignoreDefaultArgs: ['--hide-scrollbars'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });

  it('at rest, and after a programmatic scroll', async () => {
    const { page, errors } = await openWithDraft(browser);
    await expectAligned(page, 'at rest');
    await page.locator(TEXTAREA).evaluate((input: HTMLTextAreaElement) => {
      input.scrollTop = 700;
    });
    await expectAligned(page, 'scrollTop = 700');
    await page.locator(TEXTAREA).evaluate((input: HTMLTextAreaElement) => {
      input.scrollTop = input.scrollHeight;
    });
    await expectAligned(page, 'scrolled to the end');
    expect(errors).toEqual([]);
  });

  it('after scrolling with the mouse wheel', async () => {
    const { page } = await openWithDraft(browser);
    await page.locator(TEXTAREA).hover();
    await page.mouse.wheel(0, 450);
    await page.waitForFunction((selector) => document.querySelector(selector)!.scrollTop > 0, TEXTAREA);
    await expectAligned(page, 'wheel down');
    await page.mouse.wheel(0, -200);
    await expectAligned(page, 'wheel up');
  });

  it('after resizing the textarea (handle, style.height) and the viewport (360 ↔ 1280)', async () => {
    const { page } = await openWithDraft(browser);
    await page.locator(TEXTAREA).evaluate((input: HTMLTextAreaElement) => {
      input.scrollTop = 600;
    });
    // The resize handle is the textarea's bottom-right corner.
    const box = (await page.locator(TEXTAREA).boundingBox())!;
    await page.mouse.move(box.x + box.width - 4, box.y + box.height - 4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 4, box.y + box.height + 150, { steps: 5 });
    await page.mouse.up();
    expect((await page.locator(TEXTAREA).boundingBox())!.height).toBeGreaterThan(box.height + 100);
    await expectAligned(page, 'dragged taller');
    await page.locator(TEXTAREA).evaluate((input: HTMLTextAreaElement) => {
      input.style.height = '260px';
    });
    await expectAligned(page, 'style.height = 260px');
    await page.setViewportSize({ width: 360, height: 740 });
    await expectAligned(page, 'viewport 360 px');
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectAligned(page, 'viewport 1280 px');
  });

  it('after the type changes size (fonts loaded, text size changed)', async () => {
    const { page } = await openWithDraft(browser);
    await page.locator(TEXTAREA).evaluate((input: HTMLTextAreaElement) => {
      input.scrollTop = 500;
    });
    // What a late web font does: same text, other glyph metrics, so other wraps and heights.
    await page.evaluate(async () => {
      document.documentElement.style.fontSize = '20px';
      await document.fonts.ready;
    });
    await expectAligned(page, 'root font size 20px');
    await page.evaluate(async () => {
      document.documentElement.style.fontSize = '';
      await document.fonts.ready;
    });
    await expectAligned(page, 'root font size back');
  });

  it('under zoom (CSS zoom 1.5 and 0.8, device scale factor 2)', async () => {
    const { page } = await openWithDraft(browser);
    await page.locator(TEXTAREA).evaluate((input: HTMLTextAreaElement) => {
      input.scrollTop = 400;
    });
    for (const zoom of ['1.5', '0.8']) {
      await page.evaluate((zoom) => {
        document.documentElement.style.zoom = zoom;
      }, zoom);
      await expectAligned(page, `zoom ${zoom}`);
    }
    await page.evaluate(() => {
      document.documentElement.style.zoom = '';
    });
    // A phone's or a HiDPI screen's pixel ratio (a context of its own: Playwright's screenshots
    // do not follow a ratio changed behind its back through CDP).
    const hidpi = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      deviceScaleFactor: 2,
    });
    const sharp = await hidpi.newPage();
    await sharp.goto(new URL('tools/', siteUrl).href, { waitUntil: 'load' });
    await revealIslands(sharp);
    await sharp.locator(TEXTAREA).fill(DRAFT);
    await sharp.locator(TEXTAREA).evaluate((input: HTMLTextAreaElement) => {
      input.scrollTop = 400;
    });
    await expectAligned(sharp, 'device scale factor 2');
  });

  it('after pasting 1 MB (not coloured) and then a 45,000-character draft (coloured, caret at the end)', async () => {
    const { page, context, errors } = await openWithDraft(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const input = page.locator(TEXTAREA);
    await page.evaluate((text) => navigator.clipboard.writeText(text), MEGABYTE);
    await input.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    await settle(page);
    expect(await page.locator('draft-checker [data-mirror]').evaluate((m) => m.textContent)).toBe('');
    expect(await page.locator('draft-checker [data-long-draft]').isVisible()).toBe(true);

    // Emptied first: Chromium takes minutes to replace a selected megabyte by a native paste.
    await page.locator('draft-checker [data-clear]').click();
    await settle(page);
    await page.evaluate((text) => navigator.clipboard.writeText(text), PASTE);
    await input.focus();
    await page.keyboard.press('Control+V');
    await page.waitForFunction(
      ([selector, length]) => document.querySelector<HTMLTextAreaElement>(selector)!.value.length === length,
      [TEXTAREA, PASTE.length] as const,
      { timeout: 30_000 },
    );
    expect(await input.evaluate((element) => element.scrollTop)).toBeGreaterThan(1000);
    await expectAligned(page, 'after pasting 45,000 characters');
    expect(errors).toEqual([]);
  }, 180_000);

  it('during and after IME composition', async () => {
    const { page } = await openWithDraft(browser);
    const input = page.locator(TEXTAREA);
    await input.focus();
    // In the middle of a line with a finding after it, so the composition shifts a mark.
    const at = DRAFT.indexOf('你们太过分了');
    await input.evaluate((element: HTMLTextAreaElement, at) => element.setSelectionRange(at, at), at);
    await settle(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'shi', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.imeSetComposition', { text: 'shipin', selectionStart: 6, selectionEnd: 6 });
    expect(await input.inputValue()).toContain('我的视频被下架了，shipin你们太过分了');
    await expectAligned(page, 'mid-composition');
    await cdp.send('Input.insertText', { text: '视频' });
    expect(await input.inputValue()).toContain('我的视频被下架了，视频你们太过分了');
    await expectAligned(page, 'composition committed');
  });

  it('after clicking a finding far down (the textarea scrolls to it), in the light and dark themes', async () => {
    const { page } = await openWithDraft(browser);
    for (const theme of ['light', 'dark']) {
      await page.locator('starlight-theme-select select').first().selectOption(theme);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await page.locator(TEXTAREA).evaluate((input: HTMLTextAreaElement) => {
        input.scrollTop = 0;
      });
      await expectAligned(page, `${theme} theme, top`);
      // A finding far down the draft: clicking it selects its text, and the textarea scrolls there.
      const buttons = page.locator('draft-checker [data-findings] .ks-finding__select');
      let scrolled = 0;
      for (let index = (await buttons.count()) - 1; index >= 0 && scrolled < 500; index -= 1) {
        await page.locator(TEXTAREA).evaluate((input: HTMLTextAreaElement) => {
          input.scrollTop = 0;
        });
        await buttons.nth(index).click();
        scrolled = await page.locator(TEXTAREA).evaluate((input: HTMLTextAreaElement) => input.scrollTop);
      }
      expect(scrolled, 'the textarea scrolled to the finding').toBeGreaterThanOrEqual(500);
      await expectAligned(page, `${theme} theme, after clicking the last finding`);
    }
  });
});
