/** `ksmail draft`: checks a mail body from a file or stdin — its sections and findings (no score: see check-draft.ts). */
import { checkDraft, type DraftResult } from '../../lib/rules/check-draft';
import { CASE_OPTION, defineCommand, JSON_OPTION, RULES_OPTION, type CliIo } from '../command';
import { compiledRules } from '../data';
import { UsageError } from '../errors';
import { ENCODING_OPTION, readText } from '../input';
import { describeContext, exitCodeOf, plainFinding, printFindings, printJson } from '../output';

function printDraft(result: DraftResult, text: string, io: CliIo) {
  io.stdout(describeContext(result.context));
  io.stdout(
    `模块：${result.sections.map((section) => `${section.name}（${section.length} 字）`).join('、') || '未找到'}`,
  );
  printFindings(result.findings, text, io.stdout);
}

export const draft = defineCommand({
  name: 'draft',
  description: '检查邮件正文：四个模块、风险用语、联系方式和编号',
  usage: ['draft <文件 | -> [--case <案件>] [--encoding <编码>] [--json] [--rules <版本>]'],
  options: [JSON_OPTION, RULES_OPTION, CASE_OPTION, ENCODING_OPTION],
  run({ positionals, values, io }) {
    if (positionals.length !== 1)
      throw new UsageError('draft 需要一个参数：草稿文件路径，或用 - 从标准输入读取。');
    const text = readText(positionals[0]!, io, values.encoding);
    const result = checkDraft(text, compiledRules(values.rules), values.case ? { context: values.case } : {});
    if (values.json)
      printJson(io, {
        context: result.context,
        sections: result.sections,
        findings: result.findings.map(plainFinding),
      });
    else printDraft(result, text, io);
    return exitCodeOf(result.findings);
  },
});
