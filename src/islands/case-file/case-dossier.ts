/**
 * What the case file loads only when 导出案卷（ZIP） or 导入案卷 is pressed: the dossier's writer
 * and reader (fflate, SHA-256, the timeline page) and the import decision — kept out of the
 * island's 15 KB first load. No DOM here: the island shows the results and asks the question.
 *
 * The case keeps the SHA-256 of each mail's .eml and evidence package; the bytes are in this
 * browser's IndexedDB when the composer recorded the mail (case-files-store.ts). The export puts
 * every one it finds there, checked against its hash, into the dossier under the step's id
 * (`mails/<step>.eml`, `evidence/<step>.zip`, the paths caseTimeline names); the timeline marks
 * the others 未放入案卷. An imported dossier's files go back into that store.
 */
import { buildDossier } from '../../lib/case-file/dossier';
import { readDossier } from '../../lib/case-file/read-dossier';
import { sha256Hex, type DossierFile } from '../../lib/case-file/dossier-format';
import { caseJsonText, caseTimeline, orderedSteps, type StepNames } from '../../lib/case-file/case-model';
import { readCaseText, type CaseFile, type CaseReading } from '../../lib/case-file/case-schema';
import { keepCaseFiles, keptCaseFiles, type KeptFile } from '../shared/case-files-store';

export { decideImport, importQuestion, resolveImport } from '../../lib/case-file/import-decision';

/** A dossier made: its bytes, and how many of the files the case names it carries. */
export interface MadeDossier {
  bytes: Uint8Array;
  carried: number;
  named: number;
}

/** Each mail step's .eml and package as named by its hashes, in the steps' order. */
function namedFiles(caseFile: CaseFile) {
  return orderedSteps(caseFile).flatMap((step) =>
    step.kind === 'mail'
      ? [
          ...(step.emlSha256 ? [{ folder: 'mails', name: `${step.id}.eml`, sha256: step.emlSha256 }] : []),
          ...(step.packageSha256
            ? [{ folder: 'evidence', name: `${step.id}.zip`, sha256: step.packageSha256 }]
            : []),
        ]
      : [],
  );
}

/** The dossier's bytes with every file this browser keeps for the case, or why it cannot be made. */
export async function dossierOf(caseFile: CaseFile, names: StepNames): Promise<MadeDossier | string> {
  const named = namedFiles(caseFile);
  const kept = await keptCaseFiles(named.map((file) => file.sha256));
  const mails: DossierFile[] = [];
  const evidence: DossierFile[] = [];
  for (const file of named) {
    const bytes = kept.get(file.sha256);
    // Bytes that no longer match their hash are left out (and marked 未放入案卷), never passed off.
    if (!bytes || sha256Hex(bytes) !== file.sha256) continue;
    (file.folder === 'mails' ? mails : evidence).push({ name: file.name, bytes });
  }
  try {
    const bytes = buildDossier({
      caseJson: caseJsonText(caseFile, names),
      title: caseFile.title,
      timeline: caseTimeline(caseFile, names),
      mails,
      evidence,
    });
    return { bytes, carried: mails.length + evidence.length, named: named.length };
  } catch (problem) {
    return problem instanceof Error ? problem.message : String(problem);
  }
}

/** A chosen file read as a case, with the dossier's .eml and package files the case names. */
export type ImportReading = (CaseReading & { ok: false }) | { ok: true; case: CaseFile; files: KeptFile[] };

/**
 * A chosen file as a case: a dossier ZIP (checked entry by entry against SHA256SUMS, each carried
 * file also against the hash its step records) or a case JSON.
 */
export function readImportedFile(bytes: Uint8Array): ImportReading {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const dossier = readDossier(bytes);
    if (!dossier.ok) return { ok: false, message: dossier.message };
    const reading = readCaseText(dossier.caseJson);
    if (!reading.ok) return reading;
    const hashes = new Set(namedFiles(reading.case).map((file) => file.sha256));
    const files = [...dossier.files.mails, ...dossier.files.evidence]
      .map((file) => ({ sha256: sha256Hex(file.bytes), bytes: file.bytes }))
      .filter((file) => hashes.has(file.sha256));
    return { ok: true, case: reading.case, files };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      message: '这个文件既不是 ZIP 也不是 UTF-8 文本：请选择本站导出的案卷（.zip 或 .json）。',
    };
  }
  const reading = readCaseText(text);
  return reading.ok ? { ...reading, files: [] } : reading;
}

/** Puts an imported dossier's files back into this browser's store; false when they could not be kept. */
export const keepImportedFiles = (files: readonly KeptFile[]) => keepCaseFiles(files);
