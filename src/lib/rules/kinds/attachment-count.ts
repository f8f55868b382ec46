/** `attachment-count`: at most `max` files in one mail. */
import { z } from 'zod';
import { attachmentRuleFields, defineKind } from './common';

export const attachmentCountKind = defineKind({
  schema: z
    .object({
      ...attachmentRuleFields,
      kind: z.literal('attachment-count'),
      max: z.number().int().positive(),
    })
    .strict(),
  examples: 'attachments',
  matcher: 'check-attachments.ts',
});
