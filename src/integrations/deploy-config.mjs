// Deployment settings read from the environment, validated so that a typo fails the build
// with a clear message instead of producing a site with broken links.

/** @param {string | undefined} value */
export function siteUrlFromEnv(value) {
  if (!value) return 'http://localhost:4321';
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL 不是有效的网址：${value}（示例：https://example.org）`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL 必须以 http:// 或 https:// 开头：${value}`);
  }
  return url.origin;
}

/**
 * What a build without SITE_URL means: canonical links, the sitemap and the feeds then point at
 * http://localhost:4321. Null when SITE_URL is set or this is not a build; otherwise the warning,
 * and `fail` when the build must stop (CI set, or `--strict`).
 * @param {{ siteUrl: string | undefined, building: boolean, ci: boolean, strict: boolean }} input
 * @returns {{ message: string, fail: boolean } | null}
 */
export function missingSiteUrl({ siteUrl, building, ci, strict }) {
  if (siteUrl?.trim() || !building) return null;
  const fail = ci || strict;
  return {
    fail,
    message: `SITE_URL 没有设置：规范链接（canonical）、站点地图和 RSS 里的网址都会是 http://localhost:4321，部署后这些链接是错的。请这样构建：SITE_URL=https://你的域名 npm run build${fail ? `（${ci ? '设置了 CI' : '使用了 --strict'}，构建已停止）` : ''}`,
  };
}

/** @param {string | undefined} value */
export function basePathFromEnv(value) {
  if (!value || value === '/') return '/';
  if (!/^\/?[A-Za-z0-9._~\-/]+\/?$/.test(value) || value.includes('//')) {
    throw new Error(`BASE_PATH 只能包含字母、数字和 . _ ~ - /：${value}（示例：/mail-guide/）`);
  }
  const trimmed = value.replace(/^\/+|\/+$/g, '');
  return `/${trimmed}/`;
}

/**
 * Where readers report an error (/about/): REPORT_URL from the environment, else `bugs.url` of
 * package.json. Only an https:// address or a mailto: with an address is accepted; nothing set
 * gives null, and the page then says that no address is configured (we never make one up).
 * @param {string | undefined} value
 * @param {string} [name] the setting's name for the message
 * @returns {string | null}
 */
export function reportUrlFromEnv(value, name = 'REPORT_URL') {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  let url;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(
      `${name} 不是有效的网址：${trimmed}（示例：https://github.com/某组织/某仓库/issues/new 或 mailto:someone@example.org）`,
    );
  }
  if (url.protocol === 'https:' && url.hostname) return url.href;
  if (url.protocol === 'mailto:' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(decodeURIComponent(url.pathname)))
    return url.href;
  throw new Error(`${name} 必须是 https:// 开头的网址或 mailto:邮箱地址：${trimmed}`);
}
