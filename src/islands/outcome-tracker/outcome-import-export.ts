/**
 * CSV export of the mails the figures count, and the import of a file the old tracker exported
 * (JSON or CSV, in UTF-8, UTF-16 or GBK) into cases, for <outcome-tracker>. Files are made and
 * read in this browser; nothing is uploaded. This module and the file code it uses are not part
 * of the island: the tracker loads them when a file is first asked for (outcome-tracker.ts).
 *
 * An imported row goes through the case file's migration (case-store.ts migrateIntoShelf), like
 * the old log kept in the browser: a row already migrated or imported (by its id), or a mail this
 * view exported itself, is not added twice.
 */
import type { OutcomeContext } from '../../lib/outcomes/outcome-log';
import type { CaseOutcome } from '../../lib/outcomes/case-outcomes';
import { MAX_IMPORT_BYTES } from '../../lib/input-limits';
import { exportCsv, importOutcomes } from '../../lib/outcomes/outcome-files';
import { decodeTextBytes } from '../../lib/text-decoding';
import { $shelf, migrateIntoShelf } from '../case-file/case-store';
import * as migration from '../../lib/case-file/case-migration';
import { el } from '../shared/dom';
import { downloadBlob } from '../shared/download';

const SHOWN_PROBLEMS = 30;

export interface FileDeps {
  today: () => string;
  context: () => OutcomeContext;
  caseTypes: readonly { id: string; need: string }[];
  /** The mails of the case file, as the figures count them. */
  mails: () => CaseOutcome[];
  say: (text: string) => void;
}

/** The counted mails as a CSV file named with today's date; 事项 is the case's title. */
export function exportLog({ today, context, mails, say }: FileDeps) {
  const entries = mails().map(({ caseId: _id, caseTitle, stepId: _step, ...entry }) => ({
    ...entry,
    matter: caseTitle,
  }));
  const name = `快手邮件效果记录_${today()}.csv`;
  downloadBlob(new Blob([exportCsv(entries, context())], { type: 'text/csv;charset=utf-8' }), name);
  say(`已导出 ${entries.length} 封邮件：${name}。文件只保存在你的设备上。`);
}

/** Turns a file's rows into cases and lists the rows it skipped, in the import result box. */
export async function importLog(root: HTMLElement, file: File, deps: FileDeps) {
  const summary = root.querySelector<HTMLElement>('[data-import-summary]')!;
  const list = root.querySelector<HTMLElement>('[data-import-problems]')!;
  list.replaceChildren();
  root.querySelector<HTMLElement>('[data-import-result]')!.hidden = false;
  if (file.size > MAX_IMPORT_BYTES) {
    summary.textContent = `“${file.name}”超过 5 MB，不像是本页导出的记录，没有导入。`;
  } else {
    try {
      await importFile(file, deps, summary, list);
    } catch (problem) {
      summary.textContent = `无法读取“${file.name}”：${(problem as Error).message}`;
    }
  }
  deps.say(summary.textContent ?? '');
}

/** Reads one file and migrates its new rows, then says what came of each row; throws what makes it unreadable. */
async function importFile(file: File, deps: FileDeps, summary: HTMLElement, list: HTMLElement) {
  const decoded = decodeTextBytes(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) throw new Error(decoded.message);
  const result = importOutcomes(decoded.text, deps.context());
  // Already in the case file: a row migrated or imported before, or a mail exported from here.
  const known = new Set([...$shelf.get().migrated, ...deps.mails().map((mail) => `outcome:${mail.id}`)]);
  const fresh = result.entries.filter((entry) => !known.has(`outcome:${entry.id}`));
  const added = fresh.length
    ? migrateIntoShelf(migration, deps.caseTypes, {
        outcomes: JSON.stringify({ version: 1, entries: fresh }),
        subject: null,
        requestType: null,
      })
    : [];
  const skipped = result.problems.filter((problem) => problem.row > 0).length;
  const fileProblems = result.problems.filter((problem) => problem.row === 0);
  const already = result.entries.length - fresh.length;
  summary.textContent =
    result.read === 0 && fileProblems.length > 0
      ? `没有从“${file.name}”导入任何记录：${fileProblems.map((problem) => problem.message).join(' ')}`
      : `从“${file.name}”读到 ${result.read} 条：导入 ${fresh.length} 条，整理成 ${added.length} 个案卷` +
        (already ? `；${already} 条已在案卷里，没有重复导入` : '') +
        `；跳过 ${skipped} 条。` +
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
