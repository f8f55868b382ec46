/**
 * `unlabelled-section`: a module that is present by its content (the `sections` rule's cues) but
 * has no label; the finding suggests one. At most one finding per module, never a warning's
 * weight: an unlabelled module is not a missing one.
 */
import { z } from 'zod';
import { defineKind, textRuleFields } from './common';

export const unlabelledSectionKind = defineKind({
  schema: z.object({ ...textRuleFields, kind: z.literal('unlabelled-section') }).strict(),
  examples: 'text',
  matcher: 'check-draft.ts (with detect-modules.ts)',
});
