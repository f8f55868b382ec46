/** `ksmail subject`: checks a mail subject — its type, its parts, its findings and a suggested subject. */
import { checkSubject, describeCategory, type SubjectResult } from '../../lib/rules/check-subject';
import { CASE_OPTION, defineCommand, JSON_OPTION, RULES_OPTION, type CliIo } from '../command';
import { compiledRules } from '../data';
import { UsageError } from '../errors';
import { describeContext, exitCodeOf, plainFinding, printFindings, printJson } from '../output';

function printSubject(result: SubjectResult, subject: string, io: CliIo) {
  io.stdout(describeContext(result.context));
  io.stdout(result.category ? describeCategory(result.category) : '类型：未识别');
  io.stdout(
    `结构：${result.structure.parts
      .filter((part) => part.name !== 'urgency')
      .map((part) => `${part.label}${part.value ? '✓' : '✗'}`)
      .join('  ')}`,
  );
  printFindings(result.findings, subject, io.stdout);
  io.stdout(`建议主题：${result.suggestion}`);
}

export const subject = defineCommand({
  name: 'subject',
  description: '检查邮件主题：识别类型、核对结构，并给出建议主题',
  usage: ['subject "<主题>" [--case <案件>] [--json] [--rules <版本>]'],
  options: [JSON_OPTION, RULES_OPTION, CASE_OPTION],
  run({ positionals, values, io }) {
    if (positionals.length !== 1)
      throw new UsageError('subject 需要且只需要一个参数：主题文本（含空格时请加引号）。');
    const text = positionals[0]!;
    const result = checkSubject(
      text,
      compiledRules(values.rules),
      values.case ? { context: values.case } : {},
    );
    if (values.json) printJson(io, { ...result, findings: result.findings.map(plainFinding) });
    else printSubject(result, text, io);
    return exitCodeOf(result.findings);
  },
});
