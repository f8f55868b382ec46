/** `attachment-size`: each file at most `maxBytes`; `categoryAdvice` replaces `advice` for video, archives … */
import { z } from 'zod';
import { attachmentRuleFields, defineKind, messageTemplate } from './common';

export const attachmentSizeKind = defineKind({
  schema: z
    .object({
      ...attachmentRuleFields,
      kind: z.literal('attachment-size'),
      maxBytes: z.number().int().positive(),
      advice: messageTemplate,
      categoryAdvice: z
        .partialRecord(z.enum(['image', 'video', 'document', 'archive', 'text']), messageTemplate)
        .optional(),
    })
    .strict(),
  examples: 'attachments',
  matcher: 'check-attachments.ts',
});
