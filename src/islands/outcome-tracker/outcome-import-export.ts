/**
 * Export and import of the outcome log (JSON or CSV) for <outcome-tracker>. Files are made and
 * read in this browser; nothing is uploaded. This module and the file code it uses are not part
 * of the island: the tracker loads them when a file is first asked for (outcome-tracker.ts).
 */
import type { OutcomeContext } from '../../lib/outcomes/outcome-log';
import { MAX_IMPORT_BYTES } from '../../lib/input-limits';
import { exportCsv, exportJson, importOutcomes } from '../../lib/outcomes/outcome-files';
import { decodeTextBytes } from '../../lib/text-decoding';
import { el } from '../shared/dom';
import { downloadBlob } from '../shared/download';
import { $outcomes, importIntoLog } from '../shared/outcome-store';

const SHOWN_PROBLEMS = 30;

export interface FileDeps {
  today: () => string;
  context: () => OutcomeContext;
  say: (text: string) => void;
}

/** The whole log as a JSON or CSV file named with today's date. */
export function exportLog(csv: boolean, { today, context, say }: FileDeps) {
  const entries = $outcomes.get();
  const name = `快手邮件效果记录_${today()}.${csv ? 'csv' : 'json'}`;
  const blob = csv
    ? new Blob([exportCsv(entries, context())], { type: 'text/csv;charset=utf-8' })
    : new Blob([exportJson(entries)], { type: 'application/json' });
  downloadBlob(blob, name);
  say(`已导出 ${entries.length} 条记录：${name}。文件只保存在你的设备上。`);
}

/** Merges a file into the log and lists the rows it skipped, in the import result box. */
export async function importLog(root: HTMLElement, file: File, deps: FileDeps) {
  const summary = root.querySelector<HTMLElement>('[data-import-summary]')!;
  const list = root.querySelector<HTMLElement>('[data-import-problems]')!;
  list.replaceChildren();
  root.querySelector<HTMLElement>('[data-import-result]')!.hidden = false;
  if (file.size > MAX_IMPORT_BYTES) {
    summary.textContent = `“${file.name}”超过 5 MB，不像是本页导出的记录，没有导入。`;
  } else {
    try {
      await importFile(file, deps.context, summary, list);
    } catch (problem) {
      summary.textContent = `无法读取“${file.name}”：${(problem as Error).message}`;
    }
  }
  deps.say(summary.textContent ?? '');
}

/** Reads and merges one file, then says what came of each row; throws what makes it unreadable. */
async function importFile(
  file: File,
  context: () => OutcomeContext,
  summary: HTMLElement,
  list: HTMLElement,
) {
  const decoded = decodeTextBytes(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) throw new Error(decoded.message);
  const result = importOutcomes(decoded.text, context());
  const merged = importIntoLog(result.entries);
  const skipped = result.problems.filter((problem) => problem.row > 0).length;
  const fileProblems = result.problems.filter((problem) => problem.row === 0);
  summary.textContent =
    result.read === 0 && fileProblems.length > 0
      ? `没有从“${file.name}”导入任何记录：${fileProblems.map((problem) => problem.message).join(' ')}`
      : `从“${file.name}”读到 ${result.read} 条：导入 ${result.entries.length} 条（新增 ${merged.added} 条，更新 ${merged.updated} 条，已有相同的 ${merged.unchanged} 条），跳过 ${skipped} 条。` +
        fileProblems.map((problem) => problem.message).join(' ') +
        (decoded.note ? ` ${decoded.note}` : '');
  const rows = result.problems.filter((problem) => problem.row > 0);
  list.replaceChildren(
    ...rows.slice(0, SHOWN_PROBLEMS).map((problem) => el('li', {}, problem.message)),
    ...(rows.length > SHOWN_PROBLEMS
      ? [el('li', {}, `另有 ${rows.length - SHOWN_PROBLEMS} 条被跳过，原因同上类。`)]
      : []),
  );
}
