/**
 * What the case file loads only when 导出案卷（ZIP） or 导入案卷 is pressed: the dossier's writer
 * and reader (fflate, SHA-256, the timeline page) and the import decision — kept out of the
 * island's 15 KB first load. No DOM here: the island shows the results and asks the question.
 *
 * The case file keeps the SHA-256 of an .eml or an evidence package, never its bytes, so the
 * dossier exported here carries timeline.html, case.json and SHA256SUMS; the timeline marks each
 * file it names but does not carry (dossier-timeline.ts). `ksmail dossier` adds the files.
 */
import { buildDossier } from '../../lib/case-file/dossier';
import { readDossier } from '../../lib/case-file/read-dossier';
import { caseJsonText, caseTimeline } from '../../lib/case-file/case-model';
import { readCaseText, type CaseFile, type CaseReading } from '../../lib/case-file/case-schema';

export { decideImport, importQuestion, resolveImport } from '../../lib/case-file/import-decision';

/** The dossier's bytes, or why it cannot be made (in Chinese). */
export function dossierOf(caseFile: CaseFile, channelName: (id: string) => string): Uint8Array | string {
  try {
    return buildDossier({
      caseJson: caseJsonText(caseFile, channelName),
      title: caseFile.title,
      timeline: caseTimeline(caseFile, channelName),
    });
  } catch (problem) {
    return problem instanceof Error ? problem.message : String(problem);
  }
}

/** A chosen file as a case: a dossier ZIP (checked entry by entry) or a case JSON. */
export function readImportedFile(bytes: Uint8Array): CaseReading {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const dossier = readDossier(bytes);
    return dossier.ok ? readCaseText(dossier.caseJson) : { ok: false, message: dossier.message };
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
  return readCaseText(text);
}
