/**
 * Upgrades an island's custom element when the reader gets near it, not when the page loads.
 *
 * Why: /tools/ carries six islands and a chapter carries two or three. Defining them all at load
 * ran every connectedCallback (restoring drafts, first checks, rendering findings and calendars)
 * and the style and layout each caused, in the first seconds on a phone — Lighthouse measured the
 * tools page's Total Blocking Time at 300–530 ms on a throttled phone (README, "Islands upgrade
 * near the viewport"). An island far down the page is not used in those seconds, so it waits.
 *
 * When: as soon as one of its elements comes within a quarter screen of the viewport (scrolling there,
 * a #link to it, the browser restoring a scroll position), or the moment the reader touches it
 * some other way — a pointer, a key, focus, text or a file arriving in one of its fields. Those
 * events are caught in the capture phase on the element itself, so the element is defined (and
 * its connectedCallback has attached its listeners) before the event reaches the control inside:
 * the first tap, keystroke or chosen file is handled, never lost.
 *
 * What it is not: a loader. The island's code is already on the page; only its upgrade waits.
 * Browsers without IntersectionObserver get the upgrade at once, as before.
 */

/** Events that mean the reader is using an island that is not upgraded yet. */
const TOUCH_EVENTS = [
  'pointerdown',
  'mousedown',
  'touchstart',
  'focusin',
  'keydown',
  'beforeinput',
  'input',
  'change',
  'paste',
  'dragenter',
  'drop',
] as const;

/** How far outside the viewport an island starts its upgrade: a quarter screen ahead, either way. */
export const NEAR_MARGIN = '25% 0px';

export function defineIsland(tag: string, element: CustomElementConstructor): void {
  if (customElements.get(tag)) return;
  const hosts = [...document.getElementsByTagName(tag)];
  if (hosts.length === 0 || typeof IntersectionObserver !== 'function') {
    customElements.define(tag, element);
    return;
  }
  let observer: IntersectionObserver | null = null;
  const upgrade = () => {
    observer?.disconnect();
    for (const host of hosts)
      for (const type of TOUCH_EVENTS) host.removeEventListener(type, upgrade, { capture: true });
    if (!customElements.get(tag)) customElements.define(tag, element);
  };
  observer = new IntersectionObserver(
    (entries) => entries.some((entry) => entry.isIntersecting) && upgrade(),
    {
      rootMargin: NEAR_MARGIN,
    },
  );
  for (const host of hosts) {
    observer.observe(host);
    for (const type of TOUCH_EVENTS) host.addEventListener(type, upgrade, { capture: true });
  }
}
