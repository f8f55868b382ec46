/**
 * `placeholders`: blanks left from a template or a sample that were never filled in — XXX, 某某,
 * ＿＿＿, `{{…}}`, and a 【】/〔〕 whose content ends with a placeholder word (【处罚日期】). The
 * words are data; the shapes are fixed in the matcher (find-placeholders.ts). Not a check of
 * whether what was filled in is true.
 */
import { z } from 'zod';
import { defineKind, textRuleFields } from './common';

export const placeholdersKind = defineKind({
  schema: z
    .object({
      ...textRuleFields,
      kind: z.literal('placeholders'),
      /** A bracket whose content ends with one of these (日期, 编号, ID …) is a blank to fill. */
      words: z.array(z.string().min(1)).min(1),
      // The finding names the blank, so the reader can find it in a long mail.
      message: z.string().min(4).includes('{placeholder}', { message: '消息中应包含 {placeholder}' }),
    })
    .strict(),
  examples: 'text',
  matcher: 'find-placeholders.ts (called from rules-engine.ts runTextRules)',
});
