/**
 * The case dossier: one ZIP with the printable timeline (timeline.html), the case as saved
 * (case.json, passed through as the string given), every .eml sent (mails/), every evidence
 * package (evidence/) and SHA256SUMS over all of them, in the `sha256sum -c` format.
 *
 * Byte-identical when built twice from the same input: nothing reads the clock (every entry is
 * dated with the case's last save), the entries come in a fixed order, and the compression is
 * fixed (fflate, deflate level 6 for text, stored for evidence packages, which are ZIPs of media
 * already). fflate and not client-zip (the evidence package's writer): the dossier is built in
 * memory anyway (SHA256SUMS needs every hash before it is written, case.json and the page are
 * small), fflate writes it synchronously, compresses the text entries, and its reader reads the
 * dossier back (read-dossier.ts). Not the reader, and not the case schema.
 */
import { zipSync, type ZipOptions } from 'fflate';
import { formatBytes } from '../byte-size';
import { MAX_DOSSIER_BYTES, MAX_ZIP_ENTRIES } from '../input-limits';
import type { TimelineEntry } from './case-contract';
import {
  CASE_JSON_NAME,
  DOSSIER_SUMS_NAME,
  dossierPaths,
  readCaseJson,
  sha256Hex,
  sumsText,
  TIMELINE_NAME,
  type DossierFile,
} from './dossier-format';
import { timelineHtml } from './dossier-timeline';

export interface DossierInput {
  /** The case as the case file saved it: it must carry the CaseIdentity fields. */
  caseJson: string;
  /** The case's own name, for the timeline's heading. */
  title?: string | undefined;
  timeline: readonly TimelineEntry[];
  /** Every .eml sent, named as it should be inside mails/. */
  mails?: readonly DossierFile[] | undefined;
  /** Every evidence package, named as it should be inside evidence/. */
  evidence?: readonly DossierFile[] | undefined;
}

/** The dossier cannot be made (its case.json is not a case, or it is too large); in Chinese. */
export class DossierError extends Error {
  override name = 'DossierError';
}

/**
 * Entries marked as made on Unix, as plain files readable by all (0644). fflate's default
 * "made on MS-DOS" makes Debian's unzip ignore the UTF-8 flag and read the names as CP437:
 * `mails/申诉.eml` unpacked as `mails/���޻�.eml` and `sha256sum -c` could not find it.
 */
const UNIX_FILE = { os: 3, attrs: (0o100644 << 16) >>> 0 } as const;

/** timeline.html, case.json and SHA256SUMS. */
const OWN_ENTRIES = 3;
const encoder = new TextEncoder();

/**
 * The date every entry carries: noon, Beijing, of the day the case was last saved. ZIP stores
 * local wall-clock fields and fflate fills them from the exporting device's time zone, so the
 * Date is made from the Beijing fields in local time — the same bytes on every device. Noon,
 * because a device's daylight-saving gap can swallow other hours and shift them. DOS dates
 * begin in 1980.
 */
function entryDate(updatedAt: string): Date {
  const instant = Date.parse(updatedAt);
  const beijing = new Date((Number.isNaN(instant) ? 0 : instant) + 8 * 3600 * 1000);
  const year = beijing.getUTCFullYear();
  if (Number.isNaN(instant) || year < 1980 || year > 2099) return new Date(1980, 0, 1, 12);
  return new Date(year, beijing.getUTCMonth(), beijing.getUTCDate(), 12);
}

function tooLarge(mails: readonly DossierFile[], evidence: readonly DossierFile[], caseBytes: number) {
  const entries = mails.length + evidence.length + OWN_ENTRIES;
  if (entries > MAX_ZIP_ENTRIES)
    return `案卷最多能放 ${(MAX_ZIP_ENTRIES - OWN_ENTRIES).toLocaleString('en-US')} 封邮件和证据包，这里有 ${(entries - OWN_ENTRIES).toLocaleString('en-US')} 个。`;
  const total = [...mails, ...evidence].reduce((sum, file) => sum + file.bytes.length, caseBytes);
  if (total > MAX_DOSSIER_BYTES)
    return `邮件、证据包和案卷合计 ${formatBytes(total)}，超过了案卷导出 ${formatBytes(MAX_DOSSIER_BYTES)} 的上限：请把较大的证据包另外保存。`;
  return null;
}

/** The dossier's bytes. Throws DossierError (in Chinese) when the input cannot make one. */
export function buildDossier(input: DossierInput): Uint8Array {
  const read = readCaseJson(input.caseJson);
  if (!read.ok) throw new DossierError(`无法导出案卷：${read.message}`);
  const mails = input.mails ?? [];
  const evidence = input.evidence ?? [];
  const caseBytes = encoder.encode(input.caseJson);
  const problem = tooLarge(mails, evidence, caseBytes.length);
  if (problem) throw new DossierError(problem);

  const mtime = entryDate(read.identity.updatedAt);
  const text: ZipOptions = { level: 6, mtime, ...UNIX_FILE };
  const stored: ZipOptions = { level: 0, mtime, ...UNIX_FILE };
  const paths = dossierPaths(
    mails.map((file) => file.name),
    evidence.map((file) => file.name),
  );
  const carried = [
    { path: CASE_JSON_NAME, bytes: caseBytes, options: text },
    ...mails.map((file, index) => ({ path: paths.mails[index]!, bytes: file.bytes, options: text })),
    ...evidence.map((file, index) => ({ path: paths.evidence[index]!, bytes: file.bytes, options: stored })),
  ].map((entry) => ({ ...entry, sha256: sha256Hex(entry.bytes) }));

  const page = encoder.encode(
    timelineHtml({
      identity: read.identity,
      title: input.title,
      entries: input.timeline,
      files: carried.map(({ path, bytes, sha256 }) => ({ path, size: bytes.length, sha256 })),
    }),
  );
  const all = [{ path: TIMELINE_NAME, bytes: page, options: text, sha256: sha256Hex(page) }, ...carried];
  // Insertion order is the entry order: no path is an integer-like key (each has a dot or a slash).
  const zip: Record<string, [Uint8Array, ZipOptions]> = {};
  for (const entry of all) zip[entry.path] = [entry.bytes, entry.options];
  zip[DOSSIER_SUMS_NAME] = [encoder.encode(sumsText(all)), text];
  return zipSync(zip);
}
