/** The draft checker's highlight mirror (only it has one; kept out of the shared findings list). */
import type { HighlightLine } from '../../lib/rules/draft-view';
import { patchChildren } from '../shared/findings-view';

const lineKeys = new WeakMap<Element, string>();

/**
 * Fills a mirror element with the text, one block per line, wrapping finding ranges in <mark>
 * (for highlighting). Lines that did not change are kept, so a keystroke re-lays out one line,
 * not the whole draft.
 */
export function renderHighlights(mirror: HTMLElement, lines: readonly HighlightLine[]) {
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
}
