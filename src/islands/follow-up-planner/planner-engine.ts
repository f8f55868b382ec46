/**
 * What the follow-up planner loads as one chunk after its first load (the island's budget is
 * 15 KB): the case schema (zod) that checks every saved case before it is planned for, the
 * migration of the older tools' data, the case file's next due step and the follow-up plan with
 * its calendar, and the rendering of a plan. The same modules as the case file's chunk
 * (case-engine.ts): the planner is a view of the same cases, planned by the same code.
 */
export { readCase } from '../../lib/case-file/case-schema';
export { LEGACY_KEYS, migrateLegacy } from '../../lib/case-file/case-migration';
export { nextDueStep } from '../../lib/case-file/case-next';
export { mailCases, recordPlannedMail } from '../../lib/case-file/planner-case';
export {
  chineseDate,
  followUpMail,
  FollowUpInputError,
  parseSentTime,
  planFollowUp,
} from '../../lib/follow-up/follow-up-plan';
export { decodeHolidays, WorkCalendar } from '../../lib/work-calendar';
export { decodeFestivalDates, fallbackHolidays } from '../../lib/statutory-holidays';
export { renderPlan } from './plan-view';
