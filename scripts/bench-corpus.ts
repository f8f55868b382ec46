/**
 * `npm run bench:corpus`: the checkers against the labelled corpus (tests/corpus/): per rule TP,
 * FP, FN, precision and recall for the tuning split, the holdout split and all mails, the share
 * of good mails that come out clean, every failing label, and which targets are missed.
 * Prints figures and always exits 0; tests/unit/corpus-quality.test.ts is what fails.
 * CORPUS_DIR=<folder> reads another corpus.
 */
import { benchmarkCorpus, formatReport, missedTargets } from '../src/lib/rules/corpus-benchmark';
import { loadCorpus } from '../src/lib/node/load-corpus';
import { loadCompiledRules } from '../src/lib/node/load-ruleset';

const compiled = loadCompiledRules();
const mails = loadCorpus(process.env.CORPUS_DIR || undefined);
const report = benchmarkCorpus(mails, compiled);
const missed = missedTargets(report);

console.log(`规则集 ${compiled.ruleset.version}，语料 ${mails.length} 封（TP/FP/FN 精确率 召回率）\n`);
console.log(formatReport(report));
console.log(
  missed.length === 0
    ? '\n全部达到目标。'
    : `\n未达到目标（${missed.length}）：\n${missed.map((line) => `  ${line}`).join('\n')}`,
);
