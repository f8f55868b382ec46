/**
 * ksmail: the site's checkers on the command line, for agencies and scripts.
 * Same library as the islands. Exit codes: 0 no errors, 1 errors found, 2 bad usage or input.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkDraft } from '../lib/rules/check-draft';
import { checkSubject } from '../lib/rules/check-subject';
import type { Finding } from '../lib/rules/ruleset';
import { loadCompiledAttachmentRules, loadCompiledRules } from '../lib/node/load-ruleset';
import { formatBytes } from '../lib/byte-size';
import { checkAttachments, hasErrors, type AttachmentsResult } from '../lib/attachments/check-attachments';
import { AttachmentReadError, readAttachment, writeEvidencePackage } from '../lib/node/attachment-files';
import { shanghaiDate } from '../lib/shanghai-time';
import { writeFileSync } from 'node:fs';
import { chineseDate, FollowUpInputError, parseSentTime, planFollowUp } from '../lib/follow-up/follow-up-plan';
import { followUpIcs } from '../lib/follow-up/follow-up-ics';
import { loadPlanContext } from '../lib/node/planner-context';
import { DAY_KIND_LABELS } from '../lib/work-calendar';
import { buildEml } from '../lib/mail/eml';
import { mailHtml } from '../lib/mail/mail-body';
import { parseAddressList } from '../lib/mail/mail-message';
import { readinessProblems } from '../lib/mail/mail-readiness';
import { mailboxStatusLabels } from '../lib/guide-data';
import { loadGuideData } from '../lib/node/load-guide-data';

const USAGE = `用法：
  ksmail subject "<主题>" [--json] [--rules <版本>]
  ksmail draft <文件 | -> [--json] [--rules <版本>]
  ksmail attachments <文件>… [--json] [--zip <证据包.zip>] [--rules <版本>]
  ksmail eml --to <地址> [--cc <地址>] --subject "<主题>" <草稿文件 | -> [附件…] --out <草稿.eml>
  ksmail followup --sent <ISO 时间> --type <emergency-fault | routine | complex-appeal>
                  [--calendar-days] [--subject "<原邮件主题>"] [--json] [--ics <提醒.ics>]

  --json           输出一个 JSON 对象
  --rules <版本>   使用指定版本的规则集（默认：当前生效的版本）
  --zip <文件>     把附件按建议文件名打包成证据包（含证据清单和 SHA-256），可执行文件不放入
  --sent <时间>    发送时间；不带时区时按北京时间，如 2026-09-30T18:00
  --type <类型>    emergency-fault 紧急故障报修、routine 常规业务咨询、complex-appeal 复杂权益申诉
  --to, --cc       收件人、抄送，多个地址用逗号分隔
  --out <文件>     eml：写入的 .eml 草稿（含正文、富文本正文和附件，X-Unsent: 1）
  --calendar-days  按自然日而不是工作日计算
  --ics <文件>     把跟进步骤写成日历文件（含提醒）
退出码：0 没有错误；1 发现错误（error）；2 用法错误或无法读取输入。`;

class UsageError extends Error {}

const severityLabel = { error: '错误', warning: '警告', info: '提示' } as const;

function plainFinding(finding: Finding) {
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    start: finding.start,
    end: finding.end,
  };
}

function printFindings(findings: Finding[], text: string, out: (line: string) => void) {
  if (findings.length === 0) out('没有发现问题。');
  for (const finding of findings) {
    const excerpt =
      finding.end > finding.start ? `  「${text.slice(finding.start, finding.end).slice(0, 30)}」` : '';
    out(
      `[${severityLabel[finding.severity]}] ${finding.rule} (${finding.start}-${finding.end})${excerpt}\n    ${finding.message}`,
    );
  }
}

function readInput(source: string, stdin: () => string): string {
  try {
    const bytes = source === '-' ? stdin() : readFileSync(source, 'utf8');
    if (bytes.includes('\u0000'))
      throw new UsageError(`输入不是文本文件：${source === '-' ? '标准输入' : source}`);
    return bytes;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? '文件不存在'
        : code === 'EISDIR'
          ? '这是一个目录'
          : code === 'EACCES'
            ? '没有读取权限'
            : '无法读取';
    throw new UsageError(`${reason}：${source}`);
  }
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: () => string;
}

export async function runKsmail(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        rules: { type: 'string' },
        zip: { type: 'string' },
        sent: { type: 'string' },
        type: { type: 'string' },
        subject: { type: 'string' },
        'calendar-days': { type: 'boolean', default: false },
        ics: { type: 'string' },
        to: { type: 'string' },
        cc: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      io.stdout(USAGE);
      return values.help ? 0 : 2;
    }
    const ruleOptions = values.rules ? { version: values.rules } : {};
    if (command === 'attachments') return await attachments(rest, values, ruleOptions, io);
    if (command === 'followup') return followup(rest, values, ruleOptions, io);
    if (command === 'eml') return eml(rest, values, ruleOptions, io);
    const emlOnly = (['to', 'cc', 'out'] as const).find((key) => values[key] !== undefined);
    if (emlOnly) throw new UsageError(`--${emlOnly} 只能用于 eml 命令。`);
    if (values.zip !== undefined) throw new UsageError('--zip 只能用于 attachments 命令。');
    const followupOnly = (['sent', 'type', 'subject', 'ics'] as const).filter(
      (key) => values[key] !== undefined,
    );
    if (followupOnly.length > 0 || values['calendar-days'])
      throw new UsageError(`--${followupOnly[0] ?? 'calendar-days'} 只能用于 followup 命令。`);
    let rules;
    try {
      rules = loadCompiledRules(ruleOptions);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (command === 'subject') {
      if (rest.length !== 1)
        throw new UsageError('subject 需要且只需要一个参数：主题文本（含空格时请加引号）。');
      const subject = rest[0]!;
      const result = checkSubject(subject, rules);
      if (values.json) {
        io.stdout(JSON.stringify({ ...result, findings: result.findings.map(plainFinding) }, null, 2));
      } else {
        io.stdout(
          `类型：${result.category ? `${result.category.label}（优先级 ${result.category.priority}，原文称回复时效 ${result.category.replyTime ?? '未给出'}）` : '未识别'}`,
        );
        io.stdout(
          `结构：${result.structure.parts
            .filter((part) => part.name !== 'urgency')
            .map((part) => `${part.label}${part.value ? '✓' : '✗'}`)
            .join('  ')}`,
        );
        printFindings(result.findings, subject, io.stdout);
        io.stdout(`建议主题：${result.suggestion}`);
      }
      return result.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
    }
    if (command === 'draft') {
      if (rest.length !== 1)
        throw new UsageError('draft 需要一个参数：草稿文件路径，或用 - 从标准输入读取。');
      const text = readInput(rest[0]!, io.stdin);
      const result = checkDraft(text, rules);
      if (values.json) {
        io.stdout(
          JSON.stringify(
            { sections: result.sections, findings: result.findings.map(plainFinding), score: result.score },
            null,
            2,
          ),
        );
      } else {
        io.stdout(
          `模块：${result.sections.map((section) => `${section.name}（${section.length} 字）`).join('、') || '未找到'}`,
        );
        printFindings(result.findings, text, io.stdout);
        io.stdout(`得分：${result.score} / 100`);
      }
      return result.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
    }
    throw new UsageError(`未知命令：${command}`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(
        `ksmail：${error instanceof UsageError ? error.message : translateParseError(error as Error)}\n\n${USAGE}`,
      );
      return 2;
    }
    io.stderr(`ksmail：内部错误：${(error as Error).message}`);
    return 2;
  }
}

async function attachments(
  paths: string[],
  values: { json?: boolean; zip?: string | undefined },
  ruleOptions: { version?: string },
  io: CliIo,
): Promise<number> {
  if (paths.length === 0) throw new UsageError('attachments 需要至少一个文件路径。');
  let rules;
  try {
    rules = loadCompiledAttachmentRules(ruleOptions);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let files;
  try {
    files = paths.map(readAttachment);
  } catch (error) {
    if (error instanceof AttachmentReadError) throw new UsageError(error.message);
    throw error;
  }
  const today = shanghaiDate(Date.now());
  const result = checkAttachments(files, rules, { today });
  let pkg: { path: string; size: number; excluded: string[]; result: AttachmentsResult } | null = null;
  if (values.zip !== undefined) {
    if (!values.zip.trim()) throw new UsageError('--zip 需要一个输出文件路径。');
    // Executables stay out: Gmail blocks them even inside an archive.
    const packed = result.files
      .map((report, index) => ({ report, file: files[index]! }))
      .filter(({ report }) => !report.blocked);
    try {
      await writeEvidencePackage(
        packed.map(({ report, file }) => ({
          path: file.path,
          name: report.suggestedName,
          originalName: file.name,
          size: file.size,
          type: report.detected?.label ?? '未识别',
          lastModified: file.lastModified ?? Date.now(),
        })),
        values.zip,
      );
    } catch (error) {
      throw new UsageError(`无法写入证据包：${values.zip}（${(error as Error).message}）`);
    }
    const written = readAttachment(values.zip);
    const packageName = `${today.replaceAll('-', '')}_证据包.zip`;
    pkg = {
      path: values.zip,
      size: written.size,
      excluded: result.files
        .filter((report) => !packed.some((item) => item.report === report))
        .map((r) => r.name),
      result: checkAttachments([{ ...written, name: packageName }], rules, { today }),
    };
  }
  if (values.json) {
    io.stdout(
      JSON.stringify(
        {
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
        },
        null,
        2,
      ),
    );
  } else {
    for (const report of result.files) {
      io.stdout(
        `${report.name}  ${formatBytes(report.size)}  ${report.detected?.label ?? '未识别的类型'}${report.suggestedName !== report.name ? `  → 建议改名：${report.suggestedName}` : ''}`,
      );
      for (const finding of report.findings)
        io.stdout(`  [${severityLabel[finding.severity]}] ${finding.rule}\n      ${finding.message}`);
    }
    for (const finding of result.findings)
      io.stdout(`[${severityLabel[finding.severity]}] ${finding.rule}\n    ${finding.message}`);
    io.stdout(
      `合计：${result.files.length} 个文件，${formatBytes(result.total.bytes)}，编码后约 ${formatBytes(result.total.encodedBytes)}`,
    );
    if (pkg) {
      io.stdout(`证据包：${pkg.path}（${formatBytes(pkg.size)}），含证据清单和 SHA256SUMS.txt`);
      if (pkg.excluded.length > 0) io.stdout(`  未放入（可执行文件会被拦截）：${pkg.excluded.join('、')}`);
      for (const finding of pkg.result.files[0]!.findings.filter(
        (f) => !f.rule.startsWith('attachment.name'),
      ))
        io.stdout(`  [${severityLabel[finding.severity]}] ${finding.message}`);
    }
  }
  return hasErrors(result) ? 1 : 0;
}

/** The composer on the command line: checks the mail as a whole, then writes the .eml draft. */
function eml(
  rest: string[],
  values: {
    json?: boolean;
    to?: string | undefined;
    cc?: string | undefined;
    subject?: string | undefined;
    out?: string | undefined;
    zip?: string | undefined;
  },
  ruleOptions: { version?: string },
  io: CliIo,
): number {
  if (values.zip !== undefined) throw new UsageError('--zip 只能用于 attachments 命令。');
  const [draftPath, ...attachmentPaths] = rest;
  if (!draftPath) throw new UsageError('eml 需要草稿文件路径（或用 - 从标准输入读取），后面可跟附件。');
  if (!values.to) throw new UsageError('eml 需要 --to <收件人>。');
  if (values.subject === undefined) throw new UsageError('eml 需要 --subject "<主题>"。');
  if (!values.out?.trim()) throw new UsageError('eml 需要 --out <草稿.eml>。');
  const body = readInput(draftPath, io.stdin);
  let rules;
  let attachmentRules;
  try {
    rules = loadCompiledRules(ruleOptions);
    attachmentRules = loadCompiledAttachmentRules(ruleOptions);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let files;
  try {
    files = attachmentPaths.map(readAttachment);
  } catch (error) {
    if (error instanceof AttachmentReadError) throw new UsageError(error.message);
    throw error;
  }
  const checked = checkAttachments(files, attachmentRules, { today: shanghaiDate(Date.now()) });
  const to = parseAddressList(values.to);
  const cc = parseAddressList(values.cc ?? '');
  const subject = values.subject.trim();
  const guide = loadGuideData();
  const problems = readinessProblems({
    to,
    cc,
    knownMailboxes: guide.mailboxes.map(({ address, status, lastChecked }) => ({
      address,
      status,
      statusLabel: mailboxStatusLabels[status],
      lastChecked,
    })),
    subject,
    subjectFindings: subject ? checkSubject(subject, rules).findings : [],
    body,
    draftFindings: body.trim() ? checkDraft(body, rules).findings : [],
    attachments: checked.files,
    attachmentFindings: [...checked.findings, ...checked.files.flatMap((file) => file.findings)],
  });
  // Attachments go in under their checked names; executables stay out, as in the browser.
  const attached = checked.files
    .map((report, index) => ({ report, file: files[index]! }))
    .filter(({ report }) => !report.blocked);
  const text = buildEml({
    to: to.addresses,
    cc: cc.addresses,
    subject,
    text: body,
    html: mailHtml(body),
    attachments: attached.map(({ report, file }) => ({
      name: report.suggestedName,
      contentType: report.detected?.mime ?? 'application/octet-stream',
      bytes: readFileSync(file.path),
    })),
    date: new Date(),
  });
  try {
    writeFileSync(values.out, text);
  } catch (error) {
    throw new UsageError(`无法写入 .eml 草稿：${values.out}（${(error as Error).message}）`);
  }
  if (values.json) {
    io.stdout(
      JSON.stringify(
        {
          out: values.out,
          size: text.length,
          attachments: attached.map(({ report }) => report.suggestedName),
          problems,
        },
        null,
        2,
      ),
    );
  } else {
    for (const problem of problems) io.stdout(`[${severityLabel[problem.severity]}] ${problem.message}`);
    if (problems.length === 0) io.stdout('发送前没有发现需要处理的问题。');
    io.stdout(
      `已写入 ${values.out}（${formatBytes(text.length)}，${attached.length} 个附件）：用桌面邮件程序打开，核对后发送。`,
    );
  }
  return problems.some((problem) => problem.severity === 'error') ? 1 : 0;
}

function followup(
  rest: string[],
  values: {
    json?: boolean;
    sent?: string | undefined;
    type?: string | undefined;
    subject?: string | undefined;
    'calendar-days'?: boolean;
    ics?: string | undefined;
  },
  ruleOptions: { version?: string },
  io: CliIo,
): number {
  if (rest.length > 0)
    throw new UsageError(`followup 不接受位置参数：${rest.join(' ')}（请用 --sent 和 --type）`);
  if (!values.sent) throw new UsageError('followup 需要 --sent <发送时间>，如 --sent 2026-09-30T18:00');
  if (!values.type) throw new UsageError('followup 需要 --type <emergency-fault | routine | complex-appeal>');
  let context;
  try {
    context = loadPlanContext(ruleOptions);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let plan;
  try {
    plan = planFollowUp(
      {
        sent: parseSentTime(values.sent).instant,
        type: values.type,
        calendarDays: values['calendar-days'] === true,
      },
      context,
    );
  } catch (error) {
    if (error instanceof FollowUpInputError) throw new UsageError(error.message);
    throw error;
  }
  if (values.ics !== undefined) {
    try {
      writeFileSync(values.ics, followUpIcs(plan, values.subject ?? ''));
    } catch (error) {
      throw new UsageError(`无法写入日历文件：${values.ics}（${(error as Error).message}）`);
    }
  }
  const { commitment } = plan;
  if (values.json) {
    io.stdout(
      JSON.stringify(
        {
          sent: plan.sent.dateTime,
          mode: plan.mode,
          steps: plan.steps.map((step) => ({
            id: step.id,
            day: step.day,
            due: step.due,
            label: step.label,
            action: step.action,
            to: step.to,
            ...(step.sales ? { sales: step.sales.name } : {}),
          })),
          commitment: {
            ...(commitment.hours !== undefined
              ? { hours: commitment.hours }
              : { workingDays: commitment.workingDays }),
            deadline: commitment.deadline,
            followUp: commitment.followUp,
          },
          notices: plan.notices,
        },
        null,
        2,
      ),
    );
  } else {
    io.stdout(
      `发送：${plan.sent.dateTime}（北京时间），${plan.mode === 'working-days' ? '按工作日计算' : '按自然日计算'}`,
    );
    for (const step of plan.steps) {
      const kind = DAY_KIND_LABELS[context.calendar.day(step.due).kind];
      io.stdout(
        `第 ${step.day} 天  ${step.due} ${step.weekday}（${kind}）  ${step.label}：${step.action}\n    对象：${step.to}`,
      );
    }
    io.stdout(
      commitment.hours !== undefined
        ? `原文称 ${commitment.hours} 小时内响应：${commitment.deadline} 到期，${commitment.followUpText}`
        : `原文称 ${commitment.workingDays} 个工作日内答复：${chineseDate(commitment.deadline)} 到期，${chineseDate(commitment.followUp)}（${commitment.followUpText}）跟进`,
    );
    for (const notice of plan.notices) io.stdout(`注意：${notice}`);
    if (values.ics !== undefined) io.stdout(`已写入日历文件：${values.ics}`);
  }
  return 0;
}

function translateParseError(error: Error): string {
  const option = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  if (/Unknown option/.test(error.message)) return `未知选项：${option}`;
  if (/argument missing/.test(error.message)) return `选项缺少参数：${option}`;
  return `参数有误：${error.message}`;
}
