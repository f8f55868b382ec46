/**
 * The pattern part of `npm run bench` (issue 21): for every regular expression that runs on user
 * text — each rule pattern of every ruleset, and the hand-fixed hot spots (the draft checker on
 * a run of letters and digits, countCharacters after blank lines, key figures in a list of IDs)
 * — the time on 50,000 characters of adversarial text next to 50,000 characters of an ordinary
 * draft. Adversarial text is searched, not guessed: every character the pattern spells out (and
 * the usual suspects), alone and after each literal word of the pattern, repeated to 50,000; the
 * slowest is timed again. A linear pattern stays within a small factor; the goal is ≤ 3×.
 * Prints figures; it does not pass or fail.
 */
import { countCharacters, checkDraft } from '../src/lib/rules/check-draft';
import { keyFigureRanges } from '../src/lib/mail/mail-body';
import { loadCompiledRules, loadRulesets } from '../src/lib/node/load-ruleset';
import { alphabetOf, rulePatterns, wordsOf } from '../src/lib/node/pattern-safety';

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

export interface PatternTiming {
  name: string;
  normal: number;
  worst: number;
  /** The adversarial input that was slowest, shortened for printing. */
  input: string;
}

/** Timings of one piece of work on normal text and on the slowest of the candidate inputs. */
function timing(
  name: string,
  normal: string,
  candidates: string[],
  work: (text: string) => unknown,
): PatternTiming {
  let slowest = candidates[0]!;
  let slowestTime = -1;
  for (const candidate of candidates) {
    const time = median(() => work(candidate), 2);
    if (time > slowestTime) [slowest, slowestTime] = [candidate, time];
  }
  return {
    name,
    normal: median(() => work(normal), 9),
    worst: median(() => work(slowest), 9),
    input: JSON.stringify(slowest.slice(0, 24)).slice(1, -1) + '…',
  };
}

export function patternBench(normalText: string): PatternTiming[] {
  const normal = repeatTo(normalText, SIZE);
  const seen = new Set<string>();
  const rows: PatternTiming[] = [];
  for (const ruleset of loadRulesets()) {
    for (const { rule, source, flags } of rulePatterns(ruleset)) {
      if (seen.has(`${flags}/${source}`)) continue;
      seen.add(`${flags}/${source}`);
      // As the checkers run it: a pattern rule finds every match (flag g), a required pattern and
      // a module cue only whether one occurs (.test).
      const regex = new RegExp(source, flags);
      const scan = flags.includes('g')
        ? (text: string) => {
            let count = 0;
            for (const match of text.matchAll(regex)) count += match.length;
            return count;
          }
        : (text: string) => regex.test(text);
      const words = ['', ...wordsOf(source)];
      const candidates = alphabetOf(source).flatMap((char) =>
        words.map((word) => word + repeatTo(char, SIZE - word.length)),
      );
      rows.push(
        timing(
          `${ruleset.version} ${rule} /${source.length > 40 ? `${source.slice(0, 39)}…` : source}/`,
          normal,
          candidates,
          scan,
        ),
      );
    }
  }
  const rules = loadCompiledRules();
  const ids = Array.from({ length: Math.ceil(SIZE / 9) }, (_, index) => 10_000_000 + index)
    .join(',')
    .slice(0, SIZE);
  rows.push(
    timing(
      'checkDraft (whole draft checker)',
      normal,
      [repeatTo('a1B2c3', SIZE), `问题描述：\n${'\n'.repeat(SIZE)}`, ids],
      (text) => checkDraft(text, rules),
    ),
    timing(
      'countCharacters',
      normal,
      [`# 问题描述\n${'\n'.repeat(SIZE)}`, repeatTo(' \n', SIZE), repeatTo('*', SIZE)],
      countCharacters,
    ),
    timing(
      'keyFigureRanges (KEY_FIGURE)',
      normal,
      [ids, repeatTo('1，', SIZE), repeatTo('1 ', SIZE), repeatTo('1', SIZE)],
      keyFigureRanges,
    ),
  );
  return rows;
}

/** The table `npm run bench` prints. */
export function printPatternBench(rows: PatternTiming[]): void {
  console.log(
    `\nuser-text patterns at ${SIZE.toLocaleString('en-US')} characters: ordinary draft vs slowest adversarial text found (goal ≤ 3×):`,
  );
  for (const row of rows) {
    const ratio = row.worst / Math.max(row.normal, 0.001);
    console.log(
      `  ${row.name.padEnd(62)} normal ${row.normal.toFixed(2).padStart(7)} ms  worst ${row.worst.toFixed(2).padStart(7)} ms  ${ratio.toFixed(1).padStart(5)}×${ratio > 3 ? '  OVER 3×' : ''}  (${row.input})`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  printPatternBench(
    patternBench(
      '问题描述：我的视频ID：3xk9a2b7 于 11月20日 被判定为搬运并下架，订单量下降了 80%。联系方式：lin@example.com\n',
    ),
  );
