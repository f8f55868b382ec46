/**
 * What the commands share when they print: findings as plain JSON objects or as Chinese lines,
 * JSON output, and the exit code for a list of findings.
 */
import type { CheckContext } from '../lib/rules/check-context';
import { describeSource, SEVERITY_LABELS, type Finding, type Severity } from '../lib/rules/ruleset';
import type { CliIo } from './command';

export const severityLabel = SEVERITY_LABELS;

/** A finding as `--json` shows it: its authority (`source`), no guide links or fixes. */
export function plainFinding(finding: Finding) {
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    start: finding.start,
    end: finding.end,
    ...(finding.source && { source: finding.source }),
  };
}

/** Which case the checker read the text in, and whether it was told or assumed it. */
export function describeContext(context: CheckContext | null): string {
  if (!context) return '案件：未识别，所有规则都已检查（可用 --case 指定）';
  return `案件：${context.label}（${context.id}，${context.inferred ? '根据主题和正文推断，可用 --case 指定' : '按 --case 指定'}）`;
}

/** Findings on a text, each with its range and up to 30 characters of what it points at. */
export function printFindings(findings: readonly Finding[], text: string, out: (line: string) => void) {
  if (findings.length === 0) out('没有发现问题。');
  for (const finding of findings) {
    const excerpt =
      finding.end > finding.start ? `  「${text.slice(finding.start, finding.end).slice(0, 30)}」` : '';
    out(
      `[${severityLabel[finding.severity]}] ${finding.rule} (${finding.start}-${finding.end})${excerpt}\n    ${finding.message}${finding.source ? `\n    ${describeSource(finding.source)}` : ''}`,
    );
  }
}

export const printJson = (io: CliIo, value: unknown) => io.stdout(JSON.stringify(value, null, 2));

/** 1 when anything is an error, else 0. */
export const exitCodeOf = (items: readonly { severity: Severity }[]) =>
  items.some((item) => item.severity === 'error') ? 1 : 0;
