/** `attachment-blocked`: executables and scripts, by extension or by content. */
import { z } from 'zod';
import { attachmentRuleFields, defineKind } from './common';

export const attachmentBlockedKind = defineKind({
  schema: z
    .object({
      ...attachmentRuleFields,
      kind: z.literal('attachment-blocked'),
      extensions: z.array(z.string().regex(/^[a-z0-9_]+$/, '扩展名用小写、不带点')).min(1),
    })
    .strict(),
  examples: 'attachments',
  matcher: 'check-attachments.ts',
});
