/**
 * The composer's rich-text code, loaded the first time the draft has text: the body's blocks
 * and HTML (lib/mail/mail-body.ts) and the preview drawn from the same blocks with DOM nodes
 * (text only ever as text nodes). Not the .eml (eml-draft.ts) and not the copy (copy-flow.ts).
 */
import type { MailBlock, Run } from '../../lib/mail/mail-body';

export { mailBlocks, mailHtml } from '../../lib/mail/mail-body';

/** The preview's nodes; `limit` is how many characters of the body were shown, when `truncated`. */
export function previewNodes(blocks: MailBlock[], truncated: boolean, limit: number): HTMLElement[] {
  const strong = (runs: Run[]) =>
    runs.map((run) => {
      if (!run.strong) return document.createTextNode(run.text);
      const bold = document.createElement('b');
      bold.textContent = run.text;
      return bold;
    });
  const nodes = blocks.map((block) => {
    if (block.kind === 'paragraph') {
      const paragraph = document.createElement('p');
      block.lines.forEach((runs, index) => {
        if (index) paragraph.append(document.createElement('br'));
        paragraph.append(...strong(runs));
      });
      return paragraph;
    }
    const table = document.createElement('table');
    table.className = 'ks-three-line';
    const head = table.createTHead().insertRow();
    for (const cell of block.table.header) {
      const th = document.createElement('th');
      th.textContent = cell;
      head.append(th);
    }
    const tbody = table.createTBody();
    block.table.rows.forEach((row, rowIndex) => {
      const tr = tbody.insertRow();
      row.forEach((cell, column) => {
        const td = tr.insertCell();
        td.textContent = cell;
        if (block.table.align[column] === 'right') td.style.textAlign = 'right';
        if (block.table.highlight[rowIndex]?.[column]) td.dataset.highlight = '';
      });
    });
    return table;
  });
  if (truncated) {
    const note = document.createElement('p');
    note.textContent = `……（预览只显示正文的前 ${limit.toLocaleString('zh-CN')} 字；复制和 .eml 草稿包含全文。）`;
    nodes.push(note);
  }
  return nodes;
}
