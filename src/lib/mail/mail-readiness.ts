/**
 * What is still wrong with a mail before it is sent, gathered from every checker: recipients
 * (and how far the guide could verify them), the subject's and the draft's findings, and the
 * attachments. The composer lists these; nothing here stops the user from sending.
 */
import { digestFindings, type FindingsDigest } from '../rules/draft-view';
import type { Finding, Severity } from '../rules/ruleset';
import type { AddressList } from './mail-message';

export type ReadinessTarget = 'to' | 'cc' | 'subject' | 'draft' | 'attachments';

export interface ReadinessProblem {
  severity: Severity;
  target: ReadinessTarget;
  message: string;
}

export interface KnownMailbox {
  address: string;
  /** verified / unverified / contradicted (mailboxes.yaml). */
  status: string;
  statusLabel: string;
  lastChecked: string;
}

export interface ReadinessInput {
  to: AddressList;
  cc: AddressList;
  knownMailboxes: readonly KnownMailbox[];
  subject: string;
  subjectFindings: readonly Finding[];
  body: string;
  /** All findings, or for a long draft checked in a worker, their digest. */
  draftFindings: readonly Finding[] | FindingsDigest;
  attachments: readonly { name: string; blocked: boolean }[];
  /** Findings of the attachment checker (per file and for the set), already named. */
  attachmentFindings: readonly Finding[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function findingSummary(
  findings: readonly Finding[] | FindingsDigest,
  what: string,
  target: ReadinessTarget,
): ReadinessProblem[] {
  const { counts, first } = 'counts' in findings ? findings : digestFindings(findings, 0);
  const problems: ReadinessProblem[] = [];
  if (counts.error)
    problems.push({
      severity: 'error',
      target,
      message: `${what}有 ${counts.error} 个错误，例如：${first.error!.message}`,
    });
  if (counts.warning)
    problems.push({
      severity: 'warning',
      target,
      message: `${what}有 ${counts.warning} 个警告，例如：${first.warning!.message}`,
    });
  return problems;
}

export function readinessProblems(input: ReadinessInput): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [];
  if (input.to.addresses.length === 0 && input.to.invalid.length === 0 && input.to.pending.length === 0)
    problems.push({
      severity: 'error',
      target: 'to',
      message: '还没有收件人：先在上面选择诉求，或填写收件人地址。',
    });
  for (const [list, target, label] of [
    [input.to, 'to', '收件人'],
    [input.cc, 'cc', '抄送'],
  ] as const) {
    for (const invalid of list.invalid)
      problems.push({ severity: 'error', target, message: `${label}“${invalid}”不是有效的邮箱地址。` });
    for (const address of list.addresses) {
      const known = input.knownMailboxes.find(
        (mailbox) => mailbox.address.toLowerCase() === address.toLowerCase(),
      );
      if (!known) {
        if (address.toLowerCase().endsWith('kuaishou.com'))
          problems.push({
            severity: 'warning',
            target,
            message: `${address} 不在本指南的邮箱表里，请在快手官方页面确认这个地址。`,
          });
      } else if (known.status !== 'verified') {
        problems.push({
          severity: 'warning',
          target,
          message: `${address} 的核实状态是“${known.statusLabel}”（${known.lastChecked} 核对）：发送前请在快手官方页面确认，或同时使用官方网页渠道。`,
        });
      }
    }
  }
  if (input.subject.trim() === '')
    problems.push({
      severity: 'error',
      target: 'subject',
      message: '还没有主题：请先在主题检查里写好主题。',
    });
  else problems.push(...findingSummary(input.subjectFindings, '主题', 'subject'));
  if (input.body.trim() === '')
    problems.push({ severity: 'error', target: 'draft', message: '还没有正文：请先在正文检查里写好正文。' });
  else problems.push(...findingSummary(input.draftFindings, '正文', 'draft'));
  const blocked = input.attachments.filter((attachment) => attachment.blocked);
  if (blocked.length)
    problems.push({
      severity: 'error',
      target: 'attachments',
      message: `${blocked.map((attachment) => attachment.name).join('、')} 是可执行文件或脚本，不会放进邮件：邮箱会拒收，请删除。`,
    });
  problems.push(
    ...findingSummary(
      input.attachmentFindings.filter((finding) => finding.rule !== 'attachment.blocked'),
      '附件',
      'attachments',
    ),
  );
  return problems.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** The rule whose findings block handing the mail over (see unfilledPlaceholders). */
export const UNFILLED_RULE = 'placeholder.unfilled';

/**
 * Why the mail may not be copied, opened or downloaded yet: the blanks still in the subject and
 * the body, named (还有 2 处占位符未填写：主题“XXX”、正文“【处罚日期】”……). Null when there are
 * none. A mail with a blank is never right to send, unlike one with a warning, so this one
 * problem stops the composer's actions. For a long draft only its listed findings are seen.
 */
export function unfilledPlaceholders(
  subject: string,
  subjectFindings: readonly Finding[],
  body: string,
  draftFindings: readonly Finding[] | FindingsDigest,
): string | null {
  const listed = 'counts' in draftFindings ? draftFindings.listed : draftFindings;
  const quote = (text: string) => (text.length > 24 ? `${text.slice(0, 24)}…` : text);
  const blanks = [
    ...subjectFindings
      .filter((finding) => finding.rule === UNFILLED_RULE)
      .map((finding) => `主题“${quote(subject.slice(finding.start, finding.end))}”`),
    ...listed
      .filter((finding) => finding.rule === UNFILLED_RULE)
      .map((finding) => `正文“${quote(body.slice(finding.start, finding.end))}”`),
  ];
  if (blanks.length === 0) return null;
  const shown = blanks.slice(0, 5).join('、') + (blanks.length > 5 ? '……' : '');
  return `还有 ${blanks.length} 处占位符未填写：${shown}。请换成真实内容（不需要的整句删去）后再复制或发送。`;
}
