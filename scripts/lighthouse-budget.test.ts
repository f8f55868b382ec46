import { describe, expect, it } from 'vitest';
import {
  budgetFailures,
  budgetsOf,
  judgePage,
  LIGHTHOUSE_PAGES,
  medianRun,
  RUNS_ON_MISS,
  scoreTable,
  type LighthouseResultLike,
} from './lighthouse-budget';

function result(
  scores: Record<string, number>,
  audits: LighthouseResultLike['audits'] = {},
): LighthouseResultLike {
  const refs: Record<string, { id: string; weight: number }[]> = {
    performance: [
      { id: 'first-contentful-paint', weight: 10 },
      { id: 'diagnostics-only', weight: 0 },
    ],
    accessibility: [{ id: 'color-contrast', weight: 7 }],
    'best-practices': [{ id: 'errors-in-console', weight: 1 }],
    seo: [{ id: 'crawlable-anchors', weight: 1 }],
  };
  return {
    finalDisplayedUrl: 'http://127.0.0.1:4321/tools/',
    categories: Object.fromEntries(
      Object.entries(scores).map(([id, score]) => [id, { score, auditRefs: refs[id] ?? [] }]),
    ),
    audits,
  };
}

const PASSING = { performance: 0.97, accessibility: 1, 'best-practices': 1, seo: 1 };

describe('Lighthouse budgets', () => {
  it('a page at or above every budget has no failures', () => {
    const page = judgePage('工具', result({ ...PASSING, performance: 0.95 }));
    expect(page.scores).toEqual({ performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 });
    expect(budgetFailures([page])).toEqual([]);
  });

  it('names the category, score, budget and the weighted audits that lost points', () => {
    const page = judgePage(
      '工具',
      result(
        { ...PASSING, performance: 0.9, seo: 0.91 },
        {
          'first-contentful-paint': {
            id: 'first-contentful-paint',
            title: 'First Contentful Paint',
            score: 0.54,
            scoreDisplayMode: 'numeric',
            displayValue: '2.9 s',
          },
          'diagnostics-only': { id: 'diagnostics-only', title: 'x', score: 0, scoreDisplayMode: 'binary' },
          'crawlable-anchors': {
            id: 'crawlable-anchors',
            title: 'Links are not crawlable',
            score: 0,
            scoreDisplayMode: 'binary',
          },
        },
      ),
    );
    const failures = budgetFailures([page]);
    expect(failures).toHaveLength(2);
    expect(failures[0]).toContain('performance 90 < 95');
    expect(failures[0]).toContain('first-contentful-paint (First Contentful Paint, 2.9 s; score 54)');
    expect(failures[0]).not.toContain('diagnostics-only');
    expect(failures[1]).toContain('seo 91 < 100 — crawlable-anchors');
  });

  it('a category without a score and a runtime error both fail', () => {
    const broken = { ...result({ ...PASSING }), runtimeError: { code: 'NO_FCP', message: 'no paint' } };
    broken.categories['performance']!.score = null;
    const failures = budgetFailures([judgePage('首页', broken)]);
    expect(failures.join('\n')).toContain('NO_FCP');
    expect(failures.join('\n')).toContain('performance 无分数 < 95');
  });

  it('prints one row per page with a mark after a broken budget', () => {
    const table = scoreTable([
      judgePage('首页', result(PASSING)),
      judgePage('工具', result({ ...PASSING, accessibility: 0.96 })),
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^页面\s+URL\s+performance\s+accessibility\s+best-practices\s+seo$/);
    expect(lines[2]).toMatch(/^工具\s+\/tools\/\s+97\s+96 !\s+100\s+100$/);
    expect(lines.at(-1)).toContain('≥ 95');
  });
});

describe('per-page budgets and the median of repeated runs', () => {
  it('a page with its own performance budget is judged by it, and the table says so', () => {
    const tools = LIGHTHOUSE_PAGES.find((page) => page.path === 'tools/')!;
    const page = judgePage('工具', result({ ...PASSING, performance: 0.91 }), budgetsOf(tools));
    expect(page.budgets.performance).toBe(tools.performance);
    expect(budgetFailures([page])).toEqual([]);
    expect(scoreTable([page])).toContain(`91 (≥ ${tools.performance})`);
    const home = judgePage(
      '首页',
      result({ ...PASSING, performance: 0.91 }),
      budgetsOf(LIGHTHOUSE_PAGES[0]!),
    );
    expect(budgetFailures([home])).toEqual([expect.stringContaining('performance 91 < 95')]);
  });

  it('the subject chapter (two islands) has 90, home and changelog the default 95', () => {
    const budget = (path: string) =>
      budgetsOf(LIGHTHOUSE_PAGES.find((page) => page.path === path)!).performance;
    expect(budget('guide/subject/')).toBe(90);
    expect(budget('')).toBe(95);
    expect(budget('changelog/')).toBe(95);
  });

  it('the case file (/tools/case/) is judged, with a performance budget of its own', () => {
    const caseFile = LIGHTHOUSE_PAGES.find((page) => page.path === 'tools/case/');
    expect(caseFile, '/tools/case/ 在 Lighthouse 页面里').toBeDefined();
    expect(caseFile!.performance).toBeGreaterThanOrEqual(60);
    expect(caseFile!.performance).toBeLessThan(95);
  });

  it('judges the run with the median performance score, and says how many runs there were', () => {
    const runs = [0.99, 0.88, 0.92].map((performance) => result({ ...PASSING, performance }));
    expect(medianRun(runs).categories.performance!.score).toBe(0.92);
    expect(medianRun(runs.slice(0, 1))).toBe(runs[0]);
    expect(() => medianRun([])).toThrow(/没有/);
    const page = { ...judgePage('首页', medianRun(runs)), runs: 3 };
    expect(budgetFailures([page])).toEqual([expect.stringContaining('92 < 95（3 次运行的中位数）')]);
    expect(RUNS_ON_MISS).toBeGreaterThanOrEqual(3);
    expect(RUNS_ON_MISS % 2).toBe(1);
  });
});
