/** `figures`: figures (numbers with % or a unit) in running text that are neither bold nor in a table. */
import { z } from 'zod';
import { defineKind, textRuleFields } from './common';

export const figuresKind = defineKind({
  schema: z
    .object({ ...textRuleFields, kind: z.literal('figures'), units: z.array(z.string().min(1)).min(1) })
    .strict(),
  examples: 'text',
  matcher: 'check-draft.ts',
});
