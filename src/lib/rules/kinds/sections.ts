/**
 * `sections`: the draft's modules; each must be present (a missing one is reported by this rule).
 * A module is present when it is labelled (one of its `aliases` as a heading or label) or when a
 * line's content matches one of its `cues` (regular expressions, tested on the line folded as the
 * keyword pass folds it: half width, lower case, Simplified, without white space).
 */
import { z } from 'zod';
import { defineKind, regexSource, textRuleFields } from './common';

export const sectionsKind = defineKind({
  schema: z
    .object({
      ...textRuleFields,
      kind: z.literal('sections'),
      sections: z
        .array(
          z
            .object({
              name: z.string(),
              aliases: z.array(z.string().min(1)).min(1),
              cues: z.array(regexSource).optional(),
            })
            .strict(),
        )
        .min(1),
    })
    .strict(),
  examples: 'text',
  matcher: 'check-draft.ts (findSections) and detect-modules.ts (cues)',
});
