/** `pattern`: a regular expression on the original text. */
import { z } from 'zod';
import { defineKind, regexSource, textRuleFields } from './common';

export const patternKind = defineKind({
  schema: z
    .object({
      ...textRuleFields,
      kind: z.literal('pattern'),
      pattern: regexSource,
      replaceWith: z.string().optional(),
    })
    .strict(),
  examples: 'text',
  matcher: 'rules-engine.ts (runTextRules)',
});
