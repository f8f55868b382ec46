import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, relative, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ROOT } from '../../scripts/support/build-site';
import { launch, noBrowser, openPage, searchSite, siteUrl, revealIslands } from '../support/browser';
import { guard, HOSTILE, HOSTILE_TEXT, type GuardReport } from '../support/guard';
import { parseIcsEvents } from '../support/ics';
import { PLANNER_PAGE, planner as plannerOf, recordMail } from '../support/planner-page';
import { parseHeadersFile } from '../../scripts/support/static-server';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { caseFileReady, createCase } from '../support/case-file-page';
import { CASE_FORMAT, CASE_VERSION } from '../../src/lib/case-file/case-contract';
import { SIGNATURES } from '../../src/lib/attachments/file-signature';
import { SAMPLE_HEADS } from '../../src/lib/attachments/file-signature-samples';

const DIST = resolve(ROOT, 'dist');
const origin = new URL(siteUrl).origin;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}
/** dist/guide/index.html → "guide/", dist/404.html → "404.html". */
const pagePath = (file: string) => relative(DIST, file).replace(/(^|\/)index\.html$/, '$1');

const decodeEntities = (value: string) =>
  value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '')
    .replace(/&amp;/g, '&');

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster']);
/** A javascript: URL as a browser reads it: entities decoded, leading spaces and controls ignored. */
const isScriptUrl = (value: string) =>
  /^javascript:/i.test(decodeEntities(value).replace(/[\u0000-\u0020]/g, ''));

/** Every attribute of every tag, read by a small tokenizer (script, style and comments skipped). */
function attributes(html: string): { tag: string; name: string; value: string }[] {
  const markup = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<script\b[^>]*>)[\s\S]*?<\/script\s*>/gi, '$1')
    .replace(/(<style\b[^>]*>)[\s\S]*?<\/style\s*>/gi, '$1');
  const found: { tag: string; name: string; value: string }[] = [];
  for (const tag of markup.matchAll(
    /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g,
  )) {
    for (const attribute of tag[2]!.matchAll(/([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g)) {
      const raw = attribute[2] ?? '';
      found.push({ tag: tag[1]!, name: attribute[1]!.toLowerCase(), value: raw.replace(/^["']|["']$/g, '') });
    }
  }
  return found;
}

/** The policy of a page's <meta>, which must be the first element after <meta charset>. */
function metaPolicy(html: string): string | null {
  const match =
    /^<!DOCTYPE html><html[^>]*><head><meta charset="utf-8"\/><meta http-equiv="content-security-policy" content="([^"]*)"\/>/.exec(
      html,
    );
  return match ? decodeEntities(match[1]!) : null;
}

const directive = (policy: string, name: string) =>
  policy
    .split(/;\s*/)
    .find((part) => part.split(' ')[0] === name)
    ?.split(' ')
    .slice(1) ?? [];

describe('built pages: the policy and the markup', () => {
  const files = htmlFiles(DIST);
  const policies = new Map(files.map((file) => [pagePath(file), metaPolicy(readFileSync(file, 'utf8'))]));

  it('every page starts its <head> with the same policy, and _headers sends it with frame-ancestors', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect([...policies].filter(([, policy]) => policy === null).map(([path]) => path)).toEqual([]);
    const [policy] = new Set(policies.values());
    expect(new Set(policies.values()).size).toBe(1);
    for (const file of files)
      expect(readFileSync(file, 'utf8').match(/http-equiv="content-security-policy"/g), file).toHaveLength(1);

    const headers = readFileSync(join(DIST, '_headers'), 'utf8');
    expect(headers.split('\n').filter((line) => /^\S/.test(line) && !line.startsWith('#'))).toEqual(['/*']);
    const rules = parseHeadersFile(headers);
    expect(rules).toHaveLength(1);
    expect(rules[0]!.pattern.test('/guide/subject/')).toBe(true);
    expect(Object.fromEntries(rules[0]!.headers)).toEqual({
      'Content-Security-Policy': `${policy}; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });

  it('allows only the site’s own scripts: no unsafe-inline, no eval, nothing from elsewhere', () => {
    const policy = [...policies.values()][0]!;
    const scripts = directive(policy, 'script-src');
    expect(scripts.slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(scripts.slice(2).every((source) => /^'sha256-[A-Za-z0-9+/]{43}='$/.test(source))).toBe(true);
    expect(scripts.length).toBeGreaterThan(4);
    const sources = policy.split(/;\s*/).flatMap((part) => part.split(' ').slice(1));
    expect(sources).not.toContain("'unsafe-eval'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(sources.filter((source) => /\*|:\/\/|^https?:$/.test(source))).toEqual([]);
    expect(directive(policy, 'default-src')).toEqual(["'self'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'base-uri')).toEqual(["'self'"]);
    expect(directive(policy, 'form-action')).toEqual(["'self'"]);
    expect(directive(policy, 'connect-src')).toEqual(["'self'"]);
    expect(directive(policy, 'img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('no page has an inline event handler or a javascript: URL', () => {
    const found: string[] = [];
    for (const file of files) {
      for (const { tag, name, value } of attributes(readFileSync(file, 'utf8'))) {
        if (/^on/.test(name) || (URL_ATTRIBUTES.has(name) && isScriptUrl(value)))
          found.push(`${pagePath(file)}: <${tag} ${name}="${value}">`);
      }
    }
    expect(found).toEqual([]);
    // The scan itself sees such attributes.
    expect(
      attributes('<a href=" java&#x73;cript:x" onclick="y"><img src=x onerror=alert(1)>').map(
        ({ name, value }) => /^on/.test(name) || (URL_ATTRIBUTES.has(name) && isScriptUrl(value)),
      ),
    ).toEqual([true, true, false, true]);
  });
});

/** Attributes in the live DOM that would run code: on* handlers and javascript: URLs. */
const liveScriptAttributes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes]
        .filter(
          (attribute) =>
            /^on/i.test(attribute.name) ||
            (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attribute.name) &&
              /^javascript:/i.test(attribute.value.replace(/[\u0000-\u0020]/g, ''))),
        )
        .map((attribute) => `<${element.localName} ${attribute.name}="${attribute.value}">`),
    ),
  );

/** Nothing that the policy, the user's privacy or hostile input forbids happened. */
function expectClean(report: GuardReport) {
  expect(report.violations, 'CSP violations').toEqual([]);
  expect(report.cspConsole, 'CSP console messages').toEqual([]);
  expect(report.channels, 'beacons, sockets, event sources').toEqual([]);
  expect(report.dialogs, 'dialogs').toEqual([]);
  expect(report.errors, 'uncaught errors').toEqual([]);
  expect(report.foreign(), 'requests to other origins').toEqual([]);
}

const withHead = (id: keyof typeof SIGNATURES, size: number) => {
  const buffer = Buffer.alloc(size, 0x61);
  Buffer.from(SAMPLE_HEADS[id]).copy(buffer);
  return buffer;
};

async function paste(page: Page, target: Locator, text: string) {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await target.fill('');
  await target.focus();
  await page.keyboard.press('Control+V');
}

async function download(page: Page, button: Locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe.skipIf(noBrowser)('in Chromium', () => {
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

  /** A page in a guarded context with clipboard access. */
  async function open(path: string) {
    let report!: GuardReport;
    const opened = await openPage(browser, path, siteUrl, async (context) => {
      report = await guard(context, origin);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    });
    return { ...opened, report };
  }

  it('the guard sees what it must: a blocked inline script, a beacon, a dialog, a request elsewhere', async () => {
    const { page, context, report } = await open('');
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__ran = 1;';
      document.body.append(script);
      return (window as unknown as { __ran?: number }).__ran;
    });
    expect(ran).toBeUndefined();
    // Once per policy: the <meta> and the header each block it.
    await expect.poll(() => report.violations.length).toBe(2);
    for (const violation of report.violations) expect(violation).toMatch(/^script-src-elem blocked inline/);
    expect(await page.evaluate(() => navigator.sendBeacon('/x').toString()).catch(String)).toContain(
      'not allowed',
    );
    await page.evaluate(() => setTimeout(() => alert('hi'), 0));
    await expect.poll(() => report.dialogs).toEqual(['alert: hi']);
    await page.evaluate(() => {
      location.href = 'http://127.0.0.2:9/elsewhere';
    });
    await expect.poll(() => report.foreign()).toEqual(['http://127.0.0.2:9/elsewhere']);
    expect(report.channels).toEqual(['sendBeacon /x']);
    await context.close();
  });

  it('every page: the policy is sent and in force, allows each inline script and style, and nothing violates it', async () => {
    const headerPolicy = readFileSync(join(DIST, '_headers'), 'utf8').match(
      /Content-Security-Policy: (.*)/,
    )![1]!;
    const { page, context, report } = await open('');
    const paths = htmlFiles(DIST).map(pagePath).sort();
    for (const path of paths) {
      const response = await page.goto(new URL(path, siteUrl).href, { waitUntil: 'networkidle' });
      await revealIslands(page);
      expect(response?.headers()['content-security-policy'], path).toBe(headerPolicy);
      const check = await page.evaluate(async () => {
        const meta = document.head.children[1];
        const policy = meta?.matches('meta[http-equiv="content-security-policy"]')
          ? meta.getAttribute('content')!
          : '';
        const hash = async (text: string) =>
          `'sha256-${btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))))}'`;
        // Data blocks (PageData.astro) never run, so they need no hash; anything else inline does.
        const dataBlocks = [...document.querySelectorAll('script[type="application/json"]')];
        const scripts = [
          ...document.querySelectorAll('script:not([src]):not([type="application/json"])'),
        ].map((script) => script.textContent ?? '');
        const styles = [...document.querySelectorAll('style')].map((style) => style.textContent ?? '');
        const missing = [];
        for (const text of scripts)
          if (!policy.includes(await hash(text))) missing.push(`script ${text.slice(0, 60)}`);
        for (const text of styles)
          if (!policy.includes(await hash(text))) missing.push(`style ${text.slice(0, 60)}`);
        // A data block holds JSON only: it parses, and "<" is escaped so it cannot end its element.
        const badBlocks = dataBlocks
          .filter((block) => {
            try {
              JSON.parse(block.textContent ?? '');
              return (block.textContent ?? '').includes('<');
            } catch {
              return true;
            }
          })
          .map((block) => block.outerHTML.slice(0, 80));
        return {
          policy,
          scripts: scripts.length,
          missing,
          badBlocks,
          theme: document.documentElement.dataset.theme,
        };
      });
      expect(`${headerPolicy}`.startsWith(check.policy) && check.policy.length > 100, path).toBe(true);
      expect(check.missing, path).toEqual([]);
      expect(check.badBlocks, path).toEqual([]);
      // Starlight's inline theme script ran (it is allowed by its hash).
      expect(check.theme, path).toMatch(/^(dark|light)$/);
      expect(check.scripts, path).toBeGreaterThan(0);
      expect(await liveScriptAttributes(page), path).toEqual([]);
    }
    // The theme select (Starlight's script) and the search (Pagefind's worker and WebAssembly).
    await page.goto(siteUrl);
    await revealIslands(page);
    await page.locator('starlight-theme-select select').first().selectOption('light');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect((await searchSite(page, '附件格式')).length).toBeGreaterThan(0);
    expect(report.requests.some((url) => url.endsWith('.pagefind'))).toBe(true);
    expectClean(report);
    await context.close();
  });

  it('another site cannot frame the pages (frame-ancestors, from _headers)', async () => {
    const framer = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html');
      response.end(`<!DOCTYPE html><iframe src="${siteUrl}" width="400" height="300"></iframe>`);
    });
    await new Promise<void>((done) => framer.listen(0, '127.0.0.1', done));
    let context: BrowserContext | undefined;
    try {
      const address = framer.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      context = await browser.newContext();
      const page = await context.newPage();
      const messages: string[] = [];
      page.on('console', (message) => messages.push(message.text()));
      await page.goto(`http://127.0.0.1:${address.port}/`);
      await revealIslands(page);
      await expect.poll(() => messages.join('\n')).toMatch(/frame-ancestors/);
      const frame = page.frames()[1];
      expect(frame, 'the iframe').toBeDefined();
      // Chromium commits its error page (chrome-error://chromewebdata/) in the refused frame, and
      // evaluating there works: a failed evaluation is a failure, not a pass.
      expect(
        await frame!.evaluate(() => document.querySelector('site-search') !== null),
        'the site’s page rendered inside the frame',
      ).toBe(false);
    } finally {
      await context?.close();
      await new Promise<void>((done) => framer.close(() => done()));
    }
  });

  it('every tool, used as a user would, sends nothing to another origin and violates no policy', async () => {
    const { page, context, report } = await open('templates/');

    // Template gallery → tools page with the template filled in.
    await page.locator('[data-use-template="copyright-complaint"]').click();
    await page.waitForURL('**/tools/');
    await revealIslands(page);
    await page.locator('draft-checker[data-checked]').waitFor();

    // Mailbox picker, subject (typed), draft (pasted).
    await page.getByRole('radio', { name: '作品被搬运或盗用（我是权利人）' }).check();
    const subject = page.locator('#tools-subject-text');
    await subject.fill('');
    await subject.pressSequentially('【侵权通知-视频ID:8848】请求下架搬运视频');
    await page.locator('subject-checker [data-category="infringement"]').waitFor();
    await page.locator('mailbox-picker [data-route-panel="copyright"] button[data-copy]').first().click();
    await page
      .locator('mailbox-picker [data-picker-status]', { hasText: '已复制' })
      .waitFor({ state: 'attached' });
    await paste(
      page,
      page.locator('#tools-draft-text'),
      '问题描述：视频ID:8848 于 11 月 18 日被搬运。\n影响说明：流量下降 40%。\n诉求清单：请下架。\n联系方式：13800138000',
    );
    await page.locator('draft-checker [data-findings] li').first().waitFor();
    await page.locator('draft-checker [data-fix]').first().click();

    // Attachments → evidence package.
    await page.locator('#tools-attachments-files').setInputFiles([
      { name: 'IMG_0001.PNG', mimeType: 'image/png', buffer: withHead('png', 20_000) },
      { name: '20261118_原创证明.pdf', mimeType: 'application/pdf', buffer: withHead('pdf', 30_000) },
    ]);
    const newName = page.locator('attachment-checker [data-attachment="IMG_0001.PNG"] [data-new-name]');
    await newName.fill('20261118_搬运截图.png');
    await newName.press('Tab');
    const zip = await download(page, page.locator('attachment-checker [data-build]'));
    expect(zip.name).toMatch(/证据包\.zip$/);
    expect(zip.bytes.subarray(0, 2).toString()).toBe('PK');

    // Composer: .eml and rich text.
    const composer = page.locator('mail-composer');
    // The built package is what the mail attaches (issue 18), not the two loose files.
    await expect.poll(() => composer.locator('[data-attachments] li').count()).toBe(1);
    expect(await composer.locator('[data-attachments] li').innerText()).toMatch(/证据包\.zip/);
    const eml = await download(page, composer.getByRole('button', { name: '下载 .eml 草稿' }));
    expect(eml.bytes.toString('latin1')).toMatch(/^X-Unsent: 1\r$/m);
    await composer.getByRole('button', { name: '复制正文（富文本）' }).click();
    await expect.poll(() => composer.locator('[data-status]').innerText()).toContain('富文本');
    await composer.getByRole('button', { name: '已发送，记入案卷' }).click();
    await composer.getByLabel('记入哪个案卷').selectOption('new');
    await composer.getByRole('button', { name: '记入这个案卷' }).click();
    await expect.poll(() => composer.locator('[data-record-status]').innerText()).toContain('已记入案卷');

    // Follow-up planner (on its chapter, a view of the case file) → a case and its .ics.
    await page.goto(new URL(PLANNER_PAGE, siteUrl).href);
    await recordMail(page, '2026-11-20T10:00', 'copyright');
    const planner = plannerOf(page);
    const ics = await download(page, planner.getByRole('button', { name: '导出到日历（.ics）' }));
    expect(ics.bytes.toString('utf8')).toContain('BEGIN:VCALENDAR');
    expect(await liveScriptAttributes(page)).toEqual([]);

    // Data table helper → SVG and PNG.
    await page.goto(new URL('guide/data/', siteUrl).href);
    await revealIslands(page);
    const helper = page.locator('data-table-helper');
    await paste(
      page,
      page.locator('#datatable-input'),
      '日期\t订单量（单）\n11月17日\t126\n11月18日\t0\n11月19日\t3',
    );
    await helper.locator('[data-chart] svg').waitFor();
    const svg = await download(page, helper.locator('[data-download-svg]'));
    expect(svg.bytes.toString('utf8')).toMatch(/^<svg/);
    const png = await download(page, helper.locator('[data-download-png]'));
    expect([...png.bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    await helper.locator('[data-copy-table]').click();
    await expect.poll(() => helper.locator('[data-action-status]').innerText()).not.toBe('');

    // Outcome figures: an old tracker file imported (two mails, into cases) beside the mails the
    // composer and the planner recorded; export CSV and import it back (nothing added twice).
    await page.goto(new URL('guide/evaluation/', siteUrl).href);
    await revealIslands(page);
    const tracker = page.locator('outcome-tracker');
    const oldFile = JSON.stringify({
      format: 'ksmail-outcomes',
      version: 1,
      entries: ['2026-11-02', '2026-11-03'].map((sent) => ({
        id: `t-${sent}`,
        requestType: 'tech-fault',
        sent,
        resolved: 'pending',
        note: `备注 ${sent}`,
      })),
    });
    await tracker
      .locator('[data-import]')
      .setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(oldFile) });
    await page.locator('outcome-tracker[data-entries="4"]').waitFor();
    const csv = await download(page, tracker.getByRole('button', { name: '导出 CSV' }));
    expect(csv.bytes.toString('utf8')).toContain('备注 2026-11-03');
    await tracker
      .locator('[data-import]')
      .setInputFiles({ name: csv.name, mimeType: 'text/csv', buffer: csv.bytes });
    await tracker.locator('[data-import-summary]', { hasText: '读到 4 条：导入 0 条' }).waitFor();

    // Search, from this page.
    expect((await searchSite(page, '截图')).length).toBeGreaterThan(0);
    expect(await liveScriptAttributes(page)).toEqual([]);

    // Ruleset comparison, and Starlight's mobile menu.
    await page.goto(new URL('changelog/compare/?to=2026.11.1', siteUrl).href);
    await revealIslands(page);
    await page.locator('[data-to]').selectOption('2026.11.0');
    await page.locator('[data-compare-empty]').waitFor();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.locator('button.sl-menu-button').click();
    expect(
      await page.locator('#starlight__sidebar').evaluate((sidebar) => sidebar.matches(':popover-open')),
    ).toBe(true);

    // Everything above went to the site's own origin and nowhere else.
    expect(report.requests.filter((url) => url.startsWith(`${origin}/`)).length).toBeGreaterThan(20);
    expectClean(report);
    await context.close();
  });

  describe('hostile input in every field is shown as text and never runs', () => {
    /** Nothing the hostile strings describe exists in the page, and no dialog opened. */
    async function expectInert(page: Page, report: GuardReport) {
      const created = await page.evaluate(() => ({
        images: document.querySelectorAll('img[src="x"], img[src$="/x"]').length,
        handlers: [...document.querySelectorAll('*')].filter((element) =>
          [...element.attributes].some((attribute) => /^on/i.test(attribute.name)),
        ).length,
        scripts: [...document.scripts].filter((script) => /alert\(/.test(script.textContent ?? '')).length,
        links: document.querySelectorAll('a[href^="javascript:" i], [src^="javascript:" i]').length,
      }));
      expect(created).toEqual({ images: 0, handlers: 0, scripts: 0, links: 0 });
      // Give an image error or an injected handler time to fire.
      await page.waitForTimeout(200);
      expect(report.dialogs).toEqual([]);
      expect(report.violations).toEqual([]);
      expect(report.errors).toEqual([]);
    }
    const text = (locator: Locator) => locator.evaluate((element) => element.textContent ?? '');
    const allText = (locator: Locator) =>
      locator.evaluateAll((elements) => elements.map((element) => element.textContent ?? '').join('\n'));

    it('tools page: subject, draft, recipients, attachment names and a file named like markup', async () => {
      const { page, context, report } = await open('tools/');
      const composer = page.locator('mail-composer');
      await page.locator('#tools-subject-text').fill(HOSTILE_TEXT);
      await paste(page, page.locator('#tools-draft-text'), `问题描述：${HOSTILE_TEXT}`);
      // Recipients are split at commas; an entry that looks like a display name with an address
      // (it holds < or ") is read whole by the RFC 5322 parser and named whole, as typed.
      await composer.locator('[data-to]').fill(`${HOSTILE[1]} ${HOSTILE[2]}`);
      await composer.locator('[data-cc]').fill(`${HOSTILE[0]}, ${HOSTILE[3]}`);
      await composer.locator('summary').click();
      await expect.poll(() => text(composer.locator('[data-preview]'))).toContain(HOSTILE_TEXT);
      await expect.poll(() => text(composer.locator('[data-subject]'))).toContain(HOSTILE_TEXT);
      expect(await text(page.locator('draft-checker [data-mirror]'))).toContain(HOSTILE_TEXT);
      // The parser loads with the first named entry: until then such entries are pending.
      await expect
        .poll(() => allText(composer.locator('[data-problems] li')))
        .toContain(`收件人“${HOSTILE[1]} ${HOSTILE[2]}”不是有效的邮箱地址`);
      const problems = await allText(composer.locator('[data-problems] li'));
      expect(problems).toContain(`抄送“${HOSTILE[0]}”不是有效的邮箱地址`);
      expect(problems).toContain(`抄送“${HOSTILE[3]}”不是有效的邮箱地址`);

      // Files named like markup (a file name cannot hold "/"), and markup typed as a new name.
      const names = [HOSTILE[0], '<script>alert(2)<script>', HOSTILE[2], HOSTILE[3]].map(
        (name) => `${name}.png`,
      );
      await page
        .locator('#tools-attachments-files')
        .setInputFiles(names.map((name) => ({ name, mimeType: 'image/png', buffer: withHead('png', 2000) })));
      await expect.poll(() => page.locator('attachment-checker [data-attachment]').count()).toBe(4);
      const listed = await allText(page.locator('attachment-checker [data-attachment]'));
      for (const name of names) expect(listed).toContain(name);
      const rename = page.locator('attachment-checker [data-new-name]').first();
      await rename.fill(`${HOSTILE[1]}.png`);
      await rename.press('Tab');
      await expect
        .poll(() => allText(composer.locator('[data-attachments] li')))
        .toContain(`${HOSTILE[1]}.png`);
      const zip = await download(page, page.locator('attachment-checker [data-build]'));
      expect(zip.bytes.toString('utf8')).toContain(HOSTILE[0]);

      await expectInert(page, report);
      // What was typed is kept as typed.
      await page.reload();
      await revealIslands(page);
      expect(await page.locator('#tools-draft-text').inputValue()).toBe(`问题描述：${HOSTILE_TEXT}`);
      expect(await page.locator('#tools-subject-text').inputValue()).toBe(HOSTILE_TEXT);
      await expectInert(page, report);
      await context.close();
    });

    it('follow-up planner: markup as the subject becomes a case title, a plan and an .ics, as text', async () => {
      const { page, context, report } = await open(PLANNER_PAGE);
      await recordMail(page, '2026-11-20T10:00', 'copyright', HOSTILE_TEXT);
      const planner = plannerOf(page);
      expect(await text(planner.locator('[data-case] option:checked'))).toContain(HOSTILE_TEXT);
      expect(await text(planner.locator('[data-next]'))).toContain(HOSTILE_TEXT);
      const ics = await download(page, planner.getByRole('button', { name: '导出到日历（.ics）' }));
      expect(parseIcsEvents(ics.bytes.toString('utf8'))[0]!.DESCRIPTION).toContain(HOSTILE[1]);
      await expectInert(page, report);
      await page.reload();
      await revealIslands(page);
      await page.locator('follow-up-planner[data-ready]').waitFor();
      expect(await text(planner.locator('[data-case] option:checked'))).toContain(HOSTILE_TEXT);
      await expectInert(page, report);
      await context.close();
    });

    it('data table helper: markup as a header and as cells', async () => {
      const { page, context, report } = await open('guide/data/');
      const helper = page.locator('data-table-helper');
      const data = [`${HOSTILE[0]}\t金额${HOSTILE[3]}（元）`, `${HOSTILE[1]}\t12`, `${HOSTILE[2]}\t30`].join(
        '\n',
      );
      await paste(page, page.locator('#datatable-input'), data);
      await helper.locator('[data-chart] svg').waitFor();
      const table = await text(helper.locator('[data-table]'));
      for (const value of HOSTILE) expect(table).toContain(value);
      expect(await text(helper.locator('[data-chart] svg'))).toContain(HOSTILE[1]);
      const svg = await download(page, helper.locator('[data-download-svg]'));
      expect(svg.bytes.toString('utf8')).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
      await helper.locator('[data-insert]').click();
      await expectInert(page, report);
      await context.close();
    });

    it('outcome figures: a case title and a note from the case file, and imported JSON and CSV', async () => {
      const { page, context, report } = await open('guide/evaluation/');
      const tracker = page.locator('outcome-tracker');
      await page.evaluate(
        ([title, note]) =>
          localStorage.setItem(
            'ksmail:cases',
            JSON.stringify({
              format: 'ksmail-cases',
              version: 1,
              deleted: [],
              migrated: [],
              cases: [
                {
                  format: 'ksmail-case',
                  version: 1,
                  id: 'c-hostile',
                  revision: 1,
                  updatedAt: '2026-11-30T02:00:00.000Z',
                  createdAt: '2026-11-30T02:00:00.000Z',
                  caseType: 'tech-fault',
                  title,
                  parties: [],
                  notes: '',
                  steps: [{ id: 's1', kind: 'mail', date: '2026-11-02', subject: '', to: [], note }],
                },
              ],
            }),
          ),
        [HOSTILE[3], HOSTILE_TEXT] as const,
      );
      await page.reload();
      await revealIslands(page);
      await page.locator('outcome-tracker[data-entries="1"]').waitFor();

      const json = JSON.stringify({
        format: 'ksmail-outcomes',
        version: 1,
        entries: [
          {
            id: HOSTILE[0],
            requestType: 'copyright',
            sent: '2026-11-20',
            resolved: 'pending',
            matter: HOSTILE[1],
            note: HOSTILE[2],
          },
        ],
      });
      await tracker
        .locator('[data-import]')
        .setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(json) });
      await page.locator('outcome-tracker[data-entries="2"]').waitFor();
      const csv = `发送日期,诉求类型,结果,事项,备注\r\n2026-11-21,技术故障,处理中,"${HOSTILE[3].replace(/"/g, '""')}","${HOSTILE[0]}"\r\n2026-11-22,${HOSTILE[1]},处理中,,\r\n`;
      await tracker
        .locator('[data-import]')
        .setInputFiles({ name: 'b.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.locator('outcome-tracker[data-entries="3"]').waitFor();
      // Case titles (the matters imported) in the list; notes in the exported CSV, as text.
      const log = await text(tracker.locator('[data-log-body]'));
      for (const value of [HOSTILE[1], HOSTILE[3]]) expect(log).toContain(value);
      const exported = await download(page, tracker.getByRole('button', { name: '导出 CSV' }));
      expect(exported.bytes.toString('utf8')).toContain(HOSTILE[2]);
      // The unknown request type is named in the import problems, as text.
      expect(await text(tracker.locator('[data-import-problems]'))).toContain(HOSTILE[1]);
      await expectInert(page, report);
      await context.close();
    });

    it('case file: hostile case files are refused or shown as text; nothing runs, leaves or is overwritten', async () => {
      const { page, context, report, response } = await open('tools/case/');
      // The policy of _headers is what the test server sent with this page.
      expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
      await caseFileReady(page);
      const island = page.locator('case-file');
      await createCase(page, '本机的案卷', '账号被封禁或限流');
      await island.getByRole('link', { name: '← 返回案卷列表' }).click();
      await island.locator('[data-list-view]:not([hidden])').waitFor();
      const stored = () => page.evaluate(() => localStorage.getItem('ksmail:cases'));
      const before = await stored();
      const importField = island.getByLabel('导入案卷（ZIP 或 JSON）');
      const importBytes = async (name: string, bytes: Uint8Array | string) => {
        await island
          .locator('[data-message]')
          .evaluate((box: HTMLElement) => ((box.textContent = ''), (box.hidden = true)));
        await importField.setInputFiles({
          name,
          mimeType: name.endsWith('.zip') ? 'application/zip' : 'application/json',
          buffer: Buffer.from(bytes),
        });
      };
      const refused = async (name: string, bytes: Uint8Array | string, says: RegExp) => {
        await importBytes(name, bytes);
        await island.locator('[data-message]:not([hidden])').waitFor();
        expect(await text(island.locator('[data-message]')), name).toMatch(says);
        expect(await stored(), `${name}：本机的案卷没有改动`).toBe(before);
      };

      const now = '2026-11-30T02:00:00.000Z';
      const hostileCase = {
        format: CASE_FORMAT,
        version: CASE_VERSION,
        id: 'hostile-1',
        revision: 3,
        createdAt: now,
        updatedAt: now,
        caseType: 'account-appeal',
        title: HOSTILE_TEXT,
        parties: [{ label: HOSTILE[0], value: HOSTILE[2] }],
        notes: HOSTILE_TEXT,
        steps: [
          {
            id: HOSTILE[3],
            kind: 'appeal',
            date: '2026-11-20',
            reference: HOSTILE[0],
            screenshot: HOSTILE[1],
          },
          {
            id: 's-2',
            kind: 'mail',
            date: '2026-11-21',
            subject: HOSTILE[1],
            to: [HOSTILE[2]],
            cc: [HOSTILE[3]],
            note: HOSTILE[0],
          },
          { id: 's-3', kind: 'call', date: '2026-11-22', who: HOSTILE[3], ticket: HOSTILE[2] },
          { id: 's-4', kind: 'reply', date: '2026-11-23', said: HOSTILE_TEXT, result: 'rejected' },
          { id: 's-5', kind: 'escalation', date: '2026-11-24', channel: HOSTILE[2], reference: HOSTILE[0] },
        ],
      };

      // Files that are not a case this site wrote: refused with a message, nothing changed.
      const caseJson = strToU8(JSON.stringify(hostileCase));
      await refused(
        'escape.zip',
        zipSync({ '../case.json': caseJson, 'case.json': caseJson }),
        /不属于案卷的条目/,
      );
      await refused('absolute.zip', zipSync({ '/etc/passwd': caseJson }), /不属于案卷的条目/);
      // An entry whose directory claims 4 GB: refused from the list, before anything is unpacked.
      const huge = zipSync({ 'case.json': caseJson }, { level: 0 });
      const central = Buffer.from(huge).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      new DataView(huge.buffer).setUint32(central + 24, 0xffff_fff0, true);
      await refused('huge.zip', huge, /超过.*上限/);
      // A Chinese message, never an engine's error (a stack overflow, a TypeError) shown as is.
      const chinese = /^(?![\s\S]*(Error|Maximum call stack|undefined))[\s\S]*[\u4e00-\u9fff]/;
      const nested = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      await refused('deep.json', nested, chinese);
      await refused(
        'deep-notes.json',
        JSON.stringify({ ...hostileCase, notes: '<deep>' }).replace('"<deep>"', nested),
        chinese,
      );
      await refused(
        'newer.json',
        JSON.stringify({ ...hostileCase, version: CASE_VERSION + 1 }),
        /更新的版本/,
      );
      // "__proto__" as a key of the case and of a party: no object of the page gains a property.
      const proto = JSON.stringify(hostileCase).replace(/^\{/, '{"__proto__":{"polluted":"yes"},');
      await refused('proto.json', proto, chinese);
      await refused(
        'proto-party.json',
        JSON.stringify(hostileCase).replace('"parties":[{', '"parties":[{"__proto__":{"polluted":"yes"},'),
        chinese,
      );
      expect(await page.evaluate(() => (({}) as Record<string, unknown>)['polluted'])).toBeUndefined();

      // Markup and javascript: in every field of a valid case: imported, shown as text.
      await importBytes('hostile.json', JSON.stringify(hostileCase));
      await expect.poll(() => island.getAttribute('data-open')).toBe('hostile-1');
      expect(await text(island.locator('[data-case-title]'))).toBe(HOSTILE_TEXT);
      expect(await text(island.locator('[data-case-meta]'))).toContain(HOSTILE_TEXT);
      const steps = await text(island.locator('[data-steps]'));
      for (const value of HOSTILE) expect(steps).toContain(value);
      await expectInert(page, report);
      expect(await liveScriptAttributes(page)).toEqual([]);

      // The dossier's printable timeline holds them as text too.
      const zip = await download(page, island.getByRole('button', { name: '导出案卷（ZIP）' }));
      const timeline = new TextDecoder().decode(unzipSync(zip.bytes)['timeline.html']);
      expect(timeline).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(timeline).not.toMatch(/<img|<script>alert|<svg/i);
      expect(
        attributes(timeline).filter(({ name, value }) => /^on/.test(name) || isScriptUrl(value)),
      ).toEqual([]);
      // The case that was here before is still here, unchanged.
      const shelf = JSON.parse((await stored())!) as { cases: { title: string }[] };
      expect(shelf.cases.map((caseFile) => caseFile.title).sort()).toEqual(
        [HOSTILE_TEXT, '本机的案卷'].sort(),
      );
      expectClean(report);
      await context.close();
    });

    it('search box', async () => {
      const { page, context, report } = await open('');
      for (const query of HOSTILE) {
        await searchSite(page, query);
        expect(await text(page.locator('dialog[open] [data-search-status]'))).toContain(query);
      }
      await expectInert(page, report);
      await context.close();
    });
  });
});
