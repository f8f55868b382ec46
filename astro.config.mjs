// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';
import { readFileSync } from 'node:fs';
import {
  siteUrlFromEnv,
  basePathFromEnv,
  reportUrlFromEnv,
  missingSiteUrl,
} from './src/integrations/deploy-config.mjs';
import { satteri } from '@astrojs/markdown-satteri';
import { baseLinksPlugin } from './src/integrations/base-links-plugin.mjs';
import { csp } from './src/integrations/csp.mjs';
import { focusableTablesPlugin } from './src/integrations/focusable-tables-plugin.mjs';
import { SITE_NAME } from './src/lib/site-identity.ts';

// SITE_URL and BASE_PATH let the same source deploy to a domain root or under a sub-path
// (e.g. BASE_PATH=/mail-guide/ for https://example.org/mail-guide/). See README.
const site = siteUrlFromEnv(process.env.SITE_URL);
// A production build without SITE_URL is loud (and fails with CI set or `--strict`): its links
// would all point at localhost. The test builds set SITE_URL (scripts/support/build-site.ts).
const siteUrlProblem = missingSiteUrl({
  siteUrl: process.env.SITE_URL,
  building: process.argv.includes('build'),
  ci: Boolean(process.env.CI && process.env.CI !== 'false'),
  strict: process.argv.includes('--strict'),
});
if (siteUrlProblem?.fail) throw new Error(siteUrlProblem.message);
if (siteUrlProblem) process.stderr.write(`\n\x1b[1;33m警告：${siteUrlProblem.message}\x1b[0m\n\n`);
const base = basePathFromEnv(process.env.BASE_PATH);
// Where /about/ sends error reports: REPORT_URL, else package.json's bugs.url; unset → the page says so.
const packageBugs = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).bugs;
const reportUrl = process.env.REPORT_URL?.trim()
  ? reportUrlFromEnv(process.env.REPORT_URL)
  : reportUrlFromEnv(
      typeof packageBugs === 'string' ? packageBugs : packageBugs?.url,
      'package.json 的 bugs.url',
    );

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR || './dist',
  vite: { define: { 'import.meta.env.KS_REPORT_URL': JSON.stringify(reportUrl ?? '') } },
  markdown: { processor: satteri({ hastPlugins: [baseLinksPlugin(base), focusableTablesPlugin()] }) },
  integrations: [
    starlight({
      title: SITE_NAME,
      description:
        '一份独立的中文指南：给快手官方写邮件时，如何写主题、选收件地址、组织正文、准备附件和跟进。非快手官方网站。',
      locales: {
        root: { label: '简体中文', lang: 'zh-CN' },
      },
      // Starlight's own English-only strings are overridden in src/content/i18n/zh-CN.json.
      components: {
        Footer: './src/overrides/SiteFooter.astro',
        PageTitle: './src/overrides/PageTitle.astro',
        SiteTitle: './src/overrides/SiteTitle.astro',
        Search: './src/islands/site-search/SiteSearch.astro',
        // Starlight's own read and write localStorage unguarded, which throws on every page load
        // where storage is blocked or full; these are the same components with the access guarded.
        ThemeProvider: './src/overrides/ThemeProvider.astro',
        ThemeSelect: './src/overrides/ThemeSelect.astro',
      },
      customCss: ['./src/styles/site.css'],
      plugins: [starlightLinksValidator({ errorOnLocalLinks: true })],
      sidebar: [
        { label: '你遇到了什么事', items: [{ autogenerate: { directory: 'cases' } }] },
        { label: '写作指南', items: [{ autogenerate: { directory: 'guide' } }] },
        { label: '检查工具', link: '/tools/' },
        { label: '案卷', link: '/tools/case/' },
        { label: '模板库', link: '/templates/' },
        {
          label: '规则更新',
          items: [
            { label: '更新日志', link: '/changelog/' },
            { label: '规则版本对比', link: '/changelog/compare/' },
            { label: '本站检查日程', link: '/changelog/schedule/' },
          ],
        },
        { label: '关于本站', link: '/about/' },
      ],
    }),
    // Last: hashes the inline scripts of the finished pages into their Content-Security-Policy.
    csp(),
  ],
});
