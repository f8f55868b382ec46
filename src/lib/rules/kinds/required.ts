/**
 * `required`: at least one of the patterns must occur somewhere (contact details, an ID).
 * `orInSubject`: the mail's subject counts too (an ID in the subject locates the object as well).
 */
import { z } from 'zod';
import { defineKind, regexSource, textRuleFields } from './common';

export const requiredKind = defineKind({
  schema: z
    .object({
      ...textRuleFields,
      kind: z.literal('required'),
      patterns: z.array(regexSource).min(1),
      orInSubject: z.boolean().optional(),
    })
    .strict(),
  examples: 'text',
  matcher: 'rules-engine.ts (runRequiredRules)',
});
