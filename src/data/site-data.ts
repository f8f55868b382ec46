/**
 * Build-time data for the checker islands: the current ruleset and the subject types, as JSON
 * for a data-* attribute. The browser compiles it once; nothing is fetched at run time.
 */
import { resolve } from 'node:path';
import { loadGuideData } from '../lib/node/load-guide-data';
import { loadRuleset } from '../lib/node/load-ruleset';
import type { SubjectTypeInfo } from '../lib/rules/rules-engine';
import type { CadenceStep, Ruleset } from '../lib/rules/ruleset';
import type { FollowUpRow, SalesPeriodInfo } from '../lib/follow-up/follow-up-plan';
import type { AttachmentTypeInfo } from '../lib/attachments/check-attachments';

export interface CheckerData {
  ruleset: Ruleset;
  subjectTypes: SubjectTypeInfo[];
  /** request-routes id → subject type id, so the mailbox picker's choice preselects a type. */
  routeTypes: Record<string, string>;
  /** The guide's table 4: the attachment formats the checker allows. */
  attachmentTypes: AttachmentTypeInfo[];
}

// Astro bundles this module into dist/, so paths are taken from the project root (the build's cwd).
export const DATA_DIR = resolve(process.cwd(), 'src/content/data');
export const RULES_DIR = resolve(process.cwd(), 'src/content/rules');

export function checkerData(): CheckerData {
  const guide = loadGuideData(DATA_DIR);
  return {
    ruleset: loadRuleset({ dir: RULES_DIR, dataDir: DATA_DIR }),
    subjectTypes: guide.subjectTypes.map(({ id, label, priority, replyTime, keywords, idLabel }) => ({
      id,
      label,
      priority,
      replyTime,
      keywords,
      idLabel,
    })),
    routeTypes: Object.fromEntries(guide.requestRoutes.map((route) => [route.id, route.subjectType])),
    attachmentTypes: guide.attachmentTypes.map(({ id, kind, formats }) => ({ id, kind, formats })),
  };
}

/** The ruleset in effect, for pages that show its figures (one source with the checkers). */
export function currentRuleset(): Ruleset {
  return loadRuleset({ dir: RULES_DIR, dataDir: DATA_DIR });
}

export interface PlannerData {
  cadence: CadenceStep[];
  followUps: FollowUpRow[];
  salesPeriods: SalesPeriodInfo[];
  /** request-routes id → follow-ups id, so the mailbox picker's choice preselects the type. */
  routeFollowUps: Record<string, string>;
}

/** Build-time data for the follow-up planner island. */
export function plannerData(): PlannerData {
  const guide = loadGuideData(DATA_DIR);
  const ruleset = currentRuleset();
  return {
    cadence: ruleset.cadence ?? [],
    followUps: guide.followUps.map(({ id, business, commitment, followUp, escalation }) => ({
      id,
      business,
      commitment,
      followUp,
      escalation,
    })),
    salesPeriods: guide.salesPeriods.map(({ id, name, recurring, periods }) => ({
      id,
      name,
      recurring,
      periods,
    })),
    routeFollowUps: Object.fromEntries(guide.requestRoutes.map((route) => [route.id, route.followUp])),
  };
}
