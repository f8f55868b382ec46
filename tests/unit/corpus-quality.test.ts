// The targets on the labelled corpus (tests/corpus/): at least 95% of good mails come out
// without an error or warning, every rule that fired has a precision of at least 95%, and every
// rule with must-fire labels a recall of at least 95% (all mails). Prints the whole table, so a
// failing run shows what to fix. The figures are also published at /guide/rules/quality/.
import { describe, expect, it } from 'vitest';
import { benchmarkCorpus, formatReport, missedTargets } from '../../src/lib/rules/corpus-benchmark';
import { loadCorpus } from '../../src/lib/node/load-corpus';
import { loadCompiledRules } from '../../src/lib/node/load-ruleset';

const compiled = loadCompiledRules();
const mails = loadCorpus();
const report = benchmarkCorpus(mails, compiled);

describe('corpus quality', () => {
  it('the corpus is big enough to judge: at least 100 mails once both halves are in, a third holdout', () => {
    console.log(`规则集 ${compiled.ruleset.version}，语料 ${mails.length} 封\n${formatReport(report)}`);
    expect(mails.length).toBeGreaterThanOrEqual(52);
    const holdout = mails.filter((mail) => mail.split === 'holdout').length / mails.length;
    expect(holdout).toBeGreaterThan(0.25);
    expect(holdout).toBeLessThan(0.45);
  });

  it('meets the targets: clean share, precision and recall ≥ 95%', () => {
    const missed = missedTargets(report);
    expect(missed, `未达到目标：\n${missed.join('\n')}`).toEqual([]);
  });
});
