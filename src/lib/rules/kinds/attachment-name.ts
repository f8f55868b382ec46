/** `attachment-name`: one check of the `YYYYMMDD_事件类型.格式` name convention. */
import { z } from 'zod';
import { attachmentRuleFields, defineKind } from './common';

export const attachmentNameKind = defineKind({
  schema: z
    .object({
      ...attachmentRuleFields,
      kind: z.literal('attachment-name'),
      check: z.enum(['convention', 'event', 'date', 'future', 'characters', 'length']),
      /** For `length`: most characters a name may have. */
      maxLength: z.number().int().positive().optional(),
    })
    .strict()
    .refine((rule) => rule.check !== 'length' || rule.maxLength !== undefined, {
      message: 'check 为 length 时必须给出 maxLength',
      path: ['maxLength'],
    }),
  examples: 'attachments',
  matcher: 'check-attachments.ts',
});
