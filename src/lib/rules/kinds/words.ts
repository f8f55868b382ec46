/** `words`: any word of the list, matched on folded text (full width, zero width and spaces ignored). */
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
    })
    .strict(),
  examples: 'text',
  matcher: 'rules-engine.ts (one keyword automaton for every word list, runTextRules)',
});
