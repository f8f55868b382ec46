/** DOM helpers shared by the checker islands. Text only ever goes in through textContent. */
import type { FindingsDigest } from '../../lib/rules/draft-view';
import { describeSource, LISTED_FINDINGS, SEVERITY_LABELS, type Finding } from '../../lib/rules/ruleset';

const MAX_LISTED = LISTED_FINDINGS;

function countFindings(findings: readonly Finding[]) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return { total: findings.length, counts };
}

/** The one-line summary, from the findings or (a long draft) from their digest. */
export function summarize(findings: readonly Finding[] | FindingsDigest): string {
  const { total, counts } = 'counts' in findings ? findings : countFindings(findings);
  if (total === 0) return '没有发现问题。';
  return `发现 ${counts.error} 个错误、${counts.warning} 个警告、${counts.info} 条提示。`;
}

type FindingActions = { select: (finding: Finding) => void; fix: (finding: Finding) => void };

/** The finding an item stands for now and what its buttons do; reused items get new ones. */
const itemState = new WeakMap<Element, { key: string; finding?: Finding; actions: FindingActions }>();

function findingItem(finding: Finding, quoted: string, base: string, key: string, actions: FindingActions) {
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
  if (quoted) {
    const excerpt = document.createElement('q');
    excerpt.textContent = quoted;
    select.append(excerpt);
  }
  // Through itemState: the item may be kept for a later finding at another position.
  select.addEventListener('click', () => {
    const state = itemState.get(item)!;
    state.actions.select(state.finding!);
  });
  item.append(select);
  if (finding.fix) {
    const fix = document.createElement('button');
    fix.type = 'button';
    fix.className = 'ks-finding__fix';
    fix.dataset.fix = '';
    fix.textContent = finding.fix.text ? `改为“${finding.fix.text}”` : '删除';
    fix.addEventListener('click', () => {
      const state = itemState.get(item)!;
      state.actions.fix(state.finding!);
    });
    item.append(fix);
  }
  if (finding.guide) {
    const link = document.createElement('a');
    link.href = base + finding.guide.replace(/^\//, '');
    link.textContent = '说明';
    item.append(link);
  }
  // On whose authority the finding speaks: the article (unverified), a law, a standard, our advice.
  if (finding.source) {
    const source = document.createElement('small');
    source.className = 'ks-finding__source';
    source.dataset.source = finding.source.kind;
    source.textContent = describeSource(finding.source);
    item.append(source);
  }
  itemState.set(item, { key, finding, actions });
  return item;
}

/**
 * Replaces `parent`'s children with `wanted` (each with a key saying what it shows), keeping the
 * children at the start and at the end whose keys did not change. Typing changes one finding or
 * one line at a time; leaving the rest of the DOM alone spares the browser laying it out again.
 */
export function patchChildren<T>(
  parent: Element,
  wanted: readonly T[],
  keyOf: (value: T) => string,
  keyOfChild: (child: Element) => string | undefined,
  create: (value: T, key: string) => Element,
  reuse: (child: Element, value: T) => void = () => undefined,
) {
  const old = [...parent.children];
  const keys = wanted.map(keyOf);
  let head = 0;
  while (head < old.length && head < keys.length && keyOfChild(old[head]!) === keys[head]) head += 1;
  let tail = 0;
  while (
    tail < old.length - head &&
    tail < keys.length - head &&
    keyOfChild(old[old.length - 1 - tail]!) === keys[keys.length - 1 - tail]
  )
    tail += 1;
  for (let index = 0; index < head; index += 1) reuse(old[index]!, wanted[index]!);
  for (let index = 0; index < tail; index += 1)
    reuse(old[old.length - 1 - index]!, wanted[wanted.length - 1 - index]!);
  for (const child of old.slice(head, old.length - tail)) child.remove();
  const fresh = wanted
    .slice(head, wanted.length - tail)
    .map((value, index) => create(value, keys[head + index]!));
  const before = old[old.length - tail] ?? null;
  if (fresh.length) {
    if (before) before.before(...fresh);
    else parent.append(...fresh);
  }
}

/**
 * Renders the findings list: each item selects its range on click and may offer a fix. Items
 * whose finding reads the same (rule, message, quoted text, fix) are kept, pointing at the new
 * finding; the output is the same as building the list afresh.
 */
export function renderFindings(
  list: HTMLElement,
  findings: readonly Finding[],
  text: string,
  base: string,
  actions: FindingActions,
  /** How many findings there are in all, when `findings` holds only the first ones. */
  total = findings.length,
) {
  const shown = findings.slice(0, MAX_LISTED).map((finding) => {
    const quoted = text.slice(finding.start, Math.min(finding.end, finding.start + 40));
    return { finding, quoted };
  });
  const more = total > MAX_LISTED ? `还有 ${total - MAX_LISTED} 条未列出，请先处理上面的问题。` : null;
  type Entry = (typeof shown)[number] | { more: string };
  const entries: Entry[] = more === null ? shown : [...shown, { more }];
  patchChildren<Entry>(
    list,
    entries,
    (entry) =>
      'more' in entry
        ? JSON.stringify(['more', entry.more])
        : JSON.stringify([
            entry.finding.rule,
            entry.finding.severity,
            entry.finding.message,
            entry.quoted,
            entry.finding.fix ? entry.finding.fix.text : null,
            entry.finding.guide ?? null,
            entry.finding.source ? describeSource(entry.finding.source) : null,
            base,
          ]),
    (child) => itemState.get(child)?.key,
    (entry, key) => {
      if ('more' in entry) {
        const item = document.createElement('li');
        item.textContent = entry.more;
        itemState.set(item, { key, actions });
        return item;
      }
      return findingItem(entry.finding, entry.quoted, base, key, actions);
    },
    (child, entry) => {
      const state = itemState.get(child)!;
      if (!('more' in entry)) state.finding = entry.finding;
      state.actions = actions;
    },
  );
}
