import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue } from 'axe-core';
import { ROOT } from '../../scripts/support/build-site';

const AXE_SOURCE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  /** Where it was found: the state's label and the colour theme. */
  where: string;
  id: string;
  impact: ImpactValue | undefined;
  help: string;
  nodes: string[];
}

/** Light is checked with every rule; dark only with the rules that depend on colours. */
const THEMES = [
  { theme: 'light', rules: null },
  { theme: 'dark', rules: ['color-contrast', 'link-in-text-block'] },
] as const;

/**
 * Runs axe-core in the page, in Starlight's light and dark themes (it switches them through
 * <html data-theme>, as its theme picker does), on the whole document or on `include` only.
 * axe is put in through the DevTools protocol rather than a <script> tag: no network request,
 * and a Content-Security-Policy that forbids inline scripts cannot stop it.
 */
export async function axeViolations(page: Page, where: string, include?: string): Promise<AxeViolation[]> {
  await settled(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE_SOURCE};0`);
  const found: AxeViolation[] = [];
  for (const { theme, rules } of THEMES) {
    const results = await page.evaluate(
      async ({ theme, rules, include }) => {
        const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
        const root = document.documentElement;
        const previous = root.dataset.theme;
        root.dataset.theme = theme;
        try {
          const result: AxeResults = await axe.run(include ? { include: [include] } : document, {
            resultTypes: ['violations'],
            ...(rules ? { runOnly: { type: 'rule', values: [...rules] } } : {}),
          });
          return result.violations.map((violation) => ({
            id: violation.id,
            impact: violation.impact,
            help: violation.help,
            nodes: violation.nodes.map(
              (node) => `${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`,
            ),
          }));
        } finally {
          if (previous) root.dataset.theme = previous;
        }
      },
      { theme, rules, include },
    );
    found.push(...results.map((violation) => ({ where: `${where} (${theme})`, ...violation })));
  }
  return found;
}

/**
 * Waits for what scripts finish after load: Expressive Code makes a code block that scrolls
 * focusable (tabindex, role region) a moment after it is laid out or resized, not at once.
 */
async function settled(page: Page) {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>('.expressive-code pre')].every(
        (pre) => pre.scrollWidth > pre.clientWidth === pre.hasAttribute('tabindex'),
      ),
    undefined,
    { timeout: 5000 },
  );
}

/** Serious and critical violations fail; the rest are printed. */
export function isBlocking(violation: AxeViolation): boolean {
  return violation.impact === 'serious' || violation.impact === 'critical';
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `[${violation.impact}] ${violation.where} — ${violation.id}: ${violation.help}\n` +
        violation.nodes.map((node) => `    ${node}`).join('\n'),
    )
    .join('\n');
}
