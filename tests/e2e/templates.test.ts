import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, noBrowser, openPage, revealIslands } from '../support/browser';

describe.skipIf(noBrowser)('template gallery in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  // A test that fails before its own context.close() leaves no context open for the next one.
  afterEach(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });

  it('shows version badges, the mailbox status and the history with a diff', async () => {
    const { page, context, errors } = await openPage(browser, 'templates/');
    const appeal = page.locator('[data-template="account-appeal"]');
    expect(await appeal.locator('[data-badge="revision"]').innerText()).toBe('修订 4');
    expect(await appeal.locator('[data-badge="ruleset"]').innerText()).toBe('依据规则集 2026.11.3');
    expect(await appeal.locator('[data-mailbox-status]').count()).toBe(1);
    expect(await appeal.locator('[data-template-body]').innerText()).toMatch(
      /^您好：\n\n问题描述：[\s\S]*联系方式：邮箱 【邮箱】；手机 【手机号（按需提供）】[\s\S]*感谢复核。/,
    );
    await appeal.locator('summary').click();
    expect(await appeal.locator('[data-revision="2"] ins').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-template]').count()).toBeGreaterThanOrEqual(7);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('使用此模板 fills the subject and draft checkers; the draft then shows what to fill in', async () => {
    const { page, context, errors, foreignRequests } = await openPage(browser, 'templates/');
    await page.locator('[data-use-template="tech-fault"]').click();
    await page.waitForURL('**/tools/');
    await revealIslands(page);
    await page.locator('#tools-draft-text').waitFor();
    expect(await page.locator('#tools-subject-text').inputValue()).toBe(
      '【技术故障-快手号:【快手号】】App闪退，附日志与录屏',
    );
    const draft = await page.locator('#tools-draft-text').inputValue();
    // Salutation first; no Markdown ** in the body (it reaches webmail as literal asterisks).
    expect(draft).toMatch(/^您好：\n\n问题描述：自【开始日期】起/);
    expect(draft).not.toContain('**');
    // The placeholder phone number is not a phone number yet: the checker asks for it.
    await page.locator('draft-checker [data-rule="contact.missing"]').waitFor();
    expect(await page.locator('[data-template-banner]').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    expect(foreignRequests()).toEqual([]);
    await context.close();
  });

  it('a saved draft from an older revision shows 规则已更新 with links to the entry and the diff', async () => {
    const { page, context } = await openPage(browser, 'tools/');
    await page.evaluate(() => {
      localStorage.setItem('ksmail:draft', '问题描述：旧草稿');
      localStorage.setItem(
        'ksmail:template',
        JSON.stringify({ id: 'account-appeal', revision: 1, ruleset: '2026.11.0' }),
      );
    });
    await page.reload();
    await revealIslands(page);
    const banner = page.locator('[data-template-banner]');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(
      /^规则已更新：.*修订 1（规则集 2026\.11\.0）.*修订 4（规则集 2026\.11\.3）/,
    );
    expect(await banner.getByRole('link', { name: '查看更新日志' }).getAttribute('href')).toBe(
      '/changelog/2026-11-30-ruleset-2026-11-3/',
    );
    await banner.getByRole('link', { name: '查看修订差异' }).click();
    await page.waitForURL('**/templates/#account-appeal-history');
    await revealIslands(page);
    // Clearing the draft forgets the template, and the banner goes.
    await page.goto(page.url().replace(/templates\/#.*$/, 'tools/'));
    await revealIslands(page);
    await page.locator('draft-checker [data-clear]').click();
    expect(await page.locator('[data-template-banner]').isHidden()).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('ksmail:template'))).toBe('null');
    await context.close();
  });
});
