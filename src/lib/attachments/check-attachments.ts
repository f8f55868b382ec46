/**
 * The attachment checker: count, size, format (the guide's table 4), real type from the
 * magic bytes, blocked executables, and the `YYYYMMDD_事件类型.格式` name convention — on file
 * metadata and the first bytes only, so a 1 GB video is checked as fast as a screenshot.
 * Pure: the islands pass File heads, the command line passes bytes read from disk.
 */
import { base64EncodedSize, formatBytes } from '../byte-size';
import {
  ALL_SIGNATURES,
  detectFileType,
  extensionFits,
  signatureForExtension,
  type FileCategory,
  type FileSignature,
} from './file-signature';
import {
  ofKind,
  type AttachmentBlockedRule,
  type AttachmentCountRule,
  type AttachmentEmptyRule,
  type AttachmentFormatRule,
  type AttachmentNameRule,
  type AttachmentRule,
  type AttachmentSizeRule,
  type AttachmentTypeMismatchRule,
  type Finding,
  type MailLimit,
  type Ruleset,
} from '../rules/ruleset';
import { dashedDate, isRealDate, shanghaiDate } from '../shanghai-time';

/** A row of the guide's table 4 (attachment-types.yaml), as far as the checker needs it. */
export interface AttachmentTypeInfo {
  id: string;
  kind: string;
  formats: string[];
}

export interface AttachmentInput {
  name: string;
  size: number;
  /** The file's first bytes (HEAD_BYTES of file-signature.ts are enough). */
  head: Uint8Array;
  /** Last modification time (ms since the epoch), used to date a name that has no date. */
  lastModified?: number;
}

export interface CompiledAttachmentRules {
  ruleset: Ruleset;
  count: AttachmentCountRule | undefined;
  size: AttachmentSizeRule | undefined;
  empty: AttachmentEmptyRule | undefined;
  format: AttachmentFormatRule | undefined;
  mismatch: AttachmentTypeMismatchRule | undefined;
  blocked: AttachmentBlockedRule | undefined;
  names: AttachmentNameRule[];
  /** Extensions of the formats in table 4 (jpg, jpeg, png, mp4, m4v, pdf, zip). */
  allowedExtensions: Set<string>;
  /** "图片证据 JPG/PNG、视频素材 MP4 …", for messages. */
  allowedText: string;
  blockedExtensions: Set<string>;
  mailLimits: MailLimit[];
}

export interface AttachmentReport {
  name: string;
  size: number;
  /** MIME type read from the magic bytes, or null when not recognised. */
  detectedType: string | null;
  detected: FileSignature | null;
  category: FileCategory;
  suggestedName: string;
  /** An executable or script (by extension or content): kept out of packages and mails. */
  blocked: boolean;
  findings: Finding[];
}

export interface AttachmentTotal {
  bytes: number;
  /** Size once Base64-encoded for the mail. */
  encodedBytes: number;
  limits: (MailLimit & { fits: boolean })[];
}

export interface AttachmentsResult {
  files: AttachmentReport[];
  /** Findings about the set of files (their count). */
  findings: Finding[];
  total: AttachmentTotal;
}

export function compileAttachmentRules(
  ruleset: Ruleset,
  attachmentTypes: readonly AttachmentTypeInfo[],
): CompiledAttachmentRules {
  const { rules } = ruleset;
  const one = <K extends AttachmentRule['kind']>(kind: K) => ofKind(rules, kind)[0];
  const allowedFormats = new Set(attachmentTypes.flatMap((type) => type.formats.map((f) => f.toUpperCase())));
  return {
    ruleset,
    count: one('attachment-count'),
    size: one('attachment-size'),
    empty: one('attachment-empty'),
    format: one('attachment-format'),
    mismatch: one('attachment-type-mismatch'),
    blocked: one('attachment-blocked'),
    names: ofKind(rules, 'attachment-name'),
    allowedExtensions: new Set(
      ALL_SIGNATURES.filter((signature) => allowedFormats.has(signature.format)).flatMap(
        (signature) => signature.extensions,
      ),
    ),
    allowedText: attachmentTypes.map((type) => `${type.kind} ${type.formats.join('/')}`).join('、'),
    blockedExtensions: new Set(one('attachment-blocked')?.extensions.map((e) => e.toLowerCase()) ?? []),
    mailLimits: [...(ruleset.mailLimits ?? [])].sort((a, b) => a.bytes - b.bytes),
  };
}

/** Fills `{placeholder}`s of a rule message; unknown ones are left as they are. */
export function fillMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([a-z]+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/** `name.ext` → ['name', 'ext']; a leading dot is part of the stem (`.bashrc` has no extension). */
export function splitName(name: string): [stem: string, extension: string] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return [name, ''];
  return [name.slice(0, dot), name.slice(dot + 1)];
}

// Characters that mail clients and file systems mangle or refuse: path separators, Windows'
// reserved characters, control and invisible characters, emoji (shown as boxes or dropped).
const UNSAFE_CHARACTER =
  /[\\/:*?"<>|\u0000-\u001f\u007f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\ufeff\ufe0f]|\p{Extended_Pictographic}/u;
const UNSAFE_CHARACTERS = new RegExp(UNSAFE_CHARACTER.source, 'gu');
const CONVENTION = /^(\d{8})_(.*)$/su;
// Names cameras, phones and tools give files: they say nothing about the event.
const GENERIC_WORDS =
  /(screen ?shot|screen ?recording|screen ?record|屏幕截图|屏幕录制|截屏|录屏文件|微信图片|微信视频|mmexport|wx_camera|新建文本文档|新建文件夹|未命名|未标题|无标题|untitled|副本|copy|img|dsc|dcim|vid|pxl|mvimg|image|video|photo|camera|record|file|download|capture|snipaste|qq图片)/giu;
const DATE_IN_NAME = /(?<!\d)(20\d{2})[-_.年]?(0[1-9]|1[0-2])[-_.月]?(0[1-9]|[12]\d|3[01])日?(?!\d)/u;

const DEFAULT_EVENT: Record<FileCategory, string> = {
  image: '截图',
  video: '录屏',
  document: '情况说明',
  archive: '证据包',
  text: '日志',
  executable: '附件',
  other: '附件',
};

/** The event part of a name, cleaned of camera prefixes, dates, counters and unsafe characters. */
function eventPart(stem: string, category: FileCategory): string {
  const convention = CONVENTION.exec(stem);
  let event = convention ? convention[2]! : stem.replace(DATE_IN_NAME, ' ');
  event = event.replace(UNSAFE_CHARACTERS, '');
  if (!convention) {
    event = event
      .replace(GENERIC_WORDS, ' ')
      .replace(/[（(]\s*\d+\s*[)）]/gu, ' ')
      .replace(/\b\d{1,2}[.:：]\d{2}([.:：]\d{2})?\b/gu, ' ')
      .replace(/\d{3,}/gu, ' ');
  }
  event = event
    .replace(/\s+/gu, '_')
    .replace(/[_\-.]{2,}/gu, '_')
    .replace(/^[_\-.\s]+|[_\-.\s]+$/gu, '');
  // What is left of "Screenshot … at 10.22.31" is a stray word, not an event. A Han character
  // counts only as a letter: CJK radicals (⺀) are Han symbols, and the name check, which wants
  // a letter in the event, would reject the suggestion (found by a property test).
  const meaningful = convention
    ? /\p{L}/u.test(event)
    : /(?=\p{L})\p{Script=Han}/u.test(event) || (event.match(/\p{L}/gu)?.length ?? 0) > 3;
  if (!meaningful) return DEFAULT_EVENT[category];
  return [...event]
    .slice(0, 20)
    .join('')
    .replace(/[_\-.]+$/u, '');
}

function chosenDate(stem: string, today: string, lastModified: number | undefined): string {
  const convention = CONVENTION.exec(stem);
  const candidates: string[] = [];
  if (convention) candidates.push(convention[1]!);
  const inName = DATE_IN_NAME.exec(stem);
  if (inName) candidates.push(`${inName[1]}${inName[2]}${inName[3]}`);
  if (lastModified !== undefined && Number.isFinite(lastModified) && lastModified > 0)
    candidates.push(shanghaiDate(lastModified).replaceAll('-', ''));
  const usable = candidates.find((date) => isRealDate(date) && dashedDate(date) <= today);
  return usable ?? today.replaceAll('-', '');
}

interface NameContext {
  today: string;
  category: FileCategory;
  detected: FileSignature | null;
  lastModified?: number | undefined;
}

/**
 * The extension a suggested name gets: the one of the type the bytes really are. A PNG named
 * .jpg becomes .png; an executable keeps its real extension (.exe, .sh …), never a harmless
 * looking one: it is left out of the package and the mail anyway, and a name like
 * 截图.jpg would only hide what it is. Without a recognised type, a plausible extension stays.
 */
function suggestedExtension(extension: string, detected: FileSignature | null): string {
  if (detected && !(extension && extensionFits(detected, extension))) return detected.extensions[0] ?? '';
  return (/^[\p{L}\p{N}_]{1,10}$/u.test(extension) ? extension : '') || detected?.extensions[0] || '';
}

/** A name following `YYYYMMDD_事件类型.格式`, keeping what the original name says. */
export function suggestAttachmentName(name: string, context: NameContext): string {
  const [stem, extension] = splitName(name.trim());
  const fitting = suggestedExtension(extension.toLowerCase(), context.detected);
  const date = chosenDate(stem, context.today, context.lastModified);
  return `${date}_${eventPart(stem, context.category)}${fitting ? `.${fitting}` : ''}`;
}

/**
 * The MIME type a file goes out with (package manifest, mail attachment): the type its bytes
 * are, not the one its name or the browser's guess (File.type, from the extension) claims —
 * a PNG named .jpg labelled image/jpeg is shown broken by some mail clients. Office files are
 * all one ZIP signature: their own type follows from an extension that fits. Without a
 * recognised type, `fallback` (the browser's guess) or application/octet-stream.
 */
export function mimeForAttachment(detected: FileSignature | null, name: string, fallback = ''): string {
  if (!detected) return fallback || 'application/octet-stream';
  const extension = splitName(name)[1].toLowerCase();
  if (detected.id === 'office' && Object.hasOwn(OFFICE_MIME, extension) && extensionFits(detected, extension))
    return OFFICE_MIME[extension]!;
  return detected.mime;
}

const OFFICE_MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

const nameFinding = (
  rule: AttachmentRule,
  name: string,
  values: Record<string, string | number>,
  suggested: string,
) => {
  const result: Finding = {
    rule: rule.id,
    severity: rule.level,
    message: fillMessage(rule.message, { name, suggested, ...values }),
    start: 0,
    end: name.length,
    guide: rule.guide,
  };
  if (rule.source) result.source = rule.source;
  if (suggested !== name) result.fix = { start: 0, end: name.length, text: suggested };
  return result;
};

/** The name-convention findings for one name (also used live on an edited new name). */
export function checkAttachmentName(
  name: string,
  compiled: CompiledAttachmentRules,
  context: NameContext,
  suggested = suggestAttachmentName(name, context),
): Finding[] {
  const [stem, extension] = splitName(name);
  const convention = CONVENTION.exec(stem);
  const leadingDate = /^(\d{8})(?!\d)/.exec(stem)?.[1];
  const findings: Finding[] = [];
  for (const rule of compiled.names) {
    let values: Record<string, string | number> | null = null;
    switch (rule.check) {
      case 'convention':
        if (!convention || !extension) values = {};
        break;
      case 'event':
        if (convention && !/[\p{L}]/u.test(convention[2]!)) values = {};
        break;
      case 'date':
        if (leadingDate && !isRealDate(leadingDate)) values = { date: leadingDate };
        break;
      case 'future':
        if (leadingDate && isRealDate(leadingDate) && dashedDate(leadingDate) > context.today)
          values = { date: dashedDate(leadingDate) };
        break;
      case 'characters': {
        const bad = [...new Set(name.match(UNSAFE_CHARACTERS) ?? [])];
        const edges = /^[\s.]|[\s.]$/u.test(stem) ? ['首尾的空格或句点'] : [];
        const shown = bad.map((character) =>
          /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060\ufeff\ufe0f]/u.test(character)
            ? `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
            : character,
        );
        if (bad.length + edges.length > 0) values = { type: [...shown, ...edges].join(' ') };
        break;
      }
      case 'length':
        if ([...name].length > (rule.maxLength ?? Number.POSITIVE_INFINITY))
          values = { count: [...name].length, max: rule.maxLength! };
        break;
    }
    if (values) findings.push(nameFinding(rule, name, values, suggested));
  }
  return findings;
}

function describeLimits(encoded: number, limits: MailLimit[]): string {
  const over = limits.filter((limit) => encoded > limit.bytes);
  const within = limits.filter((limit) => encoded <= limit.bytes);
  const list = (items: MailLimit[]) =>
    items.map((limit) => `${limit.name} ${formatBytes(limit.bytes)}`).join('、');
  if (limits.length === 0) return '';
  if (over.length === 0) return `在常见邮箱的上限以内（${list(within)}）`;
  if (within.length === 0) return `超过了常见邮箱的上限（${list(over)}）`;
  return `超过 ${list(over)} 的上限，在 ${list(within)} 以内`;
}

function categoryOf(detected: FileSignature | null, extension: string): FileCategory {
  const named = signatureForExtension(extension);
  if (detected?.category === 'executable' || named?.category === 'executable') return 'executable';
  return detected?.category ?? named?.category ?? 'other';
}

const BLOCKED_LEFT_OUT = '它不会放进证据包，也不会放进邮件。';

function checkOne(
  input: AttachmentInput,
  compiled: CompiledAttachmentRules,
  today: string,
  suggestedName: string,
): AttachmentReport {
  const { name, size } = input;
  const [, extensionRaw] = splitName(name);
  const extension = extensionRaw.toLowerCase();
  const empty = size === 0 || input.head.length === 0;
  const detected = empty ? null : detectFileType(input.head);
  const named = signatureForExtension(extension);
  const category = categoryOf(detected, extension);
  const context = { today, category, detected, lastModified: input.lastModified };
  const findings: Finding[] = [];
  const push = (rule: AttachmentRule | undefined, values: Record<string, string | number>, fix = false) => {
    if (!rule) return;
    const finding: Finding = {
      rule: rule.id,
      severity: rule.level,
      message: fillMessage(rule.message, { name, suggested: suggestedName, ...values }),
      start: 0,
      end: name.length,
      guide: rule.guide,
      ...(rule.source && { source: rule.source }),
    };
    if (fix && suggestedName !== name) finding.fix = { start: 0, end: name.length, text: suggestedName };
    findings.push(finding);
  };
  const encoded = base64EncodedSize(size);

  if (size === 0) push(compiled.empty, {});
  if (compiled.size && size > compiled.size.maxBytes) {
    const advice =
      (category !== 'executable' && category !== 'other' && compiled.size.categoryAdvice?.[category]) ||
      compiled.size.advice;
    push(compiled.size, {
      size: formatBytes(size),
      limit: formatBytes(compiled.size.maxBytes),
      advice: fillMessage(advice, {
        encoded: formatBytes(encoded),
        limits: describeLimits(encoded, compiled.mailLimits),
      }),
    });
  }
  const blockedByName = compiled.blockedExtensions.has(extension);
  const blockedByContent = detected?.category === 'executable';
  const blocked = blockedByName || blockedByContent;
  if (blocked) {
    push(compiled.blocked, {
      type: blockedByContent ? `内容为${detected!.label}` : `.${extension} 文件`,
      extension,
    });
    // Said plainly, whatever the ruleset's wording: the file does not go out at all.
    const finding = findings.at(-1);
    if (finding && compiled.blocked) finding.message += BLOCKED_LEFT_OUT;
  }
  // Without a recognised signature, only an extension we know the signature of can be wrong.
  // A blocked file is not renamed: no name would make it sendable, and advice to rename an
  // executable shown as .jpg would only help it pass for a picture.
  const mismatched =
    !blocked &&
    !empty &&
    extension !== '' &&
    (detected ? !extensionFits(detected, extension) : named !== null && named.id !== 'text');
  if (mismatched) {
    push(
      compiled.mismatch,
      {
        extension,
        type: detected ? detected.label : `无法识别的数据（文件可能已损坏，或者不是 ${named!.format}）`,
      },
      true,
    );
  }
  if (!blockedByName && !blockedByContent && !compiled.allowedExtensions.has(extension)) {
    const signature = detected ?? named;
    push(compiled.format, {
      extension: extension || '（无扩展名）',
      type: signature ? signature.label : extension ? `.${extension} 文件` : '没有扩展名的文件',
      allowed: compiled.allowedText,
      advice: signature?.advice ?? '请转换成上面的常用格式之一；多个材料可以打包成一个 ZIP。',
    });
  }
  if (!blocked) findings.push(...checkAttachmentName(name, compiled, context, suggestedName));
  return {
    name,
    size,
    detectedType: detected?.mime ?? null,
    detected,
    category,
    suggestedName,
    blocked,
    findings,
  };
}

/** Appends _2, _3 … before the extension to names already taken, so no file overwrites another. */
export function uniqueNames(names: string[]): string[] {
  const taken = new Set<string>();
  // Where the counter of each name stopped: every lower number is taken already (the set only
  // grows), so many copies of one name are numbered in linear, not quadratic, time.
  const nextCounter = new Map<string, number>();
  return names.map((name) => {
    let candidate = name;
    const [stem, extension] = splitName(name);
    const key = `${stem}\u0000${extension}`;
    let counter = nextCounter.get(key) ?? 2;
    if (taken.has(candidate.toLowerCase())) {
      for (; ; counter += 1) {
        candidate = `${stem}_${counter}${extension ? `.${extension}` : ''}`;
        if (!taken.has(candidate.toLowerCase())) break;
      }
      nextCounter.set(key, counter + 1);
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

export function attachmentTotal(sizes: number[], compiled: CompiledAttachmentRules): AttachmentTotal {
  const bytes = sizes.reduce((sum, size) => sum + size, 0);
  const encodedBytes = sizes.reduce((sum, size) => sum + base64EncodedSize(size), 0);
  return {
    bytes,
    encodedBytes,
    limits: compiled.mailLimits.map((limit) => ({ ...limit, fits: encodedBytes <= limit.bytes })),
  };
}

/** Checks the files chosen for one mail. `today` is Beijing time, `YYYY-MM-DD`. */
export function checkAttachments(
  files: readonly AttachmentInput[],
  compiled: CompiledAttachmentRules,
  options: { today: string },
): AttachmentsResult {
  const { today } = options;
  const suggestions = uniqueNames(
    files.map((file) => {
      const [, extension] = splitName(file.name);
      const empty = file.size === 0 || file.head.length === 0;
      const detected = empty ? null : detectFileType(file.head);
      const context = {
        today,
        category: categoryOf(detected, extension.toLowerCase()),
        detected,
        lastModified: file.lastModified,
      };
      const suggested = suggestAttachmentName(file.name, context);
      // A name that already follows the convention is kept as it is.
      const nameOk =
        checkAttachmentName(file.name, compiled, context, suggested).length === 0 &&
        (empty || !detected || extensionFits(detected, extension));
      return nameOk ? file.name : suggested;
    }),
  );
  const reports = files.map((file, index) => checkOne(file, compiled, today, suggestions[index]!));
  const findings: Finding[] = [];
  const count = compiled.count;
  if (count && files.length > count.max) {
    findings.push({
      rule: count.id,
      severity: count.level,
      message: fillMessage(count.message, { count: files.length, max: count.max }),
      start: 0,
      end: 0,
      guide: count.guide,
      ...(count.source && { source: count.source }),
    });
  }
  return {
    files: reports,
    findings,
    total: attachmentTotal(
      files.map((file) => file.size),
      compiled,
    ),
  };
}

/** Whether any finding of a result is an error (the command line's exit code 1). */
export const hasErrors = (result: AttachmentsResult) =>
  [...result.findings, ...result.files.flatMap((file) => file.findings)].some(
    (finding) => finding.severity === 'error',
  );
