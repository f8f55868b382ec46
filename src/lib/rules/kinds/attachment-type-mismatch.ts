/** `attachment-type-mismatch`: content (magic bytes) that does not match the extension. */
import { z } from 'zod';
import { attachmentRuleFields, defineKind } from './common';

export const attachmentTypeMismatchKind = defineKind({
  schema: z.object({ ...attachmentRuleFields, kind: z.literal('attachment-type-mismatch') }).strict(),
  examples: 'attachments',
  matcher: 'check-attachments.ts',
});
