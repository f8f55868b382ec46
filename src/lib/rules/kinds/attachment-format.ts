/** `attachment-format`: a format outside the guide's table 4 (the allowed formats are read from that table). */
import { z } from 'zod';
import { attachmentRuleFields, defineKind } from './common';

export const attachmentFormatKind = defineKind({
  schema: z.object({ ...attachmentRuleFields, kind: z.literal('attachment-format') }).strict(),
  examples: 'attachments',
  matcher: 'check-attachments.ts',
});
