/**
 * `words`: any word of the list, matched on folded text (full width, zero width and spaces ignored).
 *
 * Two small data mechanisms keep a word list from firing where the words mean something else:
 * - `except`: phrases that cancel a hit they contain (转投快手 is not a threat to leave: 转投
 *   inside it is not reported);
 * - `requiresNear`: words of the list that only count with one of `near` within `window`
 *   characters (of the folded text) before or after them — 游行 fires next to 政府 or 抗议, not in
 *   「花车游行」. Words not listed there fire alone (台独-type terms).
 */
import { z } from 'zod';
import { defineKind, textRuleFields } from './common';

export const wordsKind = defineKind({
  schema: z
    .object({
      ...textRuleFields,
      kind: z.literal('words'),
      words: z.array(z.string().min(1)).min(1),
      /** Suggested replacement for every word, or '' to delete it. */
      replaceWith: z.string().optional(),
      except: z.array(z.string().min(2)).min(1).optional(),
      requiresNear: z
        .object({
          words: z.array(z.string().min(1)).min(1),
          near: z.array(z.string().min(1)).min(1),
          window: z.number().int().positive().max(200),
        })
        .strict()
        .optional(),
    })
    .strict()
    .refine(
      (rule) => (rule.requiresNear?.words ?? []).every((word) => rule.words.includes(word)),
      'requiresNear.words 中的词也必须列在 words 里',
    ),
  examples: 'text',
  matcher: 'rules-engine.ts (one keyword automaton for every word list, runTextRules)',
});
