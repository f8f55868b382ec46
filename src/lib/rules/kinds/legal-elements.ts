/**
 * `legal-elements`: one statutory element a notice must carry (an infringement notice under
 * 《信息网络传播权保护条例》第十四条 and 《民法典》第一千一百九十五条, a counter-notice under 第十六条
 * and 第一千一百九十六条): who sends it, how to reach them, where, which work, what proof, and the
 * statement taking responsibility for its truth. An element has one or more `parts` (a work needs
 * its name and its link or ID); a part is present when one of its `cues` (regular expressions on
 * the folded text, as the keyword pass folds it) matches, or one of its `attachmentCues` matches
 * an attachment's name (proof attached rather than described). `when` limits the rule to mails
 * that match one of its patterns (the authorization only for an agent's notice). A missing part is
 * reported with its one-sentence `advice`.
 *
 * Not a legal opinion: the cues find whether an element is written at all, not whether it holds.
 * The rule runs only in a known case listed in its `contexts.only` (given or inferred): outside a
 * notice these elements mean nothing.
 */
import { z } from 'zod';
import { defineKind, regexSource, textRuleFields } from './common';

export const legalElementsKind = defineKind({
  schema: z
    .object({
      ...textRuleFields,
      kind: z.literal('legal-elements'),
      when: z.array(regexSource).min(1).optional(),
      parts: z
        .array(
          z
            .object({
              name: z.string().min(2),
              cues: z.array(regexSource).min(1),
              attachmentCues: z.array(regexSource).min(1).optional(),
              /** One plain sentence: what to add. */
              advice: z.string().min(4),
            })
            .strict(),
        )
        .min(1),
    })
    .strict()
    .refine((rule) => rule.contexts?.only !== undefined, '法定要素规则必须用 contexts.only 指明案件'),
  examples: 'text',
  matcher: 'check-legal-elements.ts (called by check-draft.ts)',
});
