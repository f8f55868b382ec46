/** `section-length`: each module at most `max` characters (white space and Markdown marks not counted). */
import { z } from 'zod';
import { defineKind, textRuleFields } from './common';

export const sectionLengthKind = defineKind({
  schema: z
    .object({ ...textRuleFields, kind: z.literal('section-length'), max: z.number().int().positive() })
    .strict(),
  examples: 'text',
  matcher: 'check-draft.ts',
});
