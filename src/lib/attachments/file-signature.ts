/**
 * What a file really is, from its first bytes ("magic numbers"), whatever its name says.
 * Only the head of a file is ever read: HEAD_BYTES is enough for every signature here,
 * including the first entry name of a ZIP (to tell an APK or a JAR from an evidence archive).
 */

export const HEAD_BYTES = 512;

/** A ZIP's local file header, the start of every ZIP with entries (and of the evidence package). */
export const ZIP_MAGIC: readonly number[] = [0x50, 0x4b, 0x03, 0x04];

export type FileCategory = 'image' | 'video' | 'document' | 'archive' | 'text' | 'executable' | 'other';

export interface FileSignature {
  id: string;
  /** Chinese name shown to the user. */
  label: string;
  /** Format name as the guide's table 4 writes it (JPG, PNG, MP4, PDF, ZIP …). */
  format: string;
  mime: string;
  /** Extensions a file with this content may carry; the first is the one to suggest. */
  extensions: string[];
  category: FileCategory;
  /** What to convert an unusual format to, shown with the format finding. */
  advice?: string;
}

export const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

const startsWith = (head: Uint8Array, bytes: readonly number[], offset = 0) =>
  head.length >= offset + bytes.length && bytes.every((byte, index) => head[offset + index] === byte);

const text = (head: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...head.subarray(start, Math.min(end, head.length)));

export const SIGNATURES = {
  jpeg: {
    id: 'jpeg',
    label: 'JPEG 图片',
    format: 'JPG',
    mime: 'image/jpeg',
    extensions: ['jpg', 'jpeg'],
    category: 'image',
  },
  png: {
    id: 'png',
    label: 'PNG 图片',
    format: 'PNG',
    mime: 'image/png',
    extensions: ['png'],
    category: 'image',
  },
  gif: {
    id: 'gif',
    label: 'GIF 动图',
    format: 'GIF',
    mime: 'image/gif',
    extensions: ['gif'],
    category: 'image',
    advice: '截图请另存为 PNG；动图请录成 MP4。',
  },
  webp: {
    id: 'webp',
    label: 'WebP 图片',
    format: 'WEBP',
    mime: 'image/webp',
    extensions: ['webp'],
    category: 'image',
    advice: '请另存为 PNG 或 JPG，部分邮件客户端无法预览 WebP。',
  },
  bmp: {
    id: 'bmp',
    label: 'BMP 位图',
    format: 'BMP',
    mime: 'image/bmp',
    extensions: ['bmp'],
    category: 'image',
    advice: 'BMP 体积很大，请另存为 PNG。',
  },
  heic: {
    id: 'heic',
    label: 'HEIC 照片（iPhone）',
    format: 'HEIC',
    mime: 'image/heic',
    extensions: ['heic', 'heif'],
    category: 'image',
    advice: '在 iPhone 的“设置 → 相机 → 格式”选“兼容性最佳”，或导出为 JPG 后再附上。',
  },
  mp4: {
    id: 'mp4',
    label: 'MP4 视频',
    format: 'MP4',
    mime: 'video/mp4',
    extensions: ['mp4', 'm4v'],
    category: 'video',
  },
  mov: {
    id: 'mov',
    label: 'QuickTime 视频（MOV）',
    format: 'MOV',
    mime: 'video/quicktime',
    extensions: ['mov'],
    category: 'video',
    advice: '请导出或转换为 MP4（H.264），Windows 电脑上也能直接播放。',
  },
  avi: {
    id: 'avi',
    label: 'AVI 视频',
    format: 'AVI',
    mime: 'video/x-msvideo',
    extensions: ['avi'],
    category: 'video',
    advice: '请转换为 MP4（H.264），体积更小，手机上也能播放。',
  },
  matroska: {
    id: 'matroska',
    label: 'MKV / WebM 视频',
    format: 'MKV',
    mime: 'video/x-matroska',
    extensions: ['mkv', 'webm'],
    category: 'video',
    advice: '请转换为 MP4（H.264），手机和邮件客户端都能直接播放。',
  },
  pdf: {
    id: 'pdf',
    label: 'PDF 文档',
    format: 'PDF',
    mime: 'application/pdf',
    extensions: ['pdf'],
    category: 'document',
  },
  office: {
    id: 'office',
    label: 'Office 文档（Word、Excel、PPT）',
    format: 'DOCX',
    mime: 'application/vnd.openxmlformats-officedocument',
    extensions: ['docx', 'xlsx', 'pptx'],
    category: 'document',
    advice: '请另存为 PDF：版式不会变，对方不需要 Office 也能打开。',
  },
  ole: {
    id: 'ole',
    label: '旧版 Office 文档（doc、xls、ppt）',
    format: 'DOC',
    mime: 'application/x-ole-storage',
    extensions: ['doc', 'xls', 'ppt', 'msg'],
    category: 'document',
    advice: '请另存为 PDF。旧版 Office 文件可能带有宏，常被邮件系统拦截。',
  },
  zip: {
    id: 'zip',
    label: 'ZIP 压缩包',
    format: 'ZIP',
    mime: 'application/zip',
    extensions: ['zip'],
    category: 'archive',
  },
  rar: {
    id: 'rar',
    label: 'RAR 压缩包',
    format: 'RAR',
    mime: 'application/vnd.rar',
    extensions: ['rar'],
    category: 'archive',
    advice: '请改用 ZIP：对方电脑不一定装有解压 RAR 的软件。',
  },
  sevenZip: {
    id: 'sevenZip',
    label: '7z 压缩包',
    format: '7Z',
    mime: 'application/x-7z-compressed',
    extensions: ['7z'],
    category: 'archive',
    advice: '请改用 ZIP：对方电脑不一定装有解压 7z 的软件。',
  },
  gzip: {
    id: 'gzip',
    label: 'GZIP 压缩文件',
    format: 'GZ',
    mime: 'application/gzip',
    extensions: ['gz', 'tgz'],
    category: 'archive',
    advice: '请改用 ZIP：Windows 电脑不能直接打开 .gz 文件。',
  },
  text: {
    id: 'text',
    label: '纯文本',
    format: 'TXT',
    mime: 'text/plain',
    extensions: ['txt', 'log', 'csv', 'md', 'json', 'xml', 'html', 'htm', 'srt'],
    category: 'text',
    advice: '日志用 .txt 即可；如果是情况说明，请排好版后另存为 PDF。',
  },
  exe: {
    id: 'exe',
    label: 'Windows 可执行文件',
    format: 'EXE',
    mime: 'application/x-msdownload',
    extensions: ['exe', 'dll', 'scr', 'com', 'sys', 'cpl', 'ocx', 'efi'],
    category: 'executable',
  },
  elf: {
    id: 'elf',
    label: 'Linux / Android 可执行文件',
    format: 'ELF',
    mime: 'application/x-executable',
    extensions: ['so', 'bin', 'elf'],
    category: 'executable',
  },
  macho: {
    id: 'macho',
    label: 'macOS 可执行文件',
    format: 'Mach-O',
    mime: 'application/x-mach-binary',
    extensions: ['dylib', 'app'],
    category: 'executable',
  },
  script: {
    id: 'script',
    label: '脚本（#!）',
    format: 'Script',
    mime: 'text/x-shellscript',
    extensions: ['sh', 'py', 'pl', 'rb', 'command'],
    category: 'executable',
  },
  apk: {
    id: 'apk',
    label: 'Android 安装包（APK）',
    format: 'APK',
    mime: 'application/vnd.android.package-archive',
    extensions: ['apk', 'aab'],
    category: 'executable',
  },
  jar: {
    id: 'jar',
    label: 'Java 程序包（JAR）',
    format: 'JAR',
    mime: 'application/java-archive',
    extensions: ['jar'],
    category: 'executable',
  },
  lnk: {
    id: 'lnk',
    label: 'Windows 快捷方式',
    format: 'LNK',
    mime: 'application/x-ms-shortcut',
    extensions: ['lnk'],
    category: 'executable',
  },
} as const satisfies Record<string, FileSignature>;

export type SignatureId = keyof typeof SIGNATURES;
export const ALL_SIGNATURES: readonly FileSignature[] = Object.values(SIGNATURES);

const MP4_BRANDS = /^(isom|iso[2-9]|mp4[12]|avc1|m4v |m4a |dash|mmp4|msnv|ndas|f4v |3gp[4-6]|3g2a|xavc)$/;
const HEIC_BRANDS = /^(heic|heix|hevc|hevx|mif1|msf1|avif)$/;

function detectZip(head: Uint8Array): SignatureId {
  // The first local header's file name (offset 30, length at 26) tells installers and
  // Office documents from a plain archive.
  const nameLength = (head[26] ?? 0) | ((head[27] ?? 0) << 8);
  const extraLength = (head[28] ?? 0) | ((head[29] ?? 0) << 8);
  const name = text(head, 30, 30 + nameLength);
  const look = text(head, 30, 30 + nameLength + extraLength + 200);
  if (name === 'AndroidManifest.xml' || name === 'classes.dex' || name.startsWith('META-INF/com/android'))
    return 'apk';
  if (name === 'META-INF/MANIFEST.MF' || name === 'META-INF/') return 'jar';
  if (name === '[Content_Types].xml' || /^(word|xl|ppt)\//.test(name) || name === '_rels/.rels')
    return 'office';
  if (name === 'mimetype' && look.includes('application/vnd.oasis')) return 'office';
  return 'zip';
}

function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  if (head.includes(0)) return false;
  let control = 0;
  for (const byte of head) if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control += 1;
  if (control > 0) return false;
  // UTF-8, or GB18030 as older Chinese Windows tools save text. A multi-byte character may
  // be cut at the end of the head: allow up to 3 trailing bytes.
  for (const encoding of ['utf-8', 'gb18030']) {
    const decoder = new TextDecoder(encoding, { fatal: true });
    for (let cut = 0; cut <= Math.min(3, head.length - 1); cut += 1) {
      try {
        decoder.decode(head.subarray(0, head.length - cut));
        return true;
      } catch {
        /* try one byte shorter */
      }
    }
  }
  return false;
}

/** The signature of a file's head, or null when it is binary of a kind not listed here. */
export function detectFileType(head: Uint8Array): FileSignature | null {
  const id = detectId(head);
  return id ? SIGNATURES[id] : null;
}

function detectId(head: Uint8Array): SignatureId | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('AVI '), 8)) return 'avi';
  if (startsWith(head, ascii('ftyp'), 4)) {
    const brand = text(head, 8, 12);
    if (brand === 'qt  ') return 'mov';
    if (HEIC_BRANDS.test(brand)) return 'heic';
    if (MP4_BRANDS.test(brand)) return 'mp4';
    return 'mp4';
  }
  if (['moov', 'mdat', 'wide', 'free'].some((atom) => startsWith(head, ascii(atom), 4))) return 'mov';
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'matroska';
  if (startsWith(head, ascii('%PDF-'))) return 'pdf';
  if (startsWith(head, ZIP_MAGIC)) return detectZip(head);
  if (startsWith(head, [0x50, 0x4b, 0x05, 0x06]) || startsWith(head, [0x50, 0x4b, 0x07, 0x08])) return 'zip';
  if (startsWith(head, ascii('Rar!'))) return 'rar';
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'sevenZip';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(head, ascii('MZ'))) return 'exe';
  if (startsWith(head, [0x7f, ...ascii('ELF')])) return 'elf';
  if (
    [
      [0xfe, 0xed, 0xfa, 0xce],
      [0xfe, 0xed, 0xfa, 0xcf],
      [0xce, 0xfa, 0xed, 0xfe],
      [0xcf, 0xfa, 0xed, 0xfe],
      [0xca, 0xfe, 0xba, 0xbe],
    ].some((magic) => startsWith(head, magic))
  )
    return 'macho';
  if (startsWith(head, [0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0])) return 'lnk';
  if (startsWith(head, ascii('#!'))) return 'script';
  if (startsWith(head, ascii('BM')) && head.length >= 14 && head[6] === 0 && head[7] === 0) return 'bmp';
  if (looksLikeText(head)) return 'text';
  return null;
}

/** The signature a file name's extension promises, or null for an extension not listed. */
export function signatureForExtension(extension: string): FileSignature | null {
  const lower = extension.toLowerCase();
  return ALL_SIGNATURES.find((signature) => signature.extensions.includes(lower as never)) ?? null;
}

/** Whether content detected as `detected` may carry `extension` without misleading anyone. */
export function extensionFits(detected: FileSignature, extension: string): boolean {
  const lower = extension.toLowerCase();
  if ((detected.extensions as readonly string[]).includes(lower)) return true;
  // Office files, APKs and JARs are ZIPs inside: a plain ZIP may be named like any of them,
  // and one of them named .zip is not misleading about its container.
  const zipFamily = ['zip', 'office', 'apk', 'jar'];
  const named = signatureForExtension(lower);
  if (named && zipFamily.includes(detected.id) && zipFamily.includes(named.id)) {
    return detected.id === 'zip' || named.id === 'zip' || named.id === detected.id;
  }
  // Text can carry any text-like extension (.csv, .json …) and scripts are text.
  if (detected.id === 'text' && named?.category === 'text') return true;
  return false;
}
