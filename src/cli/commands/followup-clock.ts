/**
 * `ksmail followup --clock <id> --start <date>`: one clock of clocks.yaml from a start date (due
 * date, what it counts, its basis with its mark, the 调休 notice when it crosses an unpublished
 * year); `--clock list` lists them; with `--ics FILE`, the due date as a calendar event (the same
 * event the case file's 加入日历 writes for a running clock). The data's own checks (examples, law
 * quotes) run first, so a broken clock is refused rather than printed.
 */
import { basisText, clockDue, clockMark, CLOCK_COUNT_LABELS, type Clock } from '../../lib/follow-up/clocks';
import { clockIcs } from '../../lib/follow-up/follow-up-ics';
import { chineseDate, chineseDateTime } from '../../lib/follow-up/follow-up-plan';
import { clockProblems, installedCalendar } from '../../lib/node/clock-checks';
import { loadRuleset } from '../../lib/node/load-ruleset';
import type { RegistryEntry } from '../../lib/law/statute-registry';
import type { CliIo } from '../command';
import { guideData, lawRegistry } from '../data';
import { DataError, UsageError } from '../errors';
import { refuseOverwrite, writeOutput } from '../input';
import { printJson } from '../output';

const GROUP_LABELS: Record<Clock['group'], string> = {
  cadence: '跟进节奏（原文称）',
  'reply-window': '答复时效（原文表6，原文称）',
  legal: '法律规定的期限',
  platform: '投诉平台公布的期限',
};

const lawNameOf = (law: readonly RegistryEntry[]) => (lawId: string) => {
  const entry = law.find((candidate) => candidate.id === lawId);
  return entry ? `${entry.lawName}${entry.article}` : undefined;
};

/** 「7 个工作日」「15 个自然日」「24 小时」. */
const lengthText = (clock: Clock) =>
  `${clock.length} ${clock.counts === 'hours' ? '' : '个'}${CLOCK_COUNT_LABELS[clock.counts]}`;

const dueText = (clock: Clock, due: string) =>
  clock.counts === 'hours' ? chineseDateTime(`${due}+08:00`) : chineseDate(due);

export function runClock(
  id: string,
  start: string | undefined,
  options: { json: boolean; today: string; ics?: string | undefined },
  io: CliIo,
): number {
  if (options.ics !== undefined && id === 'list')
    throw new UsageError('--clock list 不能与 --ics 一起使用：请给出一个时钟和 --start');
  if (options.ics !== undefined) refuseOverwrite(options.ics, [], '日历文件');
  const clocks = guideData().clocks;
  const law = lawRegistry(options.today);
  const calendar = installedCalendar();
  const problems = clockProblems(clocks, law, loadRuleset(), calendar);
  if (problems.length > 0) throw new DataError(`时钟数据有误（clocks.yaml）：${problems.join('；')}`);
  const lawName = lawNameOf(law);
  if (id === 'list') {
    if (options.json) printJson(io, { clocks: clocks.map(({ examples: _examples, ...clock }) => clock) });
    else
      for (const clock of clocks)
        io.stdout(`${clock.id}  ${clock.name}：${lengthText(clock)}（${GROUP_LABELS[clock.group]}）`);
    return 0;
  }
  const clock = clocks.find((candidate) => candidate.id === id);
  if (!clock)
    throw new UsageError(
      `没有名为“${id}”的时钟。可选的时钟：\n${clocks.map((candidate) => `  ${candidate.id}  ${candidate.name}`).join('\n')}\n（--clock list 列出全部）`,
    );
  if (start === undefined)
    throw new UsageError(`--clock 需要 --start <起算日期>，如 --clock ${clock.id} --start 2026-11-30`);
  const result = clockDue(clock, start, calendar);
  const basis = basisText(clock.basis, lawName);
  if (options.ics !== undefined) {
    const { id: clockId, name, counts, length, startsWhen, note } = clock;
    const reminder = { clockId, name, counts, length, startsWhen, note, basis, mark: clockMark(clock.basis) };
    const dates = { start: result.start, due: result.due, notices: result.notices };
    writeOutput(
      options.ics,
      clockIcs([{ ...reminder, ...dates, uidStem: `ksmail-${result.start}` }]),
      '日历文件',
    );
  }
  if (options.json) {
    printJson(io, {
      clock: clock.id,
      name: clock.name,
      counts: clock.counts,
      length: clock.length,
      start: result.start,
      due: result.due,
      startsWhen: clock.startsWhen,
      basis: { ...clock.basis, text: basis },
      notices: result.notices,
    });
    return 0;
  }
  io.stdout(`${clock.name}（${clock.id}，${GROUP_LABELS[clock.group]}）`);
  io.stdout(`起算：${result.start}（${clock.startsWhen}）`);
  io.stdout(
    `期限：${lengthText(clock)}${clock.counts === 'hours' ? '' : '，起算当日不计入'}，到期：${result.due}（${dueText(clock, result.due)}）`,
  );
  io.stdout(`依据：${basis}`);
  if (clock.note) io.stdout(`说明：${clock.note}`);
  for (const notice of result.notices) io.stdout(`注意：${notice}`);
  if (options.ics !== undefined) io.stdout(`已写入日历文件：${options.ics}`);
  return 0;
}
