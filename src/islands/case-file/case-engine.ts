/**
 * What the case file loads as one chunk after its first load (the island's budget is 15 KB):
 * the schema (zod) that checks every saved case before it is shown, the follow-up plan and
 * calendar behind the next due step, the ladder, and the rendering of them. Every render needs
 * the schema anyway, so one chunk costs no extra wait, and the migration of the older tools'
 * data that case-store.ts runs (migrateIntoShelf takes it as an argument).
 */
export { readCase } from '../../lib/case-file/case-schema';
export { caseJsonText } from '../../lib/case-file/case-model';
export {
  clockReminders,
  clocksForType,
  runningClocks,
  withRunningClock,
} from '../../lib/case-file/case-clocks';
export { nextDueStep } from '../../lib/case-file/case-next';
export { LEGACY_KEYS, migrateLegacy } from '../../lib/case-file/case-migration';
export { escalationLadder } from '../../lib/case-file/case-ladder';
export { decodeHolidays, WorkCalendar } from '../../lib/work-calendar';
export { decodeFestivalDates, fallbackHolidays } from '../../lib/statutory-holidays';
export { clockItems, ladderItems, listItem, nextView, runningClockItems, stepItems } from './case-view';
