/**
 * The draft checker's highlight mirror: a copy of the draft's text behind the transparent
 * textarea, with findings wrapped in <mark>. It is not the findings list (shared, in
 * findings-view.ts) and does not decide what is marked (lib/rules/draft-view.ts).
 *
 * The marks sit on the right words only while the mirror lays its text out exactly as the
 * textarea does. One source of layout truth: the box, type and scrollbar gutter come from the
 * same CSS rule for both (checker.css, `.ks-editor`), and the textarea's scroll offsets are
 * copied to the mirror whenever they or the text can have changed (see keepMirrorAligned).
 * Measured in tests/e2e/highlight-alignment.test.ts.
 */
import type { HighlightLine } from '../../lib/rules/draft-view';
import { patchChildren } from '../shared/findings-view';

const lineKeys = new WeakMap<Element, string>();

/**
 * Fills a mirror element with the text, one block per line, wrapping finding ranges in <mark>
 * (for highlighting), and scrolls it with `input`. Lines that did not change are kept, so a
 * keystroke re-lays out one line, not the whole draft.
 */
export function renderHighlights(
  mirror: HTMLElement,
  lines: readonly HighlightLine[],
  input: HTMLTextAreaElement,
) {
  patchChildren(
    mirror,
    lines,
    (line) => JSON.stringify(line),
    (child) => lineKeys.get(child),
    (line, key) => {
      const block = document.createElement('div');
      for (const segment of line) {
        if (segment.severity === null) {
          block.append(segment.text);
        } else {
          const mark = document.createElement('mark');
          mark.className = `ks-mark ks-mark--${segment.severity}`;
          mark.textContent = segment.text;
          block.append(mark);
        }
      }
      // An empty line needs a character to take up a line, as it does in the textarea.
      if (line.length === 0) block.append('\u200B');
      lineKeys.set(block, key);
      return block;
    },
  );
  // A long draft is not coloured (the mirror is empty): nothing to align, and reading the
  // textarea's scroll offset here would force the layout of a megabyte inside this script.
  if (lines.length > 0) alignMirror(mirror, input);
}

/**
 * Copies the textarea's scroll offsets to the mirror. Must also run after the mirror's text
 * changes: a scroll that happened before it (a paste scrolls the textarea at once, the check
 * comes a frame later) was clamped to the mirror's old, shorter text.
 */
export function alignMirror(mirror: HTMLElement, input: HTMLTextAreaElement) {
  if (mirror.scrollTop !== input.scrollTop) mirror.scrollTop = input.scrollTop;
  if (mirror.scrollLeft !== input.scrollLeft) mirror.scrollLeft = input.scrollLeft;
}

/**
 * Keeps the mirror scrolled with the textarea through everything that moves the text without
 * a new check: the textarea's scrolling, a change of its size (the resize handle, the window,
 * zoom: the text re-wraps and the scroll range changes) and fonts that finish loading (other
 * glyph widths). The theme changes colours only, so it needs nothing. Returns the clean-up.
 */
export function keepMirrorAligned(mirror: HTMLElement, input: HTMLTextAreaElement): () => void {
  const align = () => alignMirror(mirror, input);
  input.addEventListener('scroll', align, { passive: true });
  // The mirror is sized by CSS to the textarea's box; only the scroll offset needs copying.
  const resize = new ResizeObserver(align);
  resize.observe(input);
  document.fonts.addEventListener('loadingdone', align);
  void document.fonts.ready.then(align);
  return () => {
    input.removeEventListener('scroll', align);
    resize.disconnect();
    document.fonts.removeEventListener('loadingdone', align);
  };
}

/** Where the text at `offset` starts, in the mirror's content (CSS px from its top), or null. */
function offsetTop(mirror: HTMLElement, text: string, offset: number): number | null {
  let line = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1))
    line += 1;
  const block = mirror.children[line];
  if (!block) return null;
  let column = offset - (text.lastIndexOf('\n', offset - 1) + 1);
  const range = document.createRange();
  range.selectNodeContents(block);
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (column <= node.data.length) {
      range.setStart(node, column);
      range.setEnd(node, Math.min(node.data.length, column + 1));
      break;
    }
    column -= node.data.length;
  }
  const box = mirror.getBoundingClientRect();
  const rect = range.getClientRects()[0] ?? block.getBoundingClientRect();
  // Rectangles are in zoomed pixels, scroll offsets in the element's own CSS pixels.
  const scale = mirror.offsetHeight ? box.height / mirror.offsetHeight : 1;
  return (rect.top - box.top) / scale + mirror.scrollTop - mirror.clientTop;
}

/**
 * Scrolls the textarea so that `offset` is in view (a third from the top) unless it already
 * is, and the mirror with it. Chromium scrolls a textarea to a new selection only sometimes
 * (not when it was scrolled since the last one), so a clicked finding far down stayed out of
 * sight. The mirror lays the text out as the textarea does, so it says where the offset is; a
 * long draft has no mirror text, and its position is then estimated by line.
 */
export function revealOffset(mirror: HTMLElement, input: HTMLTextAreaElement, offset: number) {
  const text = input.value;
  let top = offsetTop(mirror, text, offset);
  if (top === null) {
    const before = text.slice(0, offset).split('\n').length - 1;
    const lines = text.split('\n').length;
    top = (before / lines) * input.scrollHeight;
  }
  const lineHeight = parseFloat(getComputedStyle(input).lineHeight) || 24;
  const inView = top >= input.scrollTop && top + lineHeight <= input.scrollTop + input.clientHeight;
  if (!inView) input.scrollTop = Math.max(0, top - input.clientHeight / 3);
  alignMirror(mirror, input);
}
