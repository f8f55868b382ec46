import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRulesets } from '../../node/load-ruleset';
import { parseRuleset } from '../ruleset-schema';
import { exampleRunnerOf, RULE_KINDS, ruleSchema } from './index';

const kinds = RULE_KINDS.map((definition) => definition.schema.shape.kind.value);
const rulesets = loadRulesets();
const rule = (fields: Record<string, unknown>) => ({
  id: 'a.b',
  level: 'info',
  message: '一条规则',
  guide: '/guide/',
  appliesTo: ['draft'],
  ...fields,
});

describe('the rule kind registry', () => {
  it('has one file per kind and every file is registered, each kind once', () => {
    const files = readdirSync(import.meta.dirname)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .filter((file) => !['index.ts', 'common.ts'].includes(file))
      .map((file) => file.replace(/\.ts$/, ''));
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...kinds].sort()).toEqual(files.sort());
  });

  it('every kind is used by the newest ruleset, and every rule there is of a registered kind', () => {
    const used = new Set(rulesets.at(-1)!.rules.map((candidate) => candidate.kind));
    expect([...used].sort()).toEqual([...kinds].sort());
  });

  it('runs attachment kinds’ examples as files and the others as text', () => {
    for (const kind of kinds) {
      expect(exampleRunnerOf(kind), kind).toBe(kind.startsWith('attachment-') ? 'attachments' : 'text');
    }
    expect(exampleRunnerOf('no-such-kind')).toBeUndefined();
  });

  it.each([
    ['an unknown kind', { kind: 'spelling' }, /rules\.0/],
    [
      'a pattern that is no regular expression',
      { kind: 'pattern', pattern: '(' },
      /rules\.0\.pattern：不是有效的正则表达式/,
    ],
    ['a field of another kind', { kind: 'words', words: ['x'], max: 3 }, /rules\.0/],
    ['an attachment kind aimed at drafts', { kind: 'attachment-empty' }, /rules\.0\.appliesTo/],
    [
      'an unknown placeholder',
      { kind: 'attachment-empty', appliesTo: ['attachments'], message: '文件 {nme} 为空' },
      /占位符/,
    ],
    [
      'a length check without maxLength',
      { kind: 'attachment-name', appliesTo: ['attachments'], check: 'length' },
      /maxLength/,
    ],
    [
      'a legal element that does not say its cases',
      { kind: 'legal-elements', parts: [{ name: '地址', cues: ['地址'], advice: '请写上地址。' }] },
      /contexts\.only/,
    ],
    [
      'a law source whose registry id is malformed',
      {
        kind: 'required',
        patterns: ['x'],
        source: { kind: 'law', law: '《信息网络传播权保护条例》', article: '第十四条', lawId: 'NDR 14' },
      },
      /法条 id 形如 ndr-14/,
    ],
  ])('refuses %s, naming the path in Chinese', (_name, fields, message) => {
    const raw = {
      version: '2026.11.9',
      effective: '2026-11-24',
      changelog: 'x',
      idLabels: [{ label: 'ID', aliases: ['ID'] }],
      urgencyWords: [],
      rules: [rule(fields)],
    };
    expect(() => parseRuleset(raw, 'fixture.yaml')).toThrow(message);
  });

  it('accepts a minimal rule of every kind that needs no extra field', () => {
    for (const kind of ['attachment-empty', 'attachment-format', 'attachment-type-mismatch'] as const) {
      expect(ruleSchema.safeParse(rule({ kind, appliesTo: ['attachments'] })).success, kind).toBe(true);
    }
  });
});
