import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkAttachments } from '../attachments/check-attachments';
import { SAMPLE_HEADS } from '../attachments/file-signature-samples';
import { loadCompiledAttachmentRules } from '../node/load-ruleset';
import type { Finding } from '../rules/ruleset';
import { ATTACHMENT_COUNT_RULE, mailAttachmentPlan, type LooseAttachment } from './mail-attachments';

// Loaded once, outside any test's time limit (it runs every rule's examples).
const rules = loadCompiledAttachmentRules();
const finding = (rule: string, message = rule): Finding => ({
  rule,
  severity: 'warning',
  message,
  start: 0,
  end: 0,
});
const FILES: LooseAttachment[] = [
  { name: '20261118_截图1.png', size: 100, blocked: false },
  { name: '20261118_截图2.png', size: 200, blocked: false },
  { name: 'setup.exe', size: 300, blocked: true },
  { name: '20261118_证明.pdf', size: 400, blocked: false },
  { name: '20261118_截图3.png', size: 500, blocked: false },
];
const COUNT = finding(ATTACHMENT_COUNT_RULE, '选了 4 个附件，超过 3 个的上限');
const NAME = finding('attachment.name', '文件名不符合约定');
const PACKAGE = {
  name: '20261130_证据包.zip',
  size: 2000,
  fileCount: 4,
  findings: [finding('attachment.size', '证据包超过上限')],
};

describe('mailAttachmentPlan', () => {
  it.each([
    {
      what: 'no package: the loose files, blocked ones listed but not sent',
      pkg: null,
      loose: false,
      mode: 'files',
      sent: ['20261118_截图1.png', '20261118_截图2.png', '20261118_证明.pdf', '20261118_截图3.png'],
      listed: FILES.map((file) => file.name),
      rules: [ATTACHMENT_COUNT_RULE, 'attachment.name'],
    },
    {
      what: 'a package: one ZIP, the count limit no longer applies, the package is checked',
      pkg: PACKAGE,
      loose: false,
      mode: 'package',
      sent: ['20261130_证据包.zip'],
      listed: ['20261130_证据包.zip', 'setup.exe'],
      rules: ['attachment.name', 'attachment.size'],
    },
    {
      what: 'a package, but the user chose the loose files',
      pkg: PACKAGE,
      loose: true,
      mode: 'files',
      sent: ['20261118_截图1.png', '20261118_截图2.png', '20261118_证明.pdf', '20261118_截图3.png'],
      listed: FILES.map((file) => file.name),
      rules: [ATTACHMENT_COUNT_RULE, 'attachment.name'],
    },
  ])('$what', ({ pkg, loose, mode, sent, listed, rules }) => {
    const plan = mailAttachmentPlan(FILES, [COUNT, NAME], pkg, loose);
    expect(plan.mode).toBe(mode);
    expect(plan.attachments.map((attachment) => attachment.name)).toEqual(sent);
    expect(plan.listed.map((attachment) => attachment.name)).toEqual(listed);
    expect(plan.findings.map((one) => one.rule)).toEqual(rules);
  });

  it('the package is listed as the package, with its size', () => {
    const [first] = mailAttachmentPlan(FILES, [], PACKAGE, false).listed;
    expect(first).toEqual({ name: PACKAGE.name, size: 2000, blocked: false, isPackage: true });
  });

  it('the count rule it drops is the one the newest ruleset raises for four loose files', () => {
    const head = new Uint8Array(SAMPLE_HEADS.png);
    const four = [1, 2, 3, 4].map((n) => ({ name: `20261118_截图${n}.png`, size: 100, head }));
    const result = checkAttachments(four, rules, { today: '2026-11-30' });
    expect(result.findings.map((one) => one.rule)).toEqual([ATTACHMENT_COUNT_RULE]);
  });

  it('whatever the files, a package plan sends exactly one attachment and never a blocked file', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.string(), size: fc.nat(), blocked: fc.boolean() }), { maxLength: 8 }),
        fc.boolean(),
        (files, loose) => {
          const plan = mailAttachmentPlan(files, [COUNT], PACKAGE, loose);
          const blockedNames = files.filter((file) => file.blocked);
          if (loose) expect(plan.attachments).toHaveLength(files.length - blockedNames.length);
          else {
            expect(plan.attachments).toEqual([{ name: PACKAGE.name, size: PACKAGE.size }]);
            expect(plan.findings.some((one) => one.rule === ATTACHMENT_COUNT_RULE)).toBe(false);
          }
          expect(plan.listed.filter((one) => one.blocked)).toHaveLength(blockedNames.length);
        },
      ),
    );
  });
});
