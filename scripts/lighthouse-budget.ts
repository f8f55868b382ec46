/**
 * The Lighthouse budgets of issue 9 and how a report is judged against them. Kept apart from
 * the runner (scripts/lighthouse.ts) so the judging can be unit-tested without a browser.
 */

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type CategoryId = (typeof CATEGORIES)[number];

/** Minimum scores (0–100) per category. */
export const BUDGETS: Record<CategoryId, number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};

/** The pages audited: one of each kind a visitor lands on. */
export const LIGHTHOUSE_PAGES = [
  { name: '首页', path: '' },
  { name: '章节', path: 'guide/subject/' },
  { name: '工具', path: 'tools/' },
  { name: '更新日志', path: 'changelog/' },
] as const;

/** The few fields of a Lighthouse result (LH.Result) that the judging reads. */
export interface LighthouseResultLike {
  finalDisplayedUrl?: string;
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string }
  >;
}

export interface PageScores {
  name: string;
  url: string;
  /** 0–100, or null when Lighthouse could not score the category. */
  scores: Record<CategoryId, number | null>;
  /** Per category below its budget: the audits that lost points, as "id (title, value)". */
  failing: Partial<Record<CategoryId, string[]>>;
  runtimeError?: string;
}

/**
 * The audits that cost a category points: weighted audits with a score below 1. Manual and
 * not-applicable audits carry no score and are left out.
 */
export function losingAudits(result: LighthouseResultLike, category: CategoryId): string[] {
  const refs = result.categories[category]?.auditRefs ?? [];
  const losing: string[] = [];
  for (const ref of refs) {
    if (ref.weight <= 0) continue;
    const audit = result.audits[ref.id];
    if (!audit || audit.score === null || audit.score >= 1) continue;
    const value = audit.displayValue ? `, ${audit.displayValue}` : '';
    losing.push(`${audit.id} (${audit.title}${value}; score ${Math.round(audit.score * 100)})`);
  }
  return losing;
}

/** Scores of one page and, for every category below budget, the audits that lost points. */
export function judgePage(name: string, result: LighthouseResultLike): PageScores {
  const scores = {} as Record<CategoryId, number | null>;
  const failing: Partial<Record<CategoryId, string[]>> = {};
  for (const category of CATEGORIES) {
    const raw = result.categories[category]?.score;
    const score = raw === null || raw === undefined ? null : Math.round(raw * 100);
    scores[category] = score;
    if (score === null || score < BUDGETS[category]) failing[category] = losingAudits(result, category);
  }
  const page: PageScores = { name, url: result.finalDisplayedUrl ?? '', scores, failing };
  if (result.runtimeError) page.runtimeError = `${result.runtimeError.code}: ${result.runtimeError.message}`;
  return page;
}

/** One line per broken budget, naming the page, the score, the budget and the losing audits. */
export function budgetFailures(pages: PageScores[]): string[] {
  const lines: string[] = [];
  for (const page of pages) {
    if (page.runtimeError) lines.push(`${page.name} ${page.url}: Lighthouse 出错 ${page.runtimeError}`);
    for (const category of CATEGORIES) {
      const audits = page.failing[category];
      if (!audits) continue;
      const score = page.scores[category];
      lines.push(
        `${page.name} ${page.url}: ${category} ${score ?? '无分数'} < ${BUDGETS[category]}` +
          (audits.length ? ` — ${audits.join('; ')}` : ' — 没有单项失分（分数由指标加权得出）'),
      );
    }
  }
  return lines;
}

/** A plain text table: one row per page, one column per category, "!" after a broken budget. */
export function scoreTable(pages: PageScores[]): string {
  const header = ['页面', 'URL', ...CATEGORIES];
  const rows = pages.map((page) => [
    page.name,
    new URL(page.url || 'http://x/').pathname,
    ...CATEGORIES.map((category) => {
      const score = page.scores[category];
      return `${score ?? '—'}${page.failing[category] ? ' !' : ''}`;
    }),
  ]);
  rows.push(['预算', '', ...CATEGORIES.map((category) => `≥ ${BUDGETS[category]}`)]);
  // CJK characters take two columns in a terminal.
  const width = (text: string) =>
    [...text].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => width(row[column]!))));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell + ' '.repeat(widths[column]! - width(cell)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
