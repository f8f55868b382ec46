/**
 * The checks clocks.yaml gets wherever it loads (the build, ksmail): its examples on the tools'
 * calendar (with the statutory holidays of unpublished years), each law basis quoted exactly from
 * the registry, and the cadence clock's length equal to the ruleset's escalation day.
 */
import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { clockExampleProblems, type Clock } from '../follow-up/clocks';
import { quoteProblem, type RegistryEntry } from '../law/statute-registry';
import type { Ruleset } from '../rules/ruleset';
import { WorkCalendar } from '../work-calendar';
import { installedFallbackHolidays } from './festival-dates';

/** The calendar the planner, ksmail and the clocks use. */
export const installedCalendar = () => new WorkCalendar(holidayData, installedFallbackHolidays(holidayData));

/** Every problem of the clocks, in Chinese; empty when they hold. */
export function clockProblems(
  clocks: readonly Clock[],
  law: readonly RegistryEntry[],
  ruleset: Pick<Ruleset, 'version' | 'cadence'>,
  calendar: WorkCalendar = installedCalendar(),
): string[] {
  const problems = clockExampleProblems(clocks, calendar);
  for (const clock of clocks) {
    if (clock.basis.kind !== 'law') continue;
    const { lawId, quote } = clock.basis;
    const entry = law.find((candidate) => candidate.id === lawId);
    if (!entry) problems.push(`时钟 ${clock.id} 引用了登记簿里没有的条文：${lawId}`);
    else {
      const problem = quoteProblem(entry, quote, { excerpt: true });
      if (problem) problems.push(`时钟 ${clock.id}：${problem}`);
    }
  }
  const escalate = ruleset.cadence?.find((step) => step.id === 'escalate');
  const cadence = clocks.find((clock) => clock.group === 'cadence');
  if (escalate && cadence && cadence.length !== escalate.day)
    problems.push(
      `时钟 ${cadence.id} 的长度 ${cadence.length} 与规则集 ${ruleset.version} 的升级节点第 ${escalate.day} 天不一致`,
    );
  return problems;
}
