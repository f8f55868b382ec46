import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  assertTemplatesPass,
  checkTemplate,
  currentRevision,
  parseTemplate,
  placeholders,
  revisionDiff,
  withBlanks,
  withSamples,
} from './templates';
import {
  checkTemplates,
  DEFAULT_TEMPLATES_DIR,
  loadCheckedTemplates,
  loadTemplates,
} from './node/load-templates';
import { loadRulesets } from './node/load-ruleset';
import { loadCompiledRules, loadRuleset } from './node/load-ruleset';
import { compileRules } from './rules/rules-engine';
import { checkDraft } from './rules/check-draft';
import { checkSubject } from './rules/check-subject';
import { loadGuideData } from './node/load-guide-data';
import fc from 'fast-check';
import { expectLinearTime, repeatTo } from '../../tests/support/linear-time';

const templates = loadTemplates();

describe('the template gallery data', () => {
  it('has the real cases, each checked by the current ruleset without errors', () => {
    expect(templates.map((template) => template.id)).toEqual(
      expect.arrayContaining([
        'account-appeal',
        'copyright-complaint',
        'ad-cooperation',
        'tech-fault',
        'basic-inquiry',
        'complex-appeal',
        'follow-up',
      ]),
    );
    expect(() => loadCheckedTemplates()).not.toThrow();
    const rules = loadCompiledRules();
    for (const template of templates) {
      const { subject, body } = checkTemplate(template, rules);
      expect(
        [...subject, ...body].filter((finding) => finding.severity === 'error'),
        template.id,
      ).toEqual([]);
      // All four modules are there.
      expect(
        body.map((finding) => finding.rule),
        template.id,
      ).not.toContain('structure.missing-section');
    }
  });

  it('filled with its samples, every template passes the checker in its own case with no error or warning', () => {
    const rules = loadCompiledRules();
    for (const template of templates) {
      const revision = currentRevision(template);
      const inCase = template.route ? { context: template.route } : {};
      const subject = withSamples(revision.subject);
      const flagged = [
        ...checkSubject(subject, rules, inCase).findings,
        ...checkDraft(withSamples(revision.body), rules, { ...inCase, subject }).findings,
      ].filter((finding) => finding.severity !== 'info');
      expect(
        flagged.map((finding) => `${finding.rule}：${finding.message}`),
        template.id,
      ).toEqual([]);
    }
  });

  it('filled with its samples, no template has a blank left; as shown, every one has', () => {
    const rules = loadCompiledRules();
    const unfilled = (findings: { rule: string }[]) =>
      findings.filter((finding) => finding.rule === 'placeholder.unfilled').length;
    for (const template of templates) {
      const revision = currentRevision(template);
      const { subject, body } = checkTemplate(template, rules);
      expect(unfilled([...subject, ...body]), template.id).toBe(0);
      // The subject's ID is a blank too: the gallery never hands out a subject that passes as it is.
      expect(unfilled(checkSubject(withBlanks(revision.subject), rules).findings), template.id).toBe(
        placeholders(revision.subject).length,
      );
      expect(
        unfilled(checkDraft(withBlanks(revision.body), rules).findings),
        template.id,
      ).toBeGreaterThanOrEqual(1);
    }
  });

  it('shows placeholders as 【名称】 and checks them with their samples', () => {
    const text = '联系方式：手机 {{手机号|13800138000}}，邮箱 {{邮箱|me@example.com}}。';
    expect(withBlanks(text)).toBe('联系方式：手机 【手机号】，邮箱 【邮箱】。');
    expect(withSamples(text)).toBe('联系方式：手机 13800138000，邮箱 me@example.com。');
    expect(placeholders(text)).toEqual(['手机号', '邮箱']);
  });

  it('a ruleset that forbids a phrase one template uses fails, naming that template', () => {
    const ruleset = structuredClone(loadRuleset());
    ruleset.version = '2099.01.0';
    ruleset.rules.unshift({
      id: 'risk.fixture-phrase',
      kind: 'words',
      words: ['品牌投放'],
      level: 'error',
      appliesTo: ['subject', 'draft'],
      message: '测试用规则：不再使用“品牌投放”。',
      guide: '/guide/risks/',
    });
    const rules = compileRules(ruleset, loadGuideData().subjectTypes);
    expect(() => assertTemplatesPass(templates, rules)).toThrow(
      /2099\.01\.0[\s\S]*模板「广告投放合作咨询」（ad-cooperation，修订 3）主题：risk\.fixture-phrase[\s\S]*“品牌投放”/,
    );
    expect(() =>
      assertTemplatesPass(
        templates.filter((template) => template.id !== 'ad-cooperation'),
        rules,
      ),
    ).not.toThrow();
  });

  it('a case that names a template the gallery lacks fails the build, naming the case', () => {
    const guide = structuredClone(loadGuideData());
    guide.requestRoutes[0]!.template = 'no-such-template';
    const rulesets = loadRulesets();
    expect(() => checkTemplates(templates, { guide, rulesets, current: rulesets.at(-1)! })).toThrow(
      `request-routes.yaml → 记录 "${guide.requestRoutes[0]!.id}" → 字段 "template"：没有 id 为 no-such-template 的模板`,
    );
  });

  it('the history diff shows what a revision added and removed', () => {
    const appeal = templates.find((template) => template.id === 'account-appeal')!;
    expect(currentRevision(appeal).revision).toBe(4);
    const parts = revisionDiff(appeal.revisions[0]!, appeal.revisions[1]!);
    expect(
      parts
        .filter((part) => part.kind === 'added')
        .map((part) => part.text)
        .join(''),
    ).toContain('申诉编号');
    expect(
      parts
        .filter((part) => part.kind === 'removed')
        .map((part) => part.text)
        .join(''),
    ).toContain('被判定作品');
  });

  it.each([
    [
      'revision numbers must count up from 1',
      (raw: { revisions: { revision: number }[] }) => (raw.revisions[0]!.revision = 2),
      /修订号应从 1 开始/,
    ],
    [
      'placeholders need a sample',
      (raw: { revisions: { body: string }[] }) => (raw.revisions[0]!.body += '{{手机号}}'),
      /占位符应写成/,
    ],
  ] as const)('rejects bad data: %s', (_name, mutate, message) => {
    const raw = parse(readFileSync(join(DEFAULT_TEMPLATES_DIR, 'basic-inquiry.yaml'), 'utf8'));
    mutate(raw);
    expect(() => parseTemplate(raw, 'basic-inquiry.yaml')).toThrow(message);
  });
});

describe('placeholders: properties', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .array(fc.constantFrom('{{', '}}', '|', '快手号', 'kuai123', '{', '}', '\n', '\uD800'), {
        maxLength: 40,
      })
      .map((parts) => parts.join('')),
  );

  it('never throw, are deterministic, and leave no well-formed placeholder behind', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const blanks = withBlanks(text);
        const samples = withSamples(text);
        const names = placeholders(text);
        for (const output of [blanks, samples]) expect(output).not.toMatch(/^\{\{[^{}|]+\|[^{}]*\}\}$/);
        expect(names.length).toBe([...text.matchAll(/\{\{([^{}|]+)\|([^{}]*)\}\}/g)].length);
        expect([withBlanks(text), withSamples(text), placeholders(text)]).toEqual([blanks, samples, names]);
      }),
    );
  });

  it('take linear time on 1 MB', () => {
    expectLinearTime(
      (size) =>
        repeatTo('问题描述：快手号 {{快手号|kuai123456}}，{{计划日期|12月1日}} {{坏的 {{|x}} }}\n', size),
      (text) => [withBlanks(text), withSamples(text), placeholders(text)],
    );
  });
});
