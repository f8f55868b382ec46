/** `subject-part`: a part of the three-part subject (type, ID, request) that must be present. */
import { z } from 'zod';
import { defineKind, textRuleFields } from './common';

export const subjectPartKind = defineKind({
  schema: z
    .object({ ...textRuleFields, kind: z.literal('subject-part'), part: z.enum(['type', 'id', 'request']) })
    .strict(),
  examples: 'text',
  matcher: 'check-subject.ts',
});
