import type { CDPSession, Page } from 'playwright-core';

/** One stop of the keyboard focus: what it is, what assistive tech calls it, whether it shows. */
export interface FocusStop {
  /** e.g. button#id.class, for messages. */
  element: string;
  role: string;
  name: string;
  /** An outline or box-shadow is drawn while it has focus (on the label of a hidden input). */
  visible: boolean;
}

const sessions = new WeakMap<Page, CDPSession>();

/** The focused element's role and accessible name as Chromium computes them for screen readers. */
async function accessibleName(page: Page): Promise<{ role: string; name: string }> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
  if (!result.objectId) return { role: '', name: '' };
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
    objectId: result.objectId,
    fetchRelatives: false,
  });
  const node = nodes[0];
  return { role: String(node?.role?.value ?? ''), name: String(node?.name?.value ?? '').trim() };
}

/** The focused element and whether its focus can be seen. */
export async function focusStop(page: Page): Promise<FocusStop> {
  const seen = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { element: 'body', visible: false };
    // A visually hidden control (the file input under its 选择文件 label) shows focus on its label.
    const style = getComputedStyle(element);
    const hidden = style.opacity === '0' || element.getBoundingClientRect().width <= 1;
    const shown = hidden ? ((element as HTMLInputElement).labels?.[0] ?? element) : element;
    const drawn = getComputedStyle(shown);
    const outline = drawn.outlineStyle !== 'none' && parseFloat(drawn.outlineWidth) > 0;
    const shadow = drawn.boxShadow !== 'none' && drawn.boxShadow !== '';
    const describe = (node: Element) =>
      node.tagName.toLowerCase() +
      (node.id ? `#${node.id}` : '') +
      [...node.attributes]
        .filter((attribute) => attribute.name.startsWith('data-'))
        .map((attribute) => `[${attribute.name}${attribute.value ? `="${attribute.value}"` : ''}]`)
        .join('');
    // Focus on a part of the browser's own control (the calendar button inside a date field):
    // the element itself is not :focus, and Chromium draws its ring on that part.
    const ownPart = !element.matches(':focus');
    return { element: describe(element), visible: outline || shadow || ownPart };
  });
  return { ...seen, ...(await accessibleName(page)) };
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max` presses. */
export async function tabTo(
  page: Page,
  selector: string,
  { back = false, max = 400 }: { back?: boolean; max?: number } = {},
): Promise<void> {
  for (let press = 0; press < max; press += 1) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`按了 ${max} 次 ${back ? 'Shift+Tab' : 'Tab'} 也没有到达 ${selector}`);
}

/**
 * From the focused element (inside `container`), Tab through every stop until focus leaves the
 * container, recording each: every control of an island, in keyboard order.
 */
export async function tabThrough(page: Page, container: string, max = 200): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let press = 0; press < max; press += 1) {
    const inside = await page.evaluate(
      (selector) => document.activeElement?.closest(selector) != null,
      container,
    );
    if (!inside) return stops;
    stops.push(await focusStop(page));
    await page.keyboard.press('Tab');
  }
  throw new Error(`${container} 里按了 ${max} 次 Tab 还没有走完`);
}

/** Stops without an accessible name or without a visible focus indicator, for a test message. */
export function badStops(stops: FocusStop[]): string[] {
  return stops
    .filter((stop) => !stop.name || !stop.visible)
    .map(
      (stop) =>
        `${stop.element} (${stop.role}「${stop.name}」)${stop.name ? '' : ' 没有可访问名称'}${stop.visible ? '' : ' 焦点不可见'}`,
    );
}
