// The JavaScript budgets (issue 9) on the real build: the global setup has just built dist/.
// No browser needed, so this runs even where Chromium is missing.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/support/build-site';
import {
  analyzeSite,
  formatReport,
  formatViolations,
  ISLAND_BUDGET,
  projectOptions,
  readDist,
} from '../../scripts/check-budgets';

const result = analyzeSite(readDist(resolve(ROOT, 'dist')), projectOptions(ROOT));
const pageOf = (path: string) => result.pages.find((page) => page.page === path)!;
const names = (path: string, owner: string) =>
  pageOf(path)
    .owners.filter((candidate) => candidate.owner === owner)
    .map((candidate) => candidate.name)
    .sort();

describe('JavaScript budgets on dist/', () => {
  it('every page and island is within budget (the table is printed)', () => {
    console.log(`\n${formatReport(result)}\n`);
    expect(result.violations, `超出 JavaScript 预算：\n${formatViolations(result.violations)}`).toEqual([]);
  });

  // The analysis must see the real build as it is, or the budgets above would pass vacuously.
  it('finds every island where it is, with its shared chunks, and the lazy chunks apart', () => {
    expect(names('tools/index.html', 'island')).toEqual([
      'AttachmentChecker',
      'DraftChecker',
      'MailComposer',
      'MailboxPicker',
      'SubjectChecker',
    ]);
    expect(names('guide/data/index.html', 'island')).toEqual(['DataTableHelper']);
    expect(names('guide/evaluation/index.html', 'island')).toEqual(['OutcomeTracker']);
    expect(names('templates/index.html', 'island')).toEqual(['TemplateGallery']);
    expect(names('tools/case/index.html', 'island')).toEqual(['CaseFile']);
    // The planner is a view of the case file (issue 18): on its chapter, with its plan and the
    // case code as a chunk after the first load.
    expect(names('guide/follow-up/index.html', 'island')).toEqual(['FollowUpPlanner']);
    expect(
      pageOf('guide/follow-up/index.html').lazy.map((entry) => `${entry.from} ${entry.target}`),
    ).toContainEqual(expect.stringMatching(/^FollowUpPlanner _astro\/planner-engine\.[\w-]+\.js$/));
    // The case file's schema (zod), plan and views load as one chunk after the island's first load.
    expect(
      pageOf('tools/case/index.html').lazy.map((entry) => `${entry.from} ${entry.target}`),
    ).toContainEqual(expect.stringMatching(/^CaseFile _astro\/case-engine\.[\w-]+\.js$/));
    for (const page of ['index.html', '404.html', 'guide/index.html', 'about/index.html']) {
      expect(pageOf(page).owners.map((owner) => owner.owner)).toEqual(['starlight', 'search']);
    }
    const composer = pageOf('tools/index.html').owners.find((owner) => owner.name === 'MailComposer')!;
    // Shared chunks (the stores, the upgrade helper …) count in full for every island using them.
    const draft = pageOf('tools/index.html').owners.find((owner) => owner.name === 'DraftChecker')!;
    expect(composer.closure.filter((file) => draft.closure.includes(file)).length).toBeGreaterThan(0);
    expect(composer.closureGz).toBeGreaterThan(4 * 1024);
    expect(composer.closureGz).toBeLessThanOrEqual(ISLAND_BUDGET);
    const lazy = pageOf('tools/index.html').lazy.map((entry) => `${entry.from} ${entry.target}`);
    expect(lazy).toContainEqual(expect.stringMatching(/^MailComposer _astro\/eml-draft\.[\w-]+\.js$/));
    expect(pageOf('tools/index.html').lazyGz).toBeGreaterThan(20 * 1024);
  });
});
