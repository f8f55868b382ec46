/**
 * `subject-width`: the subject's type and ID must end within what a phone's mail list shows of
 * the subject: `ems` em as the list draws it in a proportional font (display-width.ts,
 * displayEms), or — older rulesets — `columns` monospace columns. A rule gives one of the two.
 */
import { z } from 'zod';
import { defineKind, textRuleFields } from './common';

export const subjectWidthKind = defineKind({
  schema: z
    .object({
      ...textRuleFields,
      kind: z.literal('subject-width'),
      columns: z.number().int().positive().optional(),
      ems: z.number().positive().optional(),
    })
    .strict(),
  examples: 'text',
  matcher: 'check-subject.ts',
});
