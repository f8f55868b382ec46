/**
 * `ksmail law [<条文编号>] [--json]`: the pinned statute registry (src/content/law/), the same
 * texts the site quotes — one article by id (ndr-14, pipl-24-3 …), or without an id the list of
 * every id with its law and article. Not legal advice, and every output says so.
 */
import {
  copyLabel,
  daysBetween,
  NOT_LEGAL_ADVICE,
  REVIEW_MAX_AGE_DAYS,
  reviewDue,
  type RegistryEntry,
} from '../../lib/law/statute-registry';
import { shanghaiDate } from '../../lib/shanghai-time';
import { defineCommand, JSON_OPTION } from '../command';
import { lawRegistry } from '../data';
import { UsageError } from '../errors';
import { printJson } from '../output';

/** An entry as `--json` prints it: the stored fields, when the next review is due and whether it is overdue. */
function entryJson(entry: RegistryEntry, today: string) {
  return {
    ...entry,
    reviewDue: reviewDue(entry.lastReviewed),
    stale: daysBetween(entry.lastReviewed, today) > REVIEW_MAX_AGE_DAYS,
  };
}

function entryLines(entry: RegistryEntry, today: string): string[] {
  const stale = daysBetween(entry.lastReviewed, today) > REVIEW_MAX_AGE_DAYS;
  return [
    `${entry.lawName}${entry.article}（${entry.id}）`,
    '',
    ...entry.text.split('\n'),
    '',
    `版本：${entry.version}`,
    `核对：${entry.authority}`,
    `本站核对的副本：${copyLabel(entry.copy)}${entry.copy.kind === 'page' ? '（二手副本）' : ''}`,
    `最近核对：${entry.lastReviewed}${stale ? `（已超过 ${REVIEW_MAX_AGE_DAYS} 天，需要重新核对）` : ''}`,
    `${NOT_LEGAL_ADVICE}。`,
  ];
}

export const law = defineCommand({
  name: 'law',
  description: '列出本站引用的法条（逐字原文、版本、核对来源）；给出编号时显示该条全文',
  usage: ['law [<条文编号>] [--json]'],
  options: [JSON_OPTION],
  run({ positionals, values, io }) {
    if (positionals.length > 1)
      throw new UsageError(`law 只接受一个条文编号，收到 ${positionals.length} 个：${positionals.join(' ')}`);
    const today = shanghaiDate(Date.now());
    const entries = lawRegistry(today);
    const id = positionals[0]?.trim();
    if (id === undefined) {
      if (values.json)
        printJson(io, { entries: entries.map((entry) => entryJson(entry, today)), notice: NOT_LEGAL_ADVICE });
      else {
        for (const entry of entries) io.stdout(`${entry.id}  ${entry.shortName}${entry.article}`);
        io.stdout(`${NOT_LEGAL_ADVICE}。查看一条的全文：ksmail law <条文编号>`);
      }
      return 0;
    }
    const entry = entries.find((candidate) => candidate.id === id);
    if (!entry) {
      const law = id.replace(/-\d.*$/, '');
      const near = entries.filter((candidate) => candidate.law === law).map((candidate) => candidate.id);
      throw new UsageError(
        `法条登记表中没有 "${id}"。${near.length > 0 ? `同一法律已登记：${near.join('、')}。` : ''}用 ksmail law 列出全部编号。`,
      );
    }
    if (values.json) printJson(io, { ...entryJson(entry, today), notice: NOT_LEGAL_ADVICE });
    else for (const line of entryLines(entry, today)) io.stdout(line);
    return 0;
  },
});
