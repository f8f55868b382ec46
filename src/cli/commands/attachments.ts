/**
 * `ksmail attachments`: checks the files meant for one mail — type, size, name — and with --zip
 * writes them into an evidence package (manifest and SHA-256 sums; executables stay out).
 */
import { formatBytes } from '../../lib/byte-size';
import {
  mimeForAttachment,
  checkAttachments,
  hasErrors,
  type AttachmentsResult,
  type CompiledAttachmentRules,
} from '../../lib/attachments/check-attachments';
import { EvidencePackageError } from '../../lib/attachments/evidence-package';
import { readAttachment, writeEvidencePackage, type AttachmentOnDisk } from '../../lib/node/attachment-files';
import { shanghaiDate } from '../../lib/shanghai-time';
import { defineCommand, JSON_OPTION, RULES_OPTION, type CliIo } from '../command';
import { attachmentRules } from '../data';
import { UsageError } from '../errors';
import { refuseOverwrite, writeFailure } from '../input';
import { plainFinding, printJson, severityLabel } from '../output';
import { sendable } from '../sendable';

interface EvidencePackage {
  path: string;
  size: number;
  /** Names of the files left out (executables). */
  excluded: string[];
  /** The package itself checked as an attachment. */
  result: AttachmentsResult;
}

/** Writes the package to `path`, then checks it as the attachment it will be. */
async function writePackage(
  path: string,
  files: readonly AttachmentOnDisk[],
  result: AttachmentsResult,
  rules: CompiledAttachmentRules,
  today: string,
): Promise<EvidencePackage> {
  const packed = sendable(result, files);
  const entries = packed.map(({ report, file }) => ({
    path: file.path,
    name: report.suggestedName,
    originalName: file.name,
    size: file.size,
    type: report.detected?.label ?? '未识别',
    mime: mimeForAttachment(report.detected, report.suggestedName),
    lastModified: file.lastModified ?? Date.now(),
  }));
  await writeEvidencePackage(entries, path).catch((error: unknown) => {
    // Too many or too large files, or a file that grew: the message says which.
    if (error instanceof EvidencePackageError) throw error;
    throw writeFailure('证据包', path, error);
  });
  const written = readAttachment(path);
  const packageName = `${today.replaceAll('-', '')}_证据包.zip`;
  return {
    path,
    size: written.size,
    excluded: result.files
      .filter((report) => !packed.some((item) => item.report === report))
      .map((report) => report.name),
    result: checkAttachments([{ ...written, name: packageName }], rules, { today }),
  };
}

const attachmentsJson = (result: AttachmentsResult, pkg: EvidencePackage | null) => ({
  files: result.files.map((report) => ({
    name: report.name,
    size: report.size,
    detectedType: report.detectedType,
    suggestedName: report.suggestedName,
    findings: report.findings.map(plainFinding),
  })),
  findings: result.findings.map(plainFinding),
  total: { bytes: result.total.bytes, encodedBytes: result.total.encodedBytes },
  ...(pkg
    ? {
        package: {
          path: pkg.path,
          size: pkg.size,
          excluded: pkg.excluded,
          findings: pkg.result.files[0]!.findings.map(plainFinding),
        },
      }
    : {}),
});

function printPackage(pkg: EvidencePackage, io: CliIo) {
  io.stdout(`证据包：${pkg.path}（${formatBytes(pkg.size)}），含证据清单和 SHA256SUMS.txt`);
  if (pkg.excluded.length > 0) io.stdout(`  未放入（可执行文件会被拦截）：${pkg.excluded.join('、')}`);
  for (const finding of pkg.result.files[0]!.findings.filter((f) => !f.rule.startsWith('attachment.name')))
    io.stdout(`  [${severityLabel[finding.severity]}] ${finding.message}`);
}

function printAttachments(result: AttachmentsResult, pkg: EvidencePackage | null, io: CliIo) {
  for (const report of result.files) {
    const rename = report.suggestedName !== report.name ? `  → 建议改名：${report.suggestedName}` : '';
    io.stdout(
      `${report.name}  ${formatBytes(report.size)}  ${report.detected?.label ?? '未识别的类型'}${rename}`,
    );
    for (const finding of report.findings)
      io.stdout(`  [${severityLabel[finding.severity]}] ${finding.rule}\n      ${finding.message}`);
  }
  for (const finding of result.findings)
    io.stdout(`[${severityLabel[finding.severity]}] ${finding.rule}\n    ${finding.message}`);
  io.stdout(
    `合计：${result.files.length} 个文件，${formatBytes(result.total.bytes)}，编码后约 ${formatBytes(result.total.encodedBytes)}`,
  );
  if (pkg) printPackage(pkg, io);
}

export const attachments = defineCommand({
  name: 'attachments',
  description: '检查附件：类型、大小和文件名，可打包成带证据清单的证据包',
  usage: ['attachments <文件>… [--json] [--zip <证据包.zip>] [--rules <版本>]'],
  options: [
    JSON_OPTION,
    {
      name: 'zip',
      value: '<证据包.zip>',
      help: '把附件按建议文件名打包成证据包（含证据清单和 SHA-256），可执行文件不放入',
    },
    RULES_OPTION,
  ],
  async run({ positionals, values, io }) {
    if (positionals.length === 0) throw new UsageError('attachments 需要至少一个文件路径。');
    if (values.zip !== undefined && !values.zip.trim()) throw new UsageError('--zip 需要一个输出文件路径。');
    if (values.zip !== undefined) refuseOverwrite(values.zip, positionals, '证据包');
    const rules = attachmentRules(values.rules);
    const files = positionals.map(readAttachment);
    const today = shanghaiDate(Date.now());
    const result = checkAttachments(files, rules, { today });
    const pkg = values.zip === undefined ? null : await writePackage(values.zip, files, result, rules, today);
    if (values.json) printJson(io, attachmentsJson(result, pkg));
    else printAttachments(result, pkg, io);
    return hasErrors(result) ? 1 : 0;
  },
});
