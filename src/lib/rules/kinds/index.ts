/**
 * The registry of rule kinds: a small closed set, one file each in this folder (as Vale keeps one
 * file per check type). A rule in a ruleset must be of one of these kinds; `ruleSchema` accepts
 * exactly them and the Rule types of ruleset.ts are derived from it. Build time only (zod).
 */
import { z } from 'zod';
import { attachmentBlockedKind } from './attachment-blocked';
import { attachmentCountKind } from './attachment-count';
import { attachmentEmptyKind } from './attachment-empty';
import { attachmentFormatKind } from './attachment-format';
import { attachmentNameKind } from './attachment-name';
import { attachmentSizeKind } from './attachment-size';
import { attachmentTypeMismatchKind } from './attachment-type-mismatch';
import { figuresKind } from './figures';
import { legalElementsKind } from './legal-elements';
import { patternKind } from './pattern';
import { personalDataKind } from './personal-data';
import { placeholdersKind } from './placeholders';
import { requiredKind } from './required';
import { sectionLengthKind } from './section-length';
import { sectionsKind } from './sections';
import { subjectPartKind } from './subject-part';
import { subjectWidthKind } from './subject-width';
import { unlabelledSectionKind } from './unlabelled-section';
import { wordsKind } from './words';

/** Every kind, in the order the guide explains them. Add a new kind here and nowhere else. */
export const RULE_KINDS = [
  wordsKind,
  patternKind,
  personalDataKind,
  requiredKind,
  sectionsKind,
  sectionLengthKind,
  unlabelledSectionKind,
  legalElementsKind,
  figuresKind,
  subjectPartKind,
  subjectWidthKind,
  placeholdersKind,
  attachmentCountKind,
  attachmentSizeKind,
  attachmentEmptyKind,
  attachmentFormatKind,
  attachmentTypeMismatchKind,
  attachmentBlockedKind,
  attachmentNameKind,
] as const;

type KindSchema = (typeof RULE_KINDS)[number]['schema'];

export const ruleSchema = z.discriminatedUnion(
  'kind',
  RULE_KINDS.map((definition) => definition.schema) as unknown as [KindSchema, ...KindSchema[]],
);

/** kind → how its examples run, read by rule-examples.ts. */
export const exampleRunnerOf = (kind: string) =>
  RULE_KINDS.find((definition) => definition.schema.shape.kind.value === kind)?.examples;
