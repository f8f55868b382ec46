/**
 * The checked attachments that go out, into the evidence package or the .eml draft: every file but
 * executables, which Gmail blocks even inside an archive (the browser tools leave them out too).
 */
import type { AttachmentReport, AttachmentsResult } from '../lib/attachments/check-attachments';
import type { AttachmentOnDisk } from '../lib/node/attachment-files';

export interface Sendable {
  report: AttachmentReport;
  file: AttachmentOnDisk;
}

export const sendable = (result: AttachmentsResult, files: readonly AttachmentOnDisk[]): Sendable[] =>
  result.files
    .map((report, index) => ({ report, file: files[index]! }))
    .filter(({ report }) => !report.blocked);
