// The guide's own model answer (the structure chapter's 完整示例, a ban appeal) must pass the
// checker in its case with no error or warning: the site cannot teach a mail its tools reject.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/lib/rules/check-draft';
import { loadCompiledRules } from '../../src/lib/node/load-ruleset';

/** The blockquote after a heading of the chapter, as the reader would paste it (no `> ` marks). */
function quotedAfter(file: string, heading: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  const quote: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('>')) quote.push(line.replace(/^>\s?/u, ''));
    else if (quote.length > 0) break;
  }
  return quote.join('\n').replace(/^\*\*(.+)\*\*$/gmu, '$1：');
}

describe('the guide’s model answer', () => {
  it('the structure chapter’s 完整示例 passes the checker as an account appeal with no error or warning', () => {
    const mail = quotedAfter('src/content/docs/guide/structure.mdx', '## 完整示例');
    expect(mail).toContain('问题描述：');
    expect(mail.length).toBeGreaterThan(200);
    const result = checkDraft(mail, loadCompiledRules(), { context: 'account-appeal' });
    expect(
      result.findings.filter((finding) => finding.severity !== 'info').map((finding) => finding.message),
    ).toEqual([]);
    expect(result.sections.map((section) => section.name)).toEqual([
      '问题描述',
      '影响说明',
      '诉求清单',
      '联系方式',
    ]);
  });
});
