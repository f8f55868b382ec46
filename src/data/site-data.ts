/**
 * Build-time data for pages and islands, read from the content collections (which
 * src/lib/node/site-content.ts fills once per build): the rulesets, and what each island needs,
 * shaped for the page-data block (src/islands/shared/PageData.astro). Nothing here reads files.
 */
import { getCollection } from 'astro:content';
import type { AttachmentTypeInfo } from '../lib/attachments/check-attachments';
import type { FollowUpRow, SalesPeriodInfo } from '../lib/follow-up/follow-up-plan';
import type { SubjectTypeInfo } from '../lib/rules/rules-engine';
import { compareVersions, type CadenceStep, type Ruleset } from '../lib/rules/ruleset';
import { routedReplyTime } from '../lib/routing';
import { SIMPLIFIED_TABLE } from '../lib/t2s-table';
import type { SimplifiedTable } from '../lib/text-normalize';
import { getGuideTable, getResolvedRoutes } from './guide-table';

/** Every ruleset version, oldest first. */
export async function allRulesets(): Promise<Ruleset[]> {
  const entries = await getCollection('rulesets');
  return entries.map((entry) => entry.data).sort((a, b) => compareVersions(a.version, b.version));
}

/** The ruleset in effect at build time: the newest one whose date has come. */
export async function currentRuleset(): Promise<Ruleset> {
  const today = new Date().toISOString().slice(0, 10);
  const all = await allRulesets();
  return all.filter((ruleset) => ruleset.effective <= today).at(-1) ?? all[0]!;
}

export interface CheckerData {
  ruleset: Ruleset;
  subjectTypes: SubjectTypeInfo[];
  /** request-routes id → subject type id, so the mailbox picker's choice preselects a type. */
  routeTypes: Record<string, string>;
  /** The guide's table 4: the attachment formats the checker allows. */
  attachmentTypes: AttachmentTypeInfo[];
  /** Traditional → Simplified for folding (t2s-table.ts): data, outside the islands' JS budget. */
  simplified: SimplifiedTable;
}

/** What the subject, draft and attachment checkers and the composer share: one copy a page. */
export async function checkerData(): Promise<CheckerData> {
  const [ruleset, subjectTypes, routes, attachmentTypes, resolved] = await Promise.all([
    currentRuleset(),
    getGuideTable('subjectTypes'),
    getGuideTable('requestRoutes'),
    getGuideTable('attachmentTypes'),
    getResolvedRoutes(),
  ]);
  return {
    // Without the rules' examples: they run at build (rule-examples.ts) and in the published
    // rules JSON; on every page with a checker they were a quarter of its data for nothing.
    ruleset: {
      ...ruleset,
      rules: ruleset.rules.map(({ examples: _examples, ...rule }) => rule) as Ruleset['rules'],
    },
    subjectTypes: subjectTypes.map(({ id, label, priority, keywords, idLabel, editorial }) => ({
      id,
      label,
      priority,
      replyTime: routedReplyTime(id, resolved),
      keywords,
      idLabel,
      editorial,
    })),
    routeTypes: Object.fromEntries(routes.map((route) => [route.id, route.subjectType])),
    attachmentTypes: attachmentTypes.map(({ id, kind, formats }) => ({ id, kind, formats })),
    simplified: SIMPLIFIED_TABLE,
  };
}

export interface PlannerData {
  cadence: CadenceStep[];
  followUps: FollowUpRow[];
  salesPeriods: SalesPeriodInfo[];
  /** request-routes id → follow-ups id, so the mailbox picker's choice preselects the type. */
  routeFollowUps: Record<string, string>;
}

/** Build-time data for the follow-up planner island. */
export async function plannerData(): Promise<PlannerData> {
  const [ruleset, followUps, salesPeriods, routes] = await Promise.all([
    currentRuleset(),
    getGuideTable('followUps'),
    getGuideTable('salesPeriods'),
    getGuideTable('requestRoutes'),
  ]);
  return {
    cadence: ruleset.cadence ?? [],
    followUps: followUps.map(({ id, business, commitment, followUp, escalation }) => ({
      id,
      business,
      commitment,
      followUp,
      escalation,
    })),
    salesPeriods: salesPeriods.map(({ id, name, recurring, periods }) => ({ id, name, recurring, periods })),
    routeFollowUps: Object.fromEntries(routes.map((route) => [route.id, route.followUp])),
  };
}
