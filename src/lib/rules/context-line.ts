/**
 * The line under the draft checker that says in which case the draft was read: the one the
 * reader chose, the one the checker assumed (and how to change it), or none. Pure; a module of
 * its own so the island can show it without loading the rules code (draft-engine.ts).
 */
import type { CheckContext } from './check-context';

export function contextLine(context: CheckContext | null): string {
  if (!context) return '没有判断出是哪类事：按全部规则检查。在上方“选择诉求”里选一项，检查会按那类事调整。';
  return context.inferred
    ? `按“${context.label}”检查（根据主题和正文推断；不对的话，在上方“选择诉求”里选择你的情况）。`
    : `按“${context.label}”检查（你选择的诉求）。`;
}
