import type { PlanContext } from '../follow-up/follow-up-plan';
import { installedCalendar } from './clock-checks';
import { loadGuideData } from './load-guide-data';
import { loadRuleset } from './load-ruleset';

/**
 * The planner's data for the command line and tests: table 6, the cadence, sales periods, holidays
 * (with the statutory holidays of years the dataset does not cover).
 */
export function loadPlanContext(options: Parameters<typeof loadRuleset>[0] = {}): PlanContext {
  const ruleset = loadRuleset(options);
  const guide = loadGuideData(options.dataDir);
  if (!ruleset.cadence?.length) throw new Error(`规则集 ${ruleset.version} 没有跟进节奏（cadence）`);
  return {
    calendar: installedCalendar(),
    followUps: guide.followUps,
    cadence: ruleset.cadence,
    salesPeriods: guide.salesPeriods,
  };
}
