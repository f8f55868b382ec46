/** DOM helpers shared by the checker islands. Text only ever goes in through textContent. */
import type { Finding } from '../lib/ruleset';

const SEVERITY_LABELS = { error: '错误', warning: '警告', info: '提示' } as const;
const MAX_LISTED = 200;

export function summarize(findings: readonly Finding[]): string {
  if (findings.length === 0) return '没有发现问题。';
  const count = (severity: Finding['severity']) =>
    findings.filter((finding) => finding.severity === severity).length;
  return `发现 ${count('error')} 个错误、${count('warning')} 个警告、${count('info')} 条提示。`;
}

/** Renders the findings list: each item selects its range on click and may offer a fix. */
export function renderFindings(
  list: HTMLElement,
  findings: readonly Finding[],
  text: string,
  base: string,
  actions: { select: (finding: Finding) => void; fix: (finding: Finding) => void },
) {
  const items = findings.slice(0, MAX_LISTED).map((finding) => {
    const item = document.createElement('li');
    item.className = `ks-finding ks-finding--${finding.severity}`;
    item.dataset.rule = finding.rule;
    const select = document.createElement('button');
    select.type = 'button';
    select.className = 'ks-finding__select';
    const badge = document.createElement('span');
    badge.className = 'ks-finding__badge';
    badge.textContent = SEVERITY_LABELS[finding.severity];
    const message = document.createElement('span');
    message.textContent = finding.message;
    select.append(badge, message);
    const quoted = text.slice(finding.start, Math.min(finding.end, finding.start + 40));
    if (quoted) {
      const excerpt = document.createElement('q');
      excerpt.textContent = quoted;
      select.append(excerpt);
    }
    select.addEventListener('click', () => actions.select(finding));
    item.append(select);
    if (finding.fix) {
      const fix = document.createElement('button');
      fix.type = 'button';
      fix.className = 'ks-finding__fix';
      fix.dataset.fix = '';
      fix.textContent = finding.fix.text ? `改为“${finding.fix.text}”` : '删除';
      fix.addEventListener('click', () => actions.fix(finding));
      item.append(fix);
    }
    if (finding.guide) {
      const link = document.createElement('a');
      link.href = base + finding.guide.replace(/^\//, '');
      link.textContent = '说明';
      item.append(link);
    }
    return item;
  });
  if (findings.length > MAX_LISTED) {
    const more = document.createElement('li');
    more.textContent = `还有 ${findings.length - MAX_LISTED} 条未列出，请先处理上面的问题。`;
    items.push(more);
  }
  list.replaceChildren(...items);
}

/** Fills a mirror element with the text, wrapping finding ranges in <mark> (for highlighting). */
export function renderHighlights(mirror: HTMLElement, text: string, findings: readonly Finding[]) {
  const ranges = findings
    .filter((finding) => finding.end > finding.start)
    .map((finding) => [finding.start, finding.end, finding.severity] as const)
    .sort((a, b) => a[0] - b[0]);
  const nodes: Node[] = [];
  let cursor = 0;
  for (const [start, end, severity] of ranges) {
    if (start < cursor) continue;
    if (start > cursor) nodes.push(document.createTextNode(text.slice(cursor, start)));
    const mark = document.createElement('mark');
    mark.className = `ks-mark ks-mark--${severity}`;
    mark.textContent = text.slice(start, end);
    nodes.push(mark);
    cursor = end;
  }
  // A trailing newline needs a character after it to take up a line in the mirror.
  nodes.push(document.createTextNode(`${text.slice(cursor)}\u200B`));
  mirror.replaceChildren(...nodes);
}
