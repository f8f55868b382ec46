import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAW_DIR, loadLawRegistry, sha256Hex } from '../node/load-law';
import {
  lawSourceProblems,
  daysBetween,
  LawRegistryError,
  parseLawFile,
  quoteProblem,
  registryEntries,
  registryProblems,
  REVIEW_MAX_AGE_DAYS,
  reviewDue,
  type LawFile,
  type RegistryEntry,
} from './statute-registry';

const TODAY = '2026-11-30';
const registry = loadLawRegistry(DEFAULT_LAW_DIR, TODAY);
const byId = new Map(registry.map((entry) => [entry.id, entry]));

/** The ids the rules engineer may refer to (issue 17's contract): all must exist. */
const CONTRACT_IDS = [
  ...['14', '15', '16', '17', '22', '24'].map((n) => `ndr-${n}`),
  ...['1194', '1195', '1196', '1197'].map((n) => `civil-code-${n}`),
  ...['42', '43', '44', '45', '34', '59'].map((n) => `ecommerce-${n}`),
  'pipl-24',
  'pipl-24-3',
  ...['44', '45', '46', '47', '48', '49', '50', '65'].map((n) => `pipl-${n}`),
  'content-ecology-15',
  'content-ecology-16',
  'spc-ndr-13',
  'spc-ndr-14',
  'spc-personality-4',
  'spc-personality-5',
  'spc-personality-10',
  'spc-ip-reply-3',
  'spc-ip-reply-4',
  'spc-ip-reply-5',
];

const lawFile = (overrides: Partial<LawFile> = {}, article: Record<string, unknown> = {}) => ({
  key: 'ndr',
  name: '《信息网络传播权保护条例》',
  issuer: '国务院',
  version: '2013年1月30日修订',
  authority: 'flk.npc.gov.cn',
  copy: {
    kind: 'repository',
    repository: 'LawRefBook/Laws',
    commit: '3cd6e86b80f0fac5478dc34216c80e8c0a82b9f0',
    path: '行政法规/信息网络传播权保护条例.md',
  },
  articles: [
    {
      id: 'ndr-24',
      article: '第二十四条',
      text: '甲乙丙丁',
      sha256: sha256Hex('甲乙丙丁'),
      lastReviewed: TODAY,
      ...article,
    },
  ],
  ...overrides,
});

describe('the registry as stored', () => {
  it('loads with every contract id, each text pinned by its hash and reviewed within 180 days', () => {
    for (const id of CONTRACT_IDS) expect(byId.has(id), id).toBe(true);
    for (const entry of registry) {
      expect(sha256Hex(entry.text), entry.id).toBe(entry.sha256);
      expect(daysBetween(entry.lastReviewed, TODAY), entry.id).toBeLessThanOrEqual(REVIEW_MAX_AGE_DAYS);
      expect(entry.lawName).toMatch(/^《.+》$/u);
    }
    // pipl-24-3 is paragraph 3 of pipl-24, checked at load.
    expect(byId.get('pipl-24')!.text.split('\n')[2]).toBe(byId.get('pipl-24-3')!.text);
  });

  it('keeps the sentence the cautionary copy lost: 民法典第一千一百九十六条 ends with 终止所采取的措施', () => {
    expect(byId.get('civil-code-1196')!.text.endsWith('应当及时终止所采取的措施。')).toBe(true);
    expect(byId.get('spc-ip-reply-3')!.text).toContain('但该期限最长不超过20个工作日');
    expect(byId.get('ecommerce-42')!.text).toContain('加倍承担赔偿责任');
  });
});

describe('parseLawFile', () => {
  it.each([
    ['a valid file', lawFile(), null],
    ['a name without 书名号', lawFile({ name: '信息网络传播权保护条例' }), '字段 "name"'],
    ['a key other than the file name', lawFile({ key: 'civil-code' }), 'key 应与文件名一致'],
    [
      'a short commit',
      lawFile({ copy: { ...lawFile().copy, commit: '3cd6e86' } as LawFile['copy'] }),
      'commit',
    ],
    ['text with trailing space', lawFile({}, { text: '甲乙丙丁 ' }), '正文首尾不能有空白'],
    ['a blank line between paragraphs', lawFile({}, { text: '甲\n\n乙' }), '只用一个换行'],
    ['a bad date', lawFile({}, { lastReviewed: '2026/11/30' }), 'YYYY-MM-DD'],
    ['an unknown field', lawFile({}, { note: 'x' }), '条文 "ndr-24"'],
    ['paragraph without paragraphOf', lawFile({}, { paragraph: 2 }), 'paragraphOf 和 paragraph'],
  ])('%s', (_name, raw, expected) => {
    if (expected === null) expect(parseLawFile('ndr.yaml', raw).articles).toHaveLength(1);
    else expect(() => parseLawFile('ndr.yaml', raw)).toThrow(expected);
  });
});

describe('registryEntries', () => {
  const file = (raw: unknown) => ({ file: 'ndr.yaml', law: parseLawFile('ndr.yaml', raw) });
  const article = (id: string, text: string, extra: Record<string, unknown> = {}) => ({
    id,
    article: '第一条',
    text,
    sha256: sha256Hex(text),
    lastReviewed: TODAY,
    ...extra,
  });
  it.each([
    ['an id of another law', [article('pipl-1', '甲')], 'id 应以 ndr- 开头'],
    ['a repeated id', [article('ndr-1', '甲'), article('ndr-1', '乙')], 'id 重复'],
    [
      'a paragraph of a missing article',
      [article('ndr-1-2', '乙', { paragraphOf: 'ndr-9', paragraph: 2 })],
      '不存在',
    ],
    [
      'a paragraph that is not the article’s',
      [article('ndr-1', '甲\n乙'), article('ndr-1-2', '丙', { paragraphOf: 'ndr-1', paragraph: 2 })],
      '不一致',
    ],
  ])('refuses %s', (_name, articles, expected) => {
    expect(() => registryEntries([file(lawFile({ articles } as never))])).toThrow(expected);
  });
});

describe('registryProblems (the build guard on the registry itself)', () => {
  const entry = byId.get('ndr-24')!;
  it.each([
    ['as stored', {}, []],
    [
      'one character changed in the text',
      { text: entry.text.replace('赔偿', '补偿') },
      ['正文与登记的 sha256 不符'],
    ],
    ['reviewed exactly 180 days ago', { lastReviewed: '2026-06-03' }, []],
    ['reviewed 181 days ago', { lastReviewed: '2026-06-02' }, ['已过 181 天']],
  ] as const)('%s', (_name, change, expected) => {
    const problems = registryProblems([{ ...entry, ...change }], TODAY, sha256Hex);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((text, index) => expect(problems[index]).toContain(text));
  });

  it('names the hash to pin after a deliberate re-check', () => {
    const text = entry.text.replace('赔偿', '补偿');
    expect(registryProblems([{ ...entry, text }], TODAY, sha256Hex)[0]).toContain(sha256Hex(text));
  });

  it('reviewDue is lastReviewed plus 180 days', () => {
    expect(reviewDue('2026-11-30')).toBe('2027-05-29');
    expect(daysBetween('2026-11-30', reviewDue('2026-11-30'))).toBe(REVIEW_MAX_AGE_DAYS);
  });
});

describe('quoteProblem (the build guard on quotes written on pages)', () => {
  const entry = byId.get('civil-code-1195')!;
  it.each([
    ['the whole text', entry.text, {}, null],
    ['the whole text with Windows line breaks', entry.text.replace(/\n/g, '\r\n'), {}, null],
    ['one character changed', entry.text.replace('错误通知', '错误通告'), {}, '第 '],
    ['one paragraph only', entry.text.split('\n')[0]!, {}, '不同'],
    ['an excerpt', '构成侵权的初步证据及权利人的真实身份信息', { excerpt: true }, null],
    [
      'an excerpt with one character changed',
      '构成侵权的初步证据及权利人的真实信息',
      { excerpt: true },
      '不是登记正文中的原文',
    ],
    [
      'an excerpt across two paragraphs',
      '身份信息。\n网络服务提供者',
      { excerpt: true },
      '不是登记正文中的原文',
    ],
    ['an excerpt too short to mean anything', '通知', { excerpt: true }, '太短'],
  ])('%s', (_name, quoted, options, expected) => {
    const problem = quoteProblem(entry, quoted, options);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });

  it('property: any one-character change to any registered quote is detected (quote and hash)', () => {
    const entryArb = fc.constantFrom(...registry);
    // Any character a page could carry by mistake: CJK, ASCII, full-width punctuation.
    const charArb = fc.oneof(
      fc.constantFrom(...'的地得，。、；：（）()“”0123456789一二三条款'),
      fc.string({ minLength: 1, maxLength: 1 }),
    );
    const changeArb = fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), char: charArb }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: charArb }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), char: fc.constant('') }),
    );
    fc.assert(
      fc.property(entryArb, changeArb, (target: RegistryEntry, change) => {
        const chars = [...target.text];
        const at = change.at % (chars.length + (change.kind === 'insert' ? 1 : 0));
        if (change.kind === 'replace') {
          if (chars[at] === change.char) return; // not a change
          chars[at] = change.char;
        } else if (change.kind === 'insert') chars.splice(at, 0, change.char);
        else chars.splice(at, 1);
        const changed = chars.join('');
        // Whitespace at the very start or end of a quote is layout, not text.
        fc.pre(changed.trim() !== target.text);
        expect(quoteProblem(target, changed)).not.toBeNull();
        expect(registryProblems([{ ...target, text: changed }], TODAY, sha256Hex)).not.toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('loadLawRegistry', () => {
  it('fails in Chinese naming the file and article on a changed text or a stale review; without the guard it loads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ks-law-'));
    cpSync(DEFAULT_LAW_DIR, dir, { recursive: true });
    const file = join(dir, 'ndr.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('权利人应当承担赔偿责任。', '权利人应当承担补偿责任。'),
    );
    expect(() => loadLawRegistry(dir, TODAY)).toThrow(
      /法条登记表有误：[\s\S]*ndr-24（《信息网络传播权保护条例》第二十四条）的正文与登记的 sha256 不符/,
    );
    expect(loadLawRegistry(dir, TODAY, { guard: false }).length).toBe(registry.length);
    expect(() => loadLawRegistry(DEFAULT_LAW_DIR, '2027-06-01')).toThrow(LawRegistryError);
    expect(() => loadLawRegistry(DEFAULT_LAW_DIR, '2027-06-01')).toThrow(
      /上次核对是 2026-11-30，已过 183 天/,
    );
  });

  it('names the file of a YAML syntax error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ks-law-'));
    writeFileSync(join(dir, 'ndr.yaml'), 'key: [');
    expect(() => loadLawRegistry(dir, TODAY)).toThrow('ndr.yaml：YAML 语法错误');
  });
});

describe('rules that cite a law cite the registry', () => {
  const ndr14 = {
    ruleset: '2026.11.3',
    rule: 'legal.notice.address',
    law: '《信息网络传播权保护条例》',
    article: '第十四条',
  };
  it.each([
    ['the registry’s id, name and article', { ...ndr14, lawId: 'ndr-14' }, []],
    ['no lawId (older rulesets)', { ...ndr14 }, []],
    ['an id the registry lacks', { ...ndr14, lawId: 'ndr-99' }, ['不在法条登记表里']],
    ['another law’s name', { ...ndr14, law: '《民法典》', lawId: 'ndr-14' }, ['法律名称']],
    ['another article', { ...ndr14, article: '第十六条', lawId: 'ndr-14' }, ['条文 第十六条']],
  ] as const)('%s', (_name, source, expected) => {
    const problems = lawSourceProblems([source], registry);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((part, index) => expect(problems[index]).toContain(part));
  });

  it('every law source of every ruleset matches the registry', async () => {
    const { loadRulesets } = await import('../node/load-ruleset');
    const { join } = await import('node:path');
    const sources = loadRulesets(join(process.cwd(), 'src/content/rules')).flatMap((ruleset) =>
      ruleset.rules.flatMap((rule) =>
        rule.source?.kind === 'law' ? [{ ruleset: ruleset.version, rule: rule.id, ...rule.source }] : [],
      ),
    );
    expect(sources.filter((source) => source.lawId !== undefined).length).toBeGreaterThan(0);
    expect(lawSourceProblems(sources, registry)).toEqual([]);
  });
});
