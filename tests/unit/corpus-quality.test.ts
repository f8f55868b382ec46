// The targets on the labelled corpus (tests/corpus/): at least 95% of good mails come out
// without an error or warning, every rule that fired has a precision of at least 95%, and every
// rule with must-fire labels a recall of at least 95% — on the tuning split, which the rules were
// adjusted against; the holdout split (a third, never looked at while tuning) is printed beside
// it and published, with the clean share of all mails also held to the target. Prints the whole
// table, so a failing run shows what to fix. The figures are also at /guide/rules/quality/.
import { describe, expect, it } from 'vitest';
import {
  benchmarkCorpus,
  formatReport,
  LEGAL_ELEMENT_TARGETS,
  legalElementScore,
  missedTargets,
} from '../../src/lib/rules/corpus-benchmark';
import { loadCorpus } from '../../src/lib/node/load-corpus';
import { loadCompiledRules } from '../../src/lib/node/load-ruleset';

const compiled = loadCompiledRules();
const mails = loadCorpus();
const report = benchmarkCorpus(mails, compiled);

describe('corpus quality', () => {
  it('the corpus is big enough to judge: at least 100 mails once both halves are in, a third holdout', () => {
    console.log(`规则集 ${compiled.ruleset.version}，语料 ${mails.length} 封\n${formatReport(report)}`);
    expect(mails.length).toBeGreaterThanOrEqual(100);
    const holdout = mails.filter((mail) => mail.split === 'holdout').length / mails.length;
    expect(holdout).toBeGreaterThan(0.25);
    expect(holdout).toBeLessThan(0.45);
  });

  it('meets the targets on the tuning split: clean share, precision and recall ≥ 95%', () => {
    const missed = missedTargets(report, 'tuning');
    expect(missed, `未达到目标：\n${missed.join('\n')}`).toEqual([]);
  });

  it('at least 95% of all good mails, holdout included, come out without an error or warning', () => {
    console.log(`holdout 未达到目标的项：\n${missedTargets(report, 'holdout').join('\n') || '无'}`);
    expect(report.all.cleanShare).toBeGreaterThanOrEqual(0.95);
  });

  // Issue 17: the element checks of notices and counter-notices find every labelled missing
  // element (recall 100%) and speak wrongly at most once in twenty (precision ≥ 95%), on the
  // holdout too — its mails were written before the rules and never tuned on.
  it.each(['tuning', 'holdout', 'all'] as const)(
    'the legal element checks on the %s split: recall 100 percent, precision at least 95 percent',
    (split) => {
      const score = legalElementScore(report[split]);
      expect(score, '语料里没有 legal.* 规则的标注').not.toBeNull();
      expect(score!.tp + score!.fn, '至少 10 个标注为缺少的要素').toBeGreaterThanOrEqual(10);
      expect(score!.recall, `召回率 TP ${score!.tp} FN ${score!.fn}`).toBe(LEGAL_ELEMENT_TARGETS.recall);
      expect(score!.precision!, `精确率 TP ${score!.tp} FP ${score!.fp}`).toBeGreaterThanOrEqual(
        LEGAL_ELEMENT_TARGETS.precision,
      );
    },
  );
});
