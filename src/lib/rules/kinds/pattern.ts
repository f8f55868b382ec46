/**
 * `pattern`: a regular expression on the original text.
 *
 * `rewrite`: where the same sentence holds a finding of one of `when` (an accusation, pressure),
 * a mechanical fix would keep the accusation (「你们负不负责？？」→「你们负不负责。」): the finding
 * then offers no fix and suggests `text`, a neutral sentence, in its message instead.
 */
import { z } from 'zod';
import { defineKind, regexSource, textRuleFields } from './common';

export const patternKind = defineKind({
  schema: z
    .object({
      ...textRuleFields,
      kind: z.literal('pattern'),
      pattern: regexSource,
      replaceWith: z.string().optional(),
      rewrite: z
        .object({ text: z.string().min(2), when: z.array(z.string().min(1)).min(1) })
        .strict()
        .optional(),
    })
    .strict(),
  examples: 'text',
  matcher: 'rules-engine.ts (runTextRules)',
});
