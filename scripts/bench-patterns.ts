/**
 * The pattern part of `npm run bench` (issue 21): for every regular expression that runs on user
 * text — each rule pattern of every ruleset, as the checkers evaluate it (module cues through
 * windowed-cue.ts), and the hand-fixed hot spots (the draft checker on a run of letters and
 * digits, countCharacters after blank lines, key figures in a list of IDs) — the time on 50,000
 * characters of adversarial text next to 50,000 characters of an ordinary draft, and the verdict
 * that matters: whether the time grows linearly with the input on that adversarial text.
 *
 * Adversarial text is searched, not guessed: every character the pattern spells out (and the
 * usual suspects), alone and after each literal word of the pattern, repeated to the size; the
 * slowest is kept. A ratio to the ordinary time says little when the ordinary time is ≈ 0.01 ms,
 * so the verdict is growthRatio (tests/support/growth-ratio.ts: one input ten times the size
 * against ten small ones; linear ≈ 1, quadratic ≈ 10), the figure the unit test
 * bench-patterns.test.ts asserts. Prints; exits 1 when a case is not linear.
 */
import { countCharacters, checkDraft } from '../src/lib/rules/check-draft';
import { compileCue } from '../src/lib/rules/windowed-cue';
import { keyFigureRanges } from '../src/lib/mail/mail-body';
import { loadCompiledRules, loadRulesets } from '../src/lib/node/load-ruleset';
import { alphabetOf, rulePatterns, wordsOf } from '../src/lib/node/pattern-safety';
import { growthRatio, LINEAR_LIMIT } from '../tests/support/growth-ratio';

const SIZE = 50_000;

const repeatTo = (piece: string, length: number) =>
  piece.repeat(Math.ceil(length / piece.length)).slice(0, length);

function median(run: () => void, times: number): number {
  const samples: number[] = [];
  run();
  for (let index = 0; index < times; index += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** An adversarial input of any size. */
export interface Adversary {
  label: string;
  make: (size: number) => string;
}

/** One piece of work on user text and the adversarial inputs to search. */
export interface PatternCase {
  name: string;
  run: (text: string) => unknown;
  adversaries: Adversary[];
}

const repeated = (head: string, piece: string): Adversary => ({
  label: head + piece.repeat(3),
  make: (size) => head + repeatTo(piece, Math.max(0, size - head.length)),
});

/** How a rule pattern runs in its checker: every match (flag g), or only whether one occurs. */
function patternRun(rule: string, source: string, flags: string): (text: string) => unknown {
  if (rule.startsWith('structure.missing-section')) {
    const cue = compileCue(source, flags); // detect-modules.ts
    return (text) => cue.test(text);
  }
  const regex = new RegExp(source, flags);
  if (!flags.includes('g')) return (text) => regex.test(text);
  return (text) => {
    let count = 0;
    for (const match of text.matchAll(regex)) count += match.length;
    return count;
  };
}

/** A rule pattern with its search space: each character it spells, alone and after each word. */
export function rulePatternCase(version: string, rule: string, source: string, flags: string): PatternCase {
  const words = ['', ...wordsOf(source)];
  return {
    name: `${version} ${rule} /${source.length > 40 ? `${source.slice(0, 39)}…` : source}/`,
    run: patternRun(rule, source, flags),
    adversaries: alphabetOf(source).flatMap((char) => words.map((word) => repeated(word, char))),
  };
}

/** Every rule pattern of every ruleset (once per source and flags) and the hand-fixed hot spots. */
export function patternCases(): PatternCase[] {
  const seen = new Set<string>();
  const cases: PatternCase[] = [];
  for (const ruleset of loadRulesets()) {
    for (const { rule, source, flags } of rulePatterns(ruleset)) {
      if (seen.has(`${flags}/${source}`)) continue;
      seen.add(`${flags}/${source}`);
      cases.push(rulePatternCase(ruleset.version, rule, source, flags));
    }
  }
  const rules = loadCompiledRules();
  const ids: Adversary = {
    label: '10000000,10000001,…',
    make: (size) =>
      Array.from({ length: Math.ceil(size / 9) }, (_, index) => 10_000_000 + index)
        .join(',')
        .slice(0, size),
  };
  cases.push(
    {
      name: 'checkDraft (whole draft checker)',
      run: (text) => checkDraft(text, rules),
      adversaries: [repeated('', 'a1B2c3'), repeated('问题描述：\n', '\n'), ids],
    },
    {
      name: 'countCharacters',
      run: countCharacters,
      adversaries: [repeated('# 问题描述\n', '\n'), repeated('', ' \n'), repeated('', '*')],
    },
    {
      name: 'keyFigureRanges (KEY_FIGURE)',
      run: keyFigureRanges,
      adversaries: [ids, repeated('', '1，'), repeated('', '1 '), repeated('', '1')],
    },
  );
  return cases;
}

/** The adversary on which the case is slowest at `size` characters (two timings each). */
export function slowestAdversary(item: PatternCase, size: number): Adversary {
  let slowest = item.adversaries[0]!;
  let slowestTime = -1;
  for (const adversary of item.adversaries) {
    const text = adversary.make(size);
    const time = median(() => item.run(text), 2);
    if (time > slowestTime) [slowest, slowestTime] = [adversary, time];
  }
  return slowest;
}

export interface PatternTiming {
  name: string;
  normal: number;
  worst: number;
  /** growthRatio on the slowest adversary: about 1 when linear, about 10 when quadratic. */
  growth: number;
  /** The adversarial input that was slowest, shortened for printing. */
  input: string;
}

export function patternBench(normalText: string, size = SIZE): PatternTiming[] {
  const normal = repeatTo(normalText, size);
  return patternCases().map((item) => {
    const slowest = slowestAdversary(item, size);
    const worstText = slowest.make(size);
    return {
      name: item.name,
      normal: median(() => item.run(normal), 9),
      worst: median(() => item.run(worstText), 9),
      growth: growthRatio(slowest.make, item.run, { size: size * 4 }),
      input: JSON.stringify(slowest.label.slice(0, 24)).slice(1, -1) + '…',
    };
  });
}

/** The table `npm run bench` prints; sets exit code 1 when a case grows faster than linearly. */
export function printPatternBench(rows: PatternTiming[]): void {
  console.log(
    `\nuser-text patterns at ${SIZE.toLocaleString('en-US')} characters, ordinary draft and slowest adversarial text found; growth = time at ${(4 * SIZE).toLocaleString('en-US')} ÷ 10 × time at ${((4 * SIZE) / 10).toLocaleString('en-US')} on that text (linear ≈ 1, quadratic ≈ 10, limit ${LINEAR_LIMIT}):`,
  );
  for (const row of rows) {
    const verdict = row.growth < LINEAR_LIMIT ? '' : '  NOT LINEAR';
    console.log(
      `  ${row.name.padEnd(62)} normal ${row.normal.toFixed(2).padStart(7)} ms  worst ${row.worst.toFixed(2).padStart(7)} ms  growth ${row.growth.toFixed(2).padStart(5)}${verdict}  (${row.input})`,
    );
  }
  if (rows.some((row) => row.growth >= LINEAR_LIMIT)) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`)
  printPatternBench(
    patternBench(
      '问题描述：我的视频ID：3xk9a2b7 于 11月20日 被判定为搬运并下架，订单量下降了 80%。联系方式：lin@example.com\n',
    ),
  );
