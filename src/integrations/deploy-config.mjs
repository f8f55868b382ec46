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

/** @param {string | undefined} value */
export function basePathFromEnv(value) {
  if (!value || value === '/') return '/';
  if (!/^\/?[A-Za-z0-9._~\-/]+\/?$/.test(value) || value.includes('//')) {
    throw new Error(`BASE_PATH 只能包含字母、数字和 . _ ~ - /：${value}（示例：/mail-guide/）`);
  }
  const trimmed = value.replace(/^\/+|\/+$/g, '');
  return `/${trimmed}/`;
}
