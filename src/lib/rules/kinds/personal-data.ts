/**
 * `personal-data`: a personal number pasted into the mail — `id-number`, an 18-character 居民身份证号
 * whose check character is right by GB 11643-1999; `bank-card`, 13–19 digits (spaces or hyphens
 * between groups) passing the Luhn check of ISO/IEC 7812-1, unless one of `labels` (订单号, 编号 …)
 * stands within `labelWindow` characters before it: then it is an order or object number.
 */
import { z } from 'zod';
import { defineKind, textRuleFields } from './common';

export const personalDataKind = defineKind({
  schema: z
    .object({
      ...textRuleFields,
      kind: z.literal('personal-data'),
      check: z.enum(['id-number', 'bank-card']),
      labels: z.array(z.string().min(1)).optional(),
      labelWindow: z.number().int().positive().max(40).optional(),
    })
    .strict(),
  examples: 'text',
  matcher: 'personal-numbers.ts (finders) through rules-engine.ts (runTextRules)',
});
