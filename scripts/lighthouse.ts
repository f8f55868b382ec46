/**
 * `node --import tsx scripts/lighthouse.ts [site URL]`: Lighthouse (mobile form factor,
 * simulated throttling — its defaults) on the home page, a chapter, the tools page and the
 * changelog of the BUILT site. Without a URL it serves dist/ on 127.0.0.1 itself. Prints the
 * four category scores per page; exits 1 naming the losing audits when a budget is broken.
 *
 * Nothing may leave the machine. The flags asked for (background networking, component updates
 * and sync disabled) are not enough for Chromium 156: it still asks clients2.google.com for the
 * time, update.googleapis.com for an on-demand component (the optimization guide's model
 * manifest) and accounts.google.com for the signed-in accounts (ListAccounts). So the network
 * time service is switched off, the component updater and the sign-in service are pointed at a
 * local sink, and every other request that is not for the loopback goes to a proxy of our own
 * that refuses it and records it: any request that tries to leave is reported and fails.
 * LIGHTHOUSE_NETLOG=<file> keeps Chromium's own network log, to see what a new request is;
 * LH_DUMP=<prefix> writes each page's judged report as <prefix>-<page>.json.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from './support/chromium';
import { serveStatic } from './support/static-server';
import {
  budgetFailures,
  budgetsOf,
  CATEGORIES,
  judgePage,
  LIGHTHOUSE_PAGES,
  medianRun,
  RUNS_ON_MISS,
  scoreTable,
  type LighthouseResultLike,
  type PageScores,
} from './lighthouse-budget';

export interface SiteAudit {
  pages: PageScores[];
  /** Requests to anything but the site's own origin, from the proxy and Lighthouse's request log. */
  foreignRequests: string[];
}

/**
 * An HTTP proxy that answers every request with 403 and remembers where it was going. Requests
 * sent to it directly (a path, not an absolute URL) come from the services pointed at it on
 * purpose and are refused without being recorded.
 */
async function refusingProxy(): Promise<{ url: string; seen: string[]; close: () => Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    if (!req.url?.startsWith('/')) seen.push(req.url ?? '?');
    res.statusCode = 403;
    res.end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`https://${req.url ?? '?'}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    seen,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** chrome-launcher's flags, with the Chromium services that would call Google switched off. */
function chromeFlags(proxy: string): string[] {
  const defaults = chromeLauncher.Launcher.defaultFlags();
  const features = defaults.find((flag) => flag.startsWith('--disable-features='));
  return [
    // One --disable-features only: a second one would replace chrome-launcher's list.
    ...defaults.filter((flag) => flag !== features),
    `${features ?? '--disable-features='},NetworkTimeServiceQuerying`,
    '--headless=new',
    ...CHROMIUM_ARGS,
    // The model manifest is fetched on demand even with --disable-component-update.
    `--component-updater=url-source=${proxy}/component-updater/`,
    // ListAccounts is sent whatever the sign-in switches say; only its address can be changed.
    `--gaia-config-contents=${JSON.stringify({ urls: { gaia_url: { url: `${proxy}/` } } })}`,
    // Loopback bypasses the proxy by default; everything else is refused and recorded.
    `--proxy-server=${proxy}`,
    ...(process.env.LIGHTHOUSE_NETLOG
      ? [`--log-net-log=${process.env.LIGHTHOUSE_NETLOG}`, '--net-log-capture-mode=Everything']
      : []),
  ];
}

/** URLs from Lighthouse's own record of the page's requests that are not on `origin`. */
function foreignFromReport(result: Result, origin: string): string[] {
  const details = result.audits['network-requests']?.details;
  if (!details || details.type !== 'table') return [];
  return details.items
    .map((item) => String(item['url'] ?? ''))
    .filter((url) => url && !url.startsWith(origin) && !/^(data|blob|chrome-extension):/.test(url));
}

/** One Lighthouse run (mobile defaults) of `url` in the Chromium on `port`. */
async function runLighthouse(url: string, port: number) {
  const run = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
    // Not in any category; listed so the report holds every request the page made.
    onlyAudits: ['network-requests'],
  });
  if (!run) throw new Error(`Lighthouse 没有返回 ${url} 的结果`);
  return run.lhr as unknown as Result & LighthouseResultLike;
}

/**
 * Audits every page of LIGHTHOUSE_PAGES on `siteUrl` (ending in "/"), one Lighthouse run each
 * in one Chromium. `log` receives a line per finished page.
 */
export async function auditSite(
  siteUrl: string,
  {
    chromePath = findChromium(),
    log = () => {},
  }: { chromePath?: string | null; log?: (line: string) => void } = {},
): Promise<SiteAudit> {
  if (!chromePath) throw new Error('找不到 Chromium：请安装（apt-get install chromium）或设置 CHROME_PATH。');
  const proxy = await refusingProxy();
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: chromeFlags(proxy.url),
    ignoreDefaultFlags: true,
    logLevel: 'silent',
  });
  const origin = new URL(siteUrl).origin;
  const pages: PageScores[] = [];
  const foreign: string[] = [];
  try {
    // One run of the heaviest page thrown away first: the first audits in a new Chromium pay for
    // starting it and reading the CJK fonts from disk, which is not what a visitor's page costs
    // (README, "Accessibility and Lighthouse", has the figures).
    await runLighthouse(new URL('tools/', siteUrl).href, chrome.port);
    for (const spec of LIGHTHOUSE_PAGES) {
      const url = new URL(spec.path, siteUrl).href;
      const audit = () => runLighthouse(url, chrome.port);
      const runs = [await audit()];
      // Performance varies from run to run: a miss is measured four more times and the median judged.
      if (budgetFailures([judgePage(spec.name, runs[0]!, budgetsOf(spec))]).length > 0)
        while (runs.length < RUNS_ON_MISS) runs.push(await audit());
      const result = medianRun(runs);
      if (process.env.LH_DUMP)
        writeFileSync(`${process.env.LH_DUMP}-${spec.name}.json`, JSON.stringify(result));
      const page = { ...judgePage(spec.name, result, budgetsOf(spec)), runs: runs.length };
      pages.push(page);
      for (const run of runs) foreign.push(...foreignFromReport(run, origin));
      log(
        `${spec.name} ${url}: ${CATEGORIES.map((category) => `${category} ${page.scores[category]}`).join(', ')}` +
          (runs.length > 1
            ? `（${runs.length} 次运行，性能分 ${runs.map((run) => Math.round((run.categories.performance?.score ?? 0) * 100)).join('、')}，取中位数）`
            : ''),
      );
    }
  } finally {
    chrome.kill();
    await proxy.close();
  }
  return { pages, foreignRequests: [...new Set([...foreign, ...proxy.seen])] };
}

async function main(): Promise<number> {
  let siteUrl = process.argv[2];
  let close = async () => {};
  if (!siteUrl) {
    const dist = resolve(import.meta.dirname, '../dist');
    if (!existsSync(resolve(dist, 'index.html'))) {
      console.error('dist/ 里没有构建好的网站：请先运行 npm run build。');
      return 2;
    }
    const server = await serveStatic(dist, '/');
    siteUrl = server.url;
    close = server.close;
  }
  try {
    const audit = await auditSite(siteUrl, { log: (line) => console.error(line) });
    console.log(scoreTable(audit.pages));
    const failures = budgetFailures(audit.pages);
    if (audit.foreignRequests.length) failures.push(`请求了站外地址：${audit.foreignRequests.join(', ')}`);
    if (failures.length) {
      console.log(`\n未达到预算：\n${failures.map((line) => `- ${line}`).join('\n')}`);
      return 1;
    }
    console.log('\n全部达到预算，没有站外请求。');
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  } finally {
    await close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
