// Makes every Markdown table keyboard-focusable. Starlight shows content tables as scrolling
// blocks (display: block; overflow: auto), so on a phone a wide table scrolls sideways, and a
// scrolling region that cannot take focus cannot be scrolled without a mouse (WCAG 2.1.1).
import { defineHastPlugin } from 'satteri';

export function focusableTablesPlugin() {
  return defineHastPlugin({
    name: 'ks-focusable-tables',
    element: {
      filter: ['table'],
      visit(node, ctx) {
        if (node.properties?.tabIndex === undefined) ctx.setProperty(node, 'tabIndex', 0);
      },
    },
  });
}
