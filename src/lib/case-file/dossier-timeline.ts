/**
 * The dossier's printable timeline (timeline.html): the case's steps oldest first, the files the
 * dossier holds with their SHA-256, who made it and what it is not — one self-contained page with
 * a print stylesheet (A4, a Chinese font stack, no row split across pages), so the browser's
 * 打印 → 存储为 PDF gives a record to hand over.
 *
 * Every value from the case is user text and goes through `escapeHtml`: the page has no script
 * and no external resource, and a `<script>` in a title stays text. Not the ZIP (dossier.ts).
 */
import { formatBytes } from '../byte-size';
import { shanghaiDateTime } from '../shanghai-time';
import { SITE_NAME } from '../site-identity';
import type { CaseIdentity, TimelineEntry } from './case-contract';
import { DOSSIER_SUMS_NAME } from './dossier-format';

/**
 * Controls and the characters that reorder text (bidi embeddings, overrides, isolates) become a
 * visible U+FFFD: in a printed record 「已于\u202E日02月11」 must not read as another date.
 * Tab, line feed and carriage return stay (details keep their lines).
 */
const HIDDEN = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe as HTML content or as a quoted attribute value. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(HIDDEN, '\uFFFD')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/**
 * Oldest first by date, then time (a step without a time first on its day); steps of the same
 * moment keep the order they were given in, so the page is the same on every export.
 */
export function timelineOrder(entries: readonly TimelineEntry[]): TimelineEntry[] {
  const key = (entry: TimelineEntry) => `${String(entry.date ?? '')}\u0000${String(entry.time ?? '')}`;
  return entries
    .map((entry, index) => ({ entry, index, key: key(entry) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
    .map(({ entry }) => entry);
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm; }
html { color: #111; background: #fff; }
body { margin: 0 auto; max-width: 190mm; padding: 12px; font: 11pt/1.6 "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; }
h1 { font-size: 17pt; margin: 0 0 4px; }
h2 { font-size: 13pt; margin: 20px 0 6px; break-after: avoid; page-break-after: avoid; }
.notice { margin: 0 0 12px; padding: 6px 10px; border: 1px solid #999; font-size: 9.5pt; }
.meta { margin: 0 0 12px; font-size: 10pt; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #bbb; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eee; }
td.when { white-space: nowrap; width: 8.5em; }
td.kind { white-space: nowrap; width: 5em; }
.detail { margin: 2px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.files { margin: 4px 0 0; padding-left: 1.2em; font-size: 9pt; }
.hash, code { font-family: "SFMono-Regular", Consolas, "Liberation Mono", monospace; font-size: 8.5pt; overflow-wrap: anywhere; word-break: break-all; }
.path { overflow-wrap: anywhere; }
footer { margin-top: 18px; font-size: 9pt; color: #333; }
@media print { body { padding: 0; max-width: none; } .notice { border-color: #000; } }
`;

export interface TimelinePage {
  identity: CaseIdentity;
  /** The case's own name, when it has one. */
  title?: string | undefined;
  entries: readonly TimelineEntry[];
  /** Every file of the dossier but this page and the sums list, with its hash. */
  files: readonly { path: string; size: number; sha256: string }[];
}

/**
 * A step's file the dossier does not carry (the case file keeps only the hash of an .eml or an
 * evidence package, never its bytes): said next to it, so nobody looks for it in the ZIP.
 */
export const NOT_IN_DOSSIER = '未放入案卷：只记录了它的 SHA-256，文件本身请另外保存并附上';

function entryRow(entry: TimelineEntry, carried: ReadonlySet<string>): string {
  const when = `${escapeHtml(entry.date)}${entry.time ? ` ${escapeHtml(entry.time)}` : ''}`;
  const detail = entry.detail ? `<p class="detail">${escapeHtml(entry.detail)}</p>` : '';
  const files = entry.files?.length
    ? `<ul class="files">${entry.files
        .map(
          (file) =>
            `<li><span class="path">${escapeHtml(file.path)}</span>${carried.has(file.path) ? '' : `（${NOT_IN_DOSSIER}）`}<br><span class="hash">SHA-256 ${escapeHtml(file.sha256)}</span></li>`,
        )
        .join('')}</ul>`
    : '';
  return `<tr><td class="when">${when}</td><td class="kind">${escapeHtml(entry.kind)}</td><td><strong>${escapeHtml(entry.title)}</strong>${detail}${files}</td></tr>`;
}

/** The whole page; the same input gives the same text (no clock is read). */
export function timelineHtml(page: TimelinePage): string {
  const { identity } = page;
  const heading = page.title?.trim() ? `案卷时间线：${escapeHtml(page.title.trim())}` : '案卷时间线';
  const saved = Date.parse(identity.updatedAt);
  const savedText = Number.isNaN(saved)
    ? escapeHtml(identity.updatedAt)
    : `${shanghaiDateTime(saved)}（北京时间）`;
  const entries = timelineOrder(page.entries);
  const carried = new Set(page.files.map((file) => file.path));
  const rows = entries.length
    ? entries.map((entry) => entryRow(entry, carried)).join('\n')
    : '<tr><td colspan="3">案卷中还没有记录任何步骤。</td></tr>';
  const fileRows = page.files.length
    ? page.files
        .map(
          (file) =>
            `<tr><td class="path">${escapeHtml(file.path)}</td><td>${escapeHtml(formatBytes(file.size))}</td><td class="hash">${escapeHtml(file.sha256)}</td></tr>`,
        )
        .join('\n')
    : '<tr><td colspan="3">没有文件。</td></tr>';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${heading}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="notice">由“${escapeHtml(SITE_NAME)}”在本机导出。本站非快手官方，与快手公司无关；本文件只是当事人自己的记录，不是法律意见。</p>
<h1>${heading}</h1>
<p class="meta">案卷编号 <code>${escapeHtml(identity.id)}</code> · 第 ${escapeHtml(identity.revision)} 次修改 · 最后保存于 ${savedText}</p>
</header>
<h2>经过（按时间先后）</h2>
<table>
<thead><tr><th>日期</th><th>类别</th><th>事项</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>文件清单与 SHA-256 校验值</h2>
<table>
<thead><tr><th>包内路径</th><th>大小</th><th>SHA-256</th></tr></thead>
<tbody>
${fileRows}
</tbody>
</table>
<footer>
<p>核对方法：解压后在这个文件夹中运行 <code>sha256sum -c ${DOSSIER_SUMS_NAME}</code>（macOS：<code>shasum -a 256 -c ${DOSSIER_SUMS_NAME}</code>）。每个文件都应显示“OK”（中文系统显示“成功”）。</p>
<p>校验值只能说明文件在导出之后没有被改动过；它由当事人自己生成，不能证明文件在什么时间已经存在，也不能证明邮件已经发出或被收到。需要对第三方证明时，请考虑可信时间戳、区块链存证或公证。</p>
<p>本站非快手官方，本文件不是法律意见。</p>
</footer>
</body>
</html>
`;
}
