/**
 * `ksmail eml`: the composer on the command line. Checks the mail as a whole (recipients, subject,
 * body, attachments) and writes it as an unsent .eml draft for a desktop mail program.
 */
import { formatBytes } from '../../lib/byte-size';
import { checkAttachments, type AttachmentsResult } from '../../lib/attachments/check-attachments';
import { mailboxStatusLabels, type GuideData } from '../../lib/guide-data';
import { buildEml } from '../../lib/mail/eml';
import { parseMailboxEntry } from '../../lib/mail/address-parser';
import { mailHtml } from '../../lib/mail/mail-body';
import { parseAddressList, type AddressList } from '../../lib/mail/mail-message';
import { readinessProblems, type ReadinessProblem } from '../../lib/mail/mail-readiness';
import { mailAttachmentsTooLarge } from '../../lib/input-limit-messages';
import { readAttachment, readBounded } from '../../lib/node/attachment-files';
import { checkDraft } from '../../lib/rules/check-draft';
import { checkSubject } from '../../lib/rules/check-subject';
import type { CompiledRules } from '../../lib/rules/rules-engine';
import { shanghaiDate } from '../../lib/shanghai-time';
import { defineCommand, JSON_OPTION, RULES_OPTION, type CliIo, type OptionValues } from '../command';
import { attachmentRules, compiledRules, guideData } from '../data';
import { InputError, UsageError } from '../errors';
import { ENCODING_OPTION, readText, refuseOverwrite, writeOutput } from '../input';
import { exitCodeOf, printJson, severityLabel } from '../output';
import { sendable, type Sendable } from '../sendable';

const OPTIONS = [
  { name: 'to', value: '<地址>', help: '收件人，多个地址用逗号分隔' },
  { name: 'cc', value: '<地址>', help: '抄送，多个地址用逗号分隔' },
  { name: 'subject', value: '"<主题>"', help: '邮件主题' },
  { name: 'out', value: '<草稿.eml>', help: '写入的 .eml 草稿（含正文、富文本正文和附件，X-Unsent: 1）' },
  ENCODING_OPTION,
  JSON_OPTION,
  RULES_OPTION,
] as const;

interface Mail {
  to: AddressList;
  cc: AddressList;
  subject: string;
  body: string;
}

/** The required arguments, in the order they are asked for. */
function emlArguments(positionals: readonly string[], values: OptionValues<typeof OPTIONS>) {
  const [draftPath, ...attachmentPaths] = positionals;
  if (!draftPath) throw new UsageError('eml 需要草稿文件路径（或用 - 从标准输入读取），后面可跟附件。');
  if (!values.to) throw new UsageError('eml 需要 --to <收件人>。');
  if (values.subject === undefined) throw new UsageError('eml 需要 --subject "<主题>"。');
  if (!values.out?.trim()) throw new UsageError('eml 需要 --out <草稿.eml>。');
  return { draftPath, attachmentPaths, to: values.to, subject: values.subject, out: values.out };
}

function problemsOf(mail: Mail, checked: AttachmentsResult, rules: CompiledRules, guide: GuideData) {
  return readinessProblems({
    ...mail,
    knownMailboxes: guide.mailboxes.map(({ address, status, lastChecked }) => ({
      address,
      status,
      statusLabel: mailboxStatusLabels[status],
      lastChecked,
    })),
    subjectFindings: mail.subject ? checkSubject(mail.subject, rules).findings : [],
    draftFindings: mail.body.trim() ? checkDraft(mail.body, rules).findings : [],
    attachments: checked.files,
    attachmentFindings: [...checked.findings, ...checked.files.flatMap((file) => file.findings)],
  });
}

/** Attachments go in under their checked names. */
const emlText = (mail: Mail, attached: readonly Sendable[]) =>
  buildEml({
    to: mail.to.mailboxes,
    cc: mail.cc.mailboxes,
    subject: mail.subject,
    text: mail.body,
    html: mailHtml(mail.body),
    attachments: attached.map(({ report, file }) => ({
      name: report.suggestedName,
      contentType: report.detected?.mime ?? 'application/octet-stream',
      // Bounded by the size checked against the mail limits: a file that grew since is refused.
      bytes: readBounded(
        file.path,
        file.size,
        () => `“${file.path}”在读取时变大了，请确认它没有被其他程序写入后重试。`,
      ),
    })),
    date: new Date(),
  });

function printEml(
  out: string,
  text: string,
  attached: readonly Sendable[],
  problems: ReadinessProblem[],
  io: CliIo,
) {
  for (const problem of problems) io.stdout(`[${severityLabel[problem.severity]}] ${problem.message}`);
  if (problems.length === 0) io.stdout('发送前没有发现需要处理的问题。');
  io.stdout(
    `已写入 ${out}（${formatBytes(text.length)}，${attached.length} 个附件）：用桌面邮件程序打开，核对后发送。`,
  );
}

export const eml = defineCommand({
  name: 'eml',
  description: '检查整封邮件（收件人、主题、正文、附件），写成 .eml 草稿',
  usage: [
    'eml --to <地址> [--cc <地址>] --subject "<主题>" <草稿文件 | -> [附件…] --out <草稿.eml> [--encoding <编码>]',
  ],
  options: OPTIONS,
  run({ positionals, values, io }) {
    const args = emlArguments(positionals, values);
    refuseOverwrite(args.out, [args.draftPath, ...args.attachmentPaths], '.eml 草稿');
    const body = readText(args.draftPath, io, values.encoding);
    const rules = compiledRules(values.rules);
    const forAttachments = attachmentRules(values.rules);
    const files = args.attachmentPaths.map(readAttachment);
    const checked = checkAttachments(files, forAttachments, { today: shanghaiDate(Date.now()) });
    const mail = {
      to: parseAddressList(args.to, parseMailboxEntry),
      cc: parseAddressList(values.cc ?? '', parseMailboxEntry),
      subject: args.subject.trim(),
      body,
    };
    const problems = problemsOf(mail, checked, rules, guideData());
    // Executables stay out, as in the browser.
    const attached = sendable(checked, files);
    // The composer's limit: past every mailbox's limit, before a byte is read (420 MB aborted V8).
    const tooLarge = mailAttachmentsTooLarge(
      attached.map(({ file }) => file),
      forAttachments.mailLimits,
    );
    if (tooLarge) throw new InputError(`没有写入 .eml 草稿：${tooLarge}`);
    const text = emlText(mail, attached);
    writeOutput(args.out, text, '.eml 草稿');
    if (values.json)
      printJson(io, {
        out: args.out,
        size: text.length,
        attachments: attached.map(({ report }) => report.suggestedName),
        problems,
      });
    else printEml(args.out, text, attached, problems, io);
    return exitCodeOf(problems);
  },
});
