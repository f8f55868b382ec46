/**
 * ReDoS vetting of rule patterns at load time: every regular expression a ruleset applies to
 * user text (a `pattern` rule's pattern, a `required` rule's patterns, a `sections` rule's cues)
 * is analysed with scslre, and a pattern that can take super-linear time fails the load naming
 * the ruleset, the rule and the kind of blow-up. The build and ksmail load rulesets through
 * load-ruleset.ts, so a vulnerable pattern can neither ship nor be used.
 *
 * Why scslre and not recheck: recheck 4.5.0 ran here (native binary and pure-JS fallback), but it
 * took 0.9–2.3 s per pattern (≈ 40–60 s for the 33 distinct patterns of the rulesets), and for any
 * pattern with a lookaround it falls back to a randomised fuzzer whose verdict changed between
 * runs (the contact-label pattern was "safe" with one backend and "polynomial" with the other).
 * scslre (the analyser behind eslint-plugin-regexp) is static and deterministic and analyses
 * all patterns in about 0.1 s; it reports exactly the blow-ups found by hand (the moving start
 * of the e-mail pattern, the nested `(a+)+`, two `\s*` around an optional colon).
 *
 * Not here: the patterns of our own code (tests/unit/pattern-safety.test.ts checks the hot ones)
 * and the timing proof (the property test in the same file runs each rule's pattern on
 * adversarial strings with tests/support/linear-time.ts). Node only: scslre stays out of islands.
 */
import { analyse } from 'scslre';
import type { Ruleset } from '../rules/ruleset';
import { RulesetError } from '../rules/ruleset-schema';

/** A pattern the rules apply to user text, with the flags the checkers compile it with. */
export interface RulePattern {
  rule: string;
  source: string;
  flags: string;
}

/** Every regular expression of a ruleset that runs on user text, with its checker's flags. */
export function rulePatterns(ruleset: Ruleset): RulePattern[] {
  return ruleset.rules.flatMap((rule): RulePattern[] => {
    switch (rule.kind) {
      case 'pattern':
        return [{ rule: rule.id, source: rule.pattern, flags: 'gu' }]; // rules-engine.ts
      case 'required':
        return rule.patterns.map((source) => ({ rule: rule.id, source, flags: 'iu' }));
      case 'sections': // detect-modules.ts
        return rule.sections.flatMap((spec) =>
          (spec.cues ?? []).map((source) => ({ rule: `${rule.id}（${spec.name}）`, source, flags: 'u' })),
        );
      default:
        return [];
    }
  });
}

const DESCRIPTIONS = {
  Self: '量词嵌套（如 (a+)+），回溯次数随输入指数或多项式增长',
  Trade: '相邻的两个量词能匹配同样的字符（如 \\s*:?\\s*），回溯次数随输入平方增长',
  Move: '匹配起点可以在一长串字符里逐个后移，每次都重扫整串，耗时随输入平方增长',
} as const;

/**
 * Why `source` can blow up on some input (Chinese, one line), or null when it runs in linear
 * time. A pattern that does not compile is left to the schema, which rejects it with its own message.
 */
export function patternRisk(source: string, flags: string): string | null {
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags);
  } catch {
    return null;
  }
  const { reports } = analyse(regex, { reportTypes: { Move: true, Self: true, Trade: true } });
  const report = reports[0];
  if (!report) return null;
  const growth = report.exponential ? '（指数级）' : '';
  return `${DESCRIPTIONS[report.type]}${growth}`;
}

const memo = new Map<string, string | null>();

/** Throws with one line per vulnerable pattern: ruleset version, rule id, pattern and why. */
export function assertLinearPatterns(ruleset: Ruleset): void {
  const problems = rulePatterns(ruleset).flatMap(({ rule, source, flags }) => {
    const key = `${flags}/${source}`;
    if (!memo.has(key)) memo.set(key, patternRisk(source, flags));
    const risk = memo.get(key);
    return risk ? [`- ${rule}：/${source}/ ${risk}`] : [];
  });
  if (problems.length > 0)
    throw new RulesetError(
      `规则集 ${ruleset.version} 有可能卡死页面的正则表达式（ReDoS），请改写成线性的写法：\n${problems.join('\n')}`,
    );
}

/** Characters a pattern spells out, plus the usual suspects: what its quantifiers can repeat. */
export function alphabetOf(source: string): string[] {
  const spelled = [...source.replace(/\\[dswDSWbB]|\\u\{?[0-9a-fA-F]+\}?|\\/g, '')];
  return [...new Set([...spelled, 'a', 'Z', '1', '0', ' ', '\t', '\n', '@', '.', ':', '：', '-', '_', '，'])];
}

/** Literal words of a pattern (快手号, UID, 联系方式): prefixes that bring its quantifiers into play. */
export function wordsOf(source: string): string[] {
  const words = source
    .replace(/\\u\{?[0-9a-fA-F]+\}?|\\./g, '|')
    .split(/[()[\]{}|?*+^$.:<=!,]+/)
    .filter((word) => word.length >= 2);
  return [...new Set(words)].slice(0, 40);
}
