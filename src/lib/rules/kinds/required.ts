/** `required`: at least one of the patterns must occur somewhere (contact details, an ID). */
import { z } from 'zod';
import { defineKind, regexSource, textRuleFields } from './common';

export const requiredKind = defineKind({
  schema: z
    .object({ ...textRuleFields, kind: z.literal('required'), patterns: z.array(regexSource).min(1) })
    .strict(),
  examples: 'text',
  matcher: 'rules-engine.ts (runRequiredRules)',
});
