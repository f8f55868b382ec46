/** `subject-width`: the subject's type and ID must end within `columns` display columns (a phone's list). */
import { z } from 'zod';
import { defineKind, textRuleFields } from './common';

export const subjectWidthKind = defineKind({
  schema: z
    .object({ ...textRuleFields, kind: z.literal('subject-width'), columns: z.number().int().positive() })
    .strict(),
  examples: 'text',
  matcher: 'check-subject.ts',
});
