/**
 * The attachment checker's checking code — file signatures, the rules, the package's names and
 * predicted size — as one chunk, loaded when the first file is chosen: a page that shows the
 * checker but where nobody picks a file downloads only the island's shell (the 15 KB budget).
 * Re-exports only; the logic is in src/lib/attachments. Not the ZIP writer (evidence-builder.ts).
 */
export {
  checkAttachmentName,
  checkAttachments,
  compileAttachmentRules,
  mimeForAttachment,
} from '../../lib/attachments/check-attachments';
export { entryNames, predictPackageSize } from '../../lib/attachments/evidence-manifest';
export { HEAD_BYTES, ZIP_MAGIC } from '../../lib/attachments/file-signature';
