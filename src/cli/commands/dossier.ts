/**
 * `ksmail dossier`: the case dossier on the command line — writes one ZIP from a case.json, the
 * .eml files sent and the evidence packages (src/lib/case-file/dossier.ts), or with --check
 * verifies a dossier as the import does (read-dossier.ts). The timeline comes from a top-level
 * `timeline` array in case.json when it has one; the case's schema is the case file's business.
 */
import { basename } from 'node:path';
import { formatBytes } from '../../lib/byte-size';
import { buildDossier } from '../../lib/case-file/dossier';
import { readCaseJson, timelineInCase, type DossierFile } from '../../lib/case-file/dossier-format';
import { readDossier } from '../../lib/case-file/read-dossier';
import { MAX_DOSSIER_BYTES, MAX_IMPORT_BYTES } from '../../lib/input-limits';
import { readBounded } from '../../lib/node/attachment-files';
import { writeFileAtomicallySync } from '../../lib/node/safe-output';
import { shanghaiDateTime } from '../../lib/shanghai-time';
import { defineCommand, JSON_OPTION, type CliIo, type OptionValues } from '../command';
import { InputError, UsageError } from '../errors';
import { refuseOverwrite, writeFailure } from '../input';
import { printJson } from '../output';

const OPTIONS = [
  { name: 'eml', value: '<邮件.eml>', help: '放入案卷的一封已发送邮件', repeatable: true },
  { name: 'evidence', value: '<证据包.zip>', help: '放入案卷的一个证据包', repeatable: true },
  { name: 'out', value: '<案卷.zip>', help: '写入的案卷（不会覆盖任何输入文件）' },
  { name: 'check', value: '<案卷.zip>', help: '检查一个案卷：结构、case.json 和 SHA256SUMS 中的每个校验值' },
  JSON_OPTION,
] as const;

type Values = OptionValues<typeof OPTIONS>;

const tooLarge = (what: string, path: string, limit: number) => (read: number) =>
  `${what}太大：${path} 至少有 ${formatBytes(read)}，超过了 ${formatBytes(limit)} 的上限。`;

/** case.json as text: UTF-8 (a BOM is dropped), within the import limit. */
function readCaseText(path: string): string {
  const bytes = readBounded(path, MAX_IMPORT_BYTES, tooLarge('案卷文件', path, MAX_IMPORT_BYTES));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new InputError(`${path}：不是 UTF-8 文本，不是本站保存的 case.json。`);
  }
}

const readFiles = (paths: readonly string[], what: string): DossierFile[] =>
  paths.map((path) => ({
    name: basename(path),
    bytes: readBounded(path, MAX_DOSSIER_BYTES, tooLarge(what, path, MAX_DOSSIER_BYTES)),
  }));

function writeDossier(positionals: readonly string[], values: Values, io: CliIo): number {
  const [casePath, ...extra] = positionals;
  if (!casePath) throw new UsageError('dossier 需要 case.json 的路径（或用 --check 检查一个案卷）。');
  if (extra.length > 0)
    throw new UsageError(
      `dossier 只接受一个 case.json，多出了：${extra.join('、')}。邮件用 --eml，证据包用 --evidence。`,
    );
  if (!values.out?.trim()) throw new UsageError('dossier 需要 --out <案卷.zip>。');
  const emls = values.eml ?? [];
  const evidencePaths = values.evidence ?? [];
  refuseOverwrite(values.out, [casePath, ...emls, ...evidencePaths], '案卷');
  const caseJson = readCaseText(casePath);
  const read = readCaseJson(caseJson);
  if (!read.ok) throw new InputError(`${casePath}：${read.message}`);
  const timeline = timelineInCase(read.value);
  const title = typeof read.value['title'] === 'string' ? read.value['title'] : undefined;
  const mails = readFiles(emls, '邮件');
  const evidence = readFiles(evidencePaths, '证据包');
  const bytes = buildDossier({ caseJson, title, timeline, mails, evidence });
  try {
    writeFileAtomicallySync(values.out, bytes);
  } catch (error) {
    throw writeFailure('案卷', values.out, error);
  }
  if (values.json) {
    printJson(io, {
      path: values.out,
      size: bytes.length,
      identity: read.identity,
      timelineEntries: timeline.length,
    });
    return 0;
  }
  io.stdout(
    `案卷：${values.out}（${formatBytes(bytes.length)}），含 timeline.html、case.json、${mails.length} 封邮件、${evidence.length} 个证据包和 SHA256SUMS`,
  );
  io.stdout(
    timeline.length > 0
      ? `时间线：${timeline.length} 个步骤，按时间先后排列；用浏览器打开 timeline.html 可打印或存为 PDF。`
      : 'case.json 中没有 timeline 数组：时间线页只列出文件和校验值。',
  );
  return 0;
}

function checkDossier(path: string, values: Values, io: CliIo): number {
  const result = readDossier(readBounded(path, MAX_DOSSIER_BYTES, tooLarge('案卷', path, MAX_DOSSIER_BYTES)));
  if (values.json) {
    printJson(
      io,
      result.ok
        ? { ok: true, identity: result.identity, files: result.sums }
        : { ok: false, message: result.message },
    );
    return result.ok ? 0 : 1;
  }
  if (!result.ok) {
    io.stdout(`案卷检查未通过：${result.message}`);
    return 1;
  }
  const { identity, files } = result;
  io.stdout(
    `案卷完整：${path}\n  案卷编号 ${identity.id}，第 ${identity.revision} 次修改，最后保存于 ${shanghaiDateTime(Date.parse(identity.updatedAt))}（北京时间）\n  ${files.mails.length} 封邮件，${files.evidence.length} 个证据包；SHA256SUMS 中 ${result.sums.length} 个文件的校验值全部一致`,
  );
  for (const entry of result.sums) io.stdout(`  ${entry.sha256}  ${entry.path}`);
  return 0;
}

export const dossier = defineCommand({
  name: 'dossier',
  description:
    '导出案卷（时间线、case.json、已发送的邮件、证据包和 SHA256SUMS 打成一个 ZIP），或检查一个案卷',
  usage: [
    'dossier <case.json> [--eml <邮件.eml>]… [--evidence <证据包.zip>]… --out <案卷.zip> [--json]',
    'dossier --check <案卷.zip> [--json]',
  ],
  options: OPTIONS,
  run({ positionals, values, io }) {
    if (values.check === undefined) return writeDossier(positionals, values, io);
    if (positionals.length > 0 || values.out !== undefined || values.eml || values.evidence)
      throw new UsageError('--check 只检查一个案卷，不能同时写 case.json、--eml、--evidence 或 --out。');
    if (!values.check.trim()) throw new UsageError('--check 需要一个案卷文件路径。');
    return checkDossier(values.check, values, io);
  },
});
