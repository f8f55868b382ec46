/**
 * `sections`: the draft's modules; each must be present (a missing one is reported by this rule).
 * A module is present when it is labelled (one of its `aliases` as a heading or label) or when a
 * line's content matches one of its `cues` (regular expressions, tested on the line folded as the
 * keyword pass folds it: half width, lower case, Simplified, without white space). A module
 * listed as `optionalIn` a checker context is not required there.
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
              /**
               * Checker contexts in which a mail may do without this module (an infringement
               * notice has legal elements, not an impact statement; a short question has no
               * incident to describe): there its absence is not reported.
               */
              optionalIn: z.array(z.string().min(1)).optional(),
              /** What the module needs, added to the finding (「问题描述」 needs a when as well as a what). */
              hint: z.string().min(2).optional(),
            })
            .strict(),
        )
        .min(1),
    })
    .strict(),
  examples: 'text',
  matcher: 'check-draft.ts (findSections) and detect-modules.ts (cues)',
});
