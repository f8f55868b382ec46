/**
 * Side by side, in one run, on the same text and the same word list: the draft checker's keyword
 * pass (the rules engine's word-list rules: folding, one Aho–Corasick pass, overlaps resolved,
 * ranges mapped back, findings built) against textlint with textlint-rule-prh, the usual
 * prose-lint setup, given a prh dictionary generated from our ruleset's word lists. Prints both
 * medians, the ratio and both match counts (the text uses each word as written, without the
 * spacing tricks only our folding sees, so both must find the same matches). No budget here.
 */
import { TextlintKernel, type TextlintKernelRule } from '@textlint/kernel';
import { moduleInterop } from '@textlint/module-interop';
import textPluginModule from '@textlint/textlint-plugin-text';
import prhRuleModule from 'textlint-rule-prh';
import { stringify } from 'yaml';
import { foldForMatching, ofKind, runTextRules, type CompiledRules } from '../src/lib/rules/rules-engine';

export interface KeywordBenchResult {
  words: number;
  textLength: number;
  ours: { median: number; matches: number };
  textlint: { median: number; matches: number };
  ratio: number;
}

/** The word-list rules that apply to drafts, and their words. */
function draftWords(compiled: CompiledRules): string[] {
  return [
    ...new Set(
      ofKind(compiled.ruleset.rules, 'words')
        .filter((rule) => rule.appliesTo.includes('draft'))
        .flatMap((rule) => rule.words),
    ),
  ];
}

/** A prh dictionary that reports every occurrence of every word (expected differs from it). */
export function prhDictionary(words: readonly string[]): string {
  return stringify({
    version: 1,
    rules: words.map((word) => ({ expected: `〔${word}〕`, patterns: [word] })),
  });
}

/**
 * About `length` characters of draft: neutral sentences with, every so often, one of the words
 * that neither contains another word nor appears inside one (so overlap rules cannot make the
 * two counts differ).
 */
export function keywordDraft(words: readonly string[], length: number): string {
  const standalone = words.filter(
    (word) => !words.some((other) => other !== word && (other.includes(word) || word.includes(other))),
  );
  const filler = ['我的视频于十一月二十日被下架，', '订单量明显下降，希望尽快复核。', '附件为截图和录屏。\n'];
  let text = '';
  for (let index = 0; text.length < length; index += 1) {
    text += filler[index % filler.length]!;
    if (index % 2 === 0) text += `${standalone[index % standalone.length]!}。`;
  }
  return text;
}

const middle = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

/**
 * Medians of both, timed in turn (ours, theirs, ours, …) so that a busy moment on a shared
 * machine falls on both alike; both warmed up first, so neither is timed before the JIT.
 */
async function sideBySide(ours: () => unknown, theirs: () => Promise<unknown>, times: number) {
  for (let index = 0; index < 10; index += 1) {
    ours();
    await theirs();
  }
  const oursSamples: number[] = [];
  const theirSamples: number[] = [];
  for (let index = 0; index < times; index += 1) {
    let start = performance.now();
    ours();
    oursSamples.push(performance.now() - start);
    start = performance.now();
    await theirs();
    theirSamples.push(performance.now() - start);
  }
  return { ours: middle(oursSamples), theirs: middle(theirSamples) };
}

export async function keywordBench(
  compiled: CompiledRules,
  length = 10_000,
  times = 50,
): Promise<KeywordBenchResult> {
  const words = draftWords(compiled);
  const text = keywordDraft(words, length);
  // Only the word-list rules: the keyword pass alone, as the engine runs it for a draft.
  const wordsOnly: CompiledRules = { ...compiled, patterns: [], personalData: [] };
  const ours = () => runTextRules(wordsOnly, text, foldForMatching(text), 'draft');

  // Both are CommonJS with `exports.default`, as textlint's own loader expects.
  const textPlugin = moduleInterop(textPluginModule);
  const prhRule = moduleInterop(prhRuleModule) as TextlintKernelRule['rule'];
  const kernel = new TextlintKernel();
  const options = {
    ext: '.txt',
    plugins: [{ pluginId: 'text', plugin: textPlugin }],
    rules: [{ ruleId: 'prh', rule: prhRule, options: { ruleContents: [prhDictionary(words)] } }],
  };
  const textlint = () => kernel.lintText(text, options);

  const ourMatches = ours().length;
  const textlintMatches = (await textlint()).messages.length;
  const { ours: oursMedian, theirs: textlintMedian } = await sideBySide(ours, textlint, times);
  return {
    words: words.length,
    textLength: text.length,
    ours: { median: oursMedian, matches: ourMatches },
    textlint: { median: textlintMedian, matches: textlintMatches },
    ratio: textlintMedian / oursMedian,
  };
}
