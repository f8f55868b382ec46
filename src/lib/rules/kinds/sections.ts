/** `sections`: the draft's modules; each must be present (a missing one is reported by this rule). */
import { z } from 'zod';
import { defineKind, textRuleFields } from './common';

export const sectionsKind = defineKind({
  schema: z
    .object({
      ...textRuleFields,
      kind: z.literal('sections'),
      sections: z
        .array(z.object({ name: z.string(), aliases: z.array(z.string().min(1)).min(1) }).strict())
        .min(1),
    })
    .strict(),
  examples: 'text',
  matcher: 'check-draft.ts (findSections)',
});
