// Prefixes the site's base path to root-relative links written in Markdown/MDX content
// (`[主题](/guide/subject/)`), so content links keep working when BASE_PATH is set.
// Astro rewrites its asset URLs itself but leaves content links as written.
import { defineHastPlugin } from 'satteri';

/** @param {string} base e.g. "/" or "/mail-guide/" */
export function prefixBase(href, base) {
  const prefix = base.replace(/\/$/, '');
  if (!prefix || !href.startsWith('/') || href.startsWith('//') || href.startsWith(`${prefix}/`)) return href;
  return prefix + href;
}

/** @param {string} base */
export function baseLinksPlugin(base) {
  return defineHastPlugin({
    name: 'ks-base-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const href = node.properties?.href;
        if (typeof href !== 'string') return;
        const prefixed = prefixBase(href, base);
        if (prefixed !== href) ctx.setProperty(node, 'href', prefixed);
      },
    },
  });
}
