/**
 * The draft as a mail body: blocks of paragraphs and tables with strong (bold) runs, and the
 * HTML that web mail keeps when it is pasted or opened from an .eml. The island renders the
 * same blocks with DOM nodes for its preview, so no user text ever goes through innerHTML.
 *
 * What is bold: text the writer marked **like this**, a short section label at the start of a
 * line ("问题描述："), and — unless turned off — key figures: numbers with a unit and dates.
 */
import { escapeHtml, parsePipeTables, threeLineTableHtml, type PlainTable } from '../data-table/plain-table';
import { BOLD_MARK } from './plain-text';

export interface Run {
  text: string;
  strong: boolean;
}

export type MailBlock = { kind: 'paragraph'; lines: Run[][] } | { kind: 'table'; table: PlainTable };

export interface BodyOptions {
  /** Bold numbers with units and dates (on by default). */
  boldFigures?: boolean;
}

/**
 * Key figures: dates (2026-11-18, 11 月 18 日, 2026年11月18日) and numbers followed by a unit
 * (元, 万, %, 天, 小时, 个工作日, 单, 次 …). A bare number (an ID, a phone number) is not one.
 */
const NUMBER = String.raw`-?\d[\d,，]*(?:\.\d+)?`;
const UNIT = '(?:%|％|‰|个百分点|倍|个工作日|工作日|天|小时|分钟|秒|元|单|笔|次|人|位|条|个|件|MB|GB|KB)';
export const KEY_FIGURE = new RegExp(
  [
    String.raw`\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日`,
    String.raw`\d{1,2}\s*月\s*\d{1,2}\s*日`,
    String.raw`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}`,
    String.raw`[¥￥]\s*${NUMBER}(?:\s*[万亿]?元)?`,
    // 3 万次, 5 万元, 40%, 2 个工作日, 1.5 亿. A number starts only where its run of digits and
    // commas starts (not after a digit and commas): tried from every digit of 7,000
    // comma-separated IDs, the run was read to its end again each time (13.7 s). A match that
    // starts inside a run cannot exist: no unit starts with a digit or a comma, so the run's
    // first digit would have matched first, with the same ending.
    String.raw`-?(?<!\d[,，]*)\d[\d,，]*(?:\.\d+)?\s*(?:[千万亿]\s*${UNIT}?|${UNIT})`,
  ].join('|'),
  'gu',
);

/** Ranges [start, end) of key figures in a line of text. */
export function keyFigureRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(KEY_FIGURE)) {
    // A figure glued to letters or digits on its left (ID:A12次) is part of something else.
    const before = text[match.index - 1];
    if (before && /[A-Za-z0-9_]/.test(before)) continue;
    ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

// "问题描述：" / "诉求清单:" at the start of a line: up to 8 characters without punctuation.
const SECTION_LABEL = /^[^\s：:，。,.;；!！?？*|]{2,8}[：:]/u;

/** Runs of a line: **marked** parts, the section label and (optionally) key figures are strong. */
export function lineRuns(line: string, options: BodyOptions = {}): Run[] {
  const strong = new Array<boolean>(line.length).fill(false);
  const keep = new Array<boolean>(line.length).fill(true);
  // **marked**: the markers themselves disappear.
  for (const match of line.matchAll(BOLD_MARK)) {
    const start = match.index;
    const end = start + match[0].length;
    keep[start] = keep[start + 1] = keep[end - 1] = keep[end - 2] = false;
    for (let index = start + 2; index < end - 2; index += 1) strong[index] = true;
  }
  const label = SECTION_LABEL.exec(line);
  if (label) for (let index = 0; index < label[0].length; index += 1) strong[index] = true;
  if (options.boldFigures !== false)
    for (const [start, end] of keyFigureRanges(line))
      for (let index = start; index < end; index += 1) strong[index] = true;

  const runs: Run[] = [];
  for (let index = 0; index < line.length; index += 1) {
    if (!keep[index]) continue;
    const last = runs[runs.length - 1];
    if (last && last.strong === strong[index]) last.text += line[index];
    else runs.push({ text: line[index]!, strong: strong[index]! });
  }
  return runs;
}

/** The body as blocks: pipe tables (as the data table helper inserts them) and paragraphs. */
export function mailBlocks(body: string, options: BodyOptions = {}): MailBlock[] {
  const text = body.replace(/\r\n?/g, '\n');
  const blocks: MailBlock[] = [];
  const addParagraphs = (chunk: string) => {
    for (const paragraph of chunk.split(/\n[ \t\u3000]*\n/)) {
      const lines = paragraph.split('\n');
      while (lines.length && lines[0]!.trim() === '') lines.shift();
      while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
      if (lines.length)
        blocks.push({ kind: 'paragraph', lines: lines.map((line) => lineRuns(line, options)) });
    }
  };
  let position = 0;
  for (const { start, end, table } of parsePipeTables(text)) {
    addParagraphs(text.slice(position, start));
    blocks.push({ kind: 'table', table });
    position = end;
  }
  addParagraphs(text.slice(position));
  return blocks;
}

/** Inline styles only: web mail strips <style> blocks and classes. */
export const MAIL_FONT =
  'font-family: -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: 14px; line-height: 1.7; color: #222;';

/** The body as HTML for rich-text paste and the .eml's HTML part. All text is escaped. */
export function mailHtml(body: string, options: BodyOptions = {}): string {
  const parts = mailBlocks(body, options).map((block) =>
    block.kind === 'table'
      ? threeLineTableHtml(block.table)
      : `<p style="margin: 0 0 1em;">${block.lines
          .map((runs) =>
            runs
              .map((run) => (run.strong ? `<b>${escapeHtml(run.text)}</b>` : escapeHtml(run.text)))
              .join(''),
          )
          .join('<br>')}</p>`,
  );
  return `<div style='${MAIL_FONT}'>${parts.join('')}</div>`;
}
