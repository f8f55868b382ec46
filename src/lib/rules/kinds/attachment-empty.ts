/** `attachment-empty`: a file of 0 bytes. */
import { z } from 'zod';
import { attachmentRuleFields, defineKind } from './common';

export const attachmentEmptyKind = defineKind({
  schema: z.object({ ...attachmentRuleFields, kind: z.literal('attachment-empty') }).strict(),
  examples: 'attachments',
  matcher: 'check-attachments.ts',
});
