// Prepares every Markdown table for a phone and for the keyboard (not the tables of components,
// which write the same markup themselves, nor tables that islands build in the browser).
// - Focusable: Starlight shows content tables as scrolling blocks (display: block; overflow:
//   auto), and a scrolling region that cannot take focus cannot be scrolled without a mouse
//   (WCAG 2.1.1).
// - Cards on a phone: a table of three or more columns gets the class ks-cards, a wrapper that
//   is the CSS container its width is measured against, and on each body cell its column header
//   as data-label; src/styles/site.css shows such a table as one card per row, each value after
//   its header, when the wrapper is narrower than 600 px (a 9-column table on a 360 px phone had
//   one character per line).
// - Explicit ARIA table roles, because a table laid out as blocks can lose its table semantics
//   in some browsers, and the headers are what a screen reader announces (the CSS labels are
//   hidden from it).
import { defineHastPlugin } from 'satteri';

/** Tables with fewer columns fit a phone as they are. */
export const CARD_MIN_COLUMNS = 3;

const ROLES = { thead: 'rowgroup', tbody: 'rowgroup', tfoot: 'rowgroup', tr: 'row', td: 'cell' };

const elements = (node, tagName) =>
  (node.children ?? []).filter(
    (child) => child.type === 'element' && (!tagName || child.tagName === tagName),
  );

/** The rows of a table, whether or not the Markdown produced thead/tbody. */
const rowsOf = (table) =>
  elements(table).flatMap((child) => (child.tagName === 'tr' ? [child] : elements(child, 'tr')));

export function focusableTablesPlugin() {
  return defineHastPlugin({
    name: 'ks-focusable-tables',
    element: {
      filter: ['table'],
      visit(table, ctx) {
        if (table.properties?.tabIndex === undefined) ctx.setProperty(table, 'tabIndex', 0);
        const [head, ...body] = rowsOf(table);
        if (!head) return;
        const labels = elements(head).map((cell) => ctx.textContent(cell).trim());
        if (labels.length < CARD_MIN_COLUMNS) return;

        ctx.setProperty(table, 'role', 'table');
        ctx.setProperty(table, 'className', [...(table.properties?.className ?? []), 'ks-cards']);
        for (const group of elements(table))
          if (ROLES[group.tagName]) ctx.setProperty(group, 'role', ROLES[group.tagName]);
        for (const row of [head, ...body]) ctx.setProperty(row, 'role', 'row');
        for (const cell of elements(head)) ctx.setProperty(cell, 'role', 'columnheader');
        for (const row of body) {
          elements(row).forEach((cell, index) => {
            ctx.setProperty(cell, 'role', cell.tagName === 'th' ? 'rowheader' : 'cell');
            if (labels[index]) ctx.setProperty(cell, 'dataLabel', labels[index]);
          });
        }
        ctx.wrapNode(table, {
          type: 'element',
          tagName: 'div',
          properties: { className: ['ks-table-wrap'] },
          children: [],
        });
      },
    },
  });
}
