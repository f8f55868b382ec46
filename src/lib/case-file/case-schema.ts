/**
 * The case file's format: one matter (账号被封、作品被搬运 …) from the first step to escalation,
 * as it is saved in the browser and written into case.json. The zod schema is the one
 * definition; the types are inferred from it. `readCase` / `readCaseText` validate any parsed
 * JSON (a saved case, an imported file) and answer in Chinese, never by throwing.
 *
 * It is not the logic on a case (case-model.ts: steps, timeline, merge), nor the browser's
 * storage (src/islands/case-file/). zod stays out of the island's first load: the island loads
 * this module only when it reads a file or checks what storage holds.
 */
import { z } from 'zod';
import { CASE_FORMAT, CASE_VERSION, TEMPLATE_ID, TEMPLATE_REVISION_MAX } from './case-contract';
import { nestsDeeperThan } from './case-depth';
import { LINEAGE_LENGTH, LINEAGE_TOKEN } from './case-lineage';

// zod compiles object parsers with `new Function` when it may; the site's Content-Security-
// Policy forbids eval, and the browser reports each refused try as a violation. Parsing without
// the compiler gives the same results (a few microseconds slower per case).
z.config({ jitless: true });

/** What one case may hold: generous for a real matter, small enough for localStorage. */
export const CASE_LIMITS = {
  title: 100,
  text: 2000,
  notes: 10_000,
  steps: 300,
  parties: 30,
  recipients: 20,
  /** An imported case.json, in characters. */
  fileChars: 2_000_000,
  /** Arrays and objects inside one another: a case needs 4. */
  depth: 8,
} as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const SHA256 = /^[0-9a-f]{64}$/;

const text = (max: number) => z.string().max(max, `不能超过 ${max} 个字符`);
const date = z
  .string()
  .regex(DATE, '应写成 2026-11-30 这样的日期')
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    const parsed = new Date(`${value}T00:00:00Z`);
    return year >= 2004 && year <= 2099 && parsed.toISOString().slice(0, 10) === value;
  }, '不是 2004–2099 年之间存在的日期');
const time = z.string().regex(TIME, '应写成 18:05 这样的时刻（北京时间）');
const sha256 = z.string().regex(SHA256, '应是 64 位十六进制的 SHA-256');

/** Fields every step has: when (Beijing date, time if known) and a free note. */
const stepBase = {
  id: z.string().min(1).max(64),
  date,
  time: time.optional(),
  note: text(CASE_LIMITS.text).optional(),
  /** A clocks.yaml id this step started (case-clocks.ts): the counter-notice reaching the rights holder … */
  clock: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '应是时钟的编号，如 ecommerce-43-counter-notice')
    .optional(),
};

export const appealStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('appeal'),
  /** The appeal's number, or the time it was submitted, as the App showed it. */
  reference: text(200).optional(),
  /** The name of the screenshot kept of it (the file itself stays with the user). */
  screenshot: text(200).optional(),
});

/** A template of the gallery (its file name in src/content/templates) and a revision of it. */
export const templateRefSchema = z.strictObject({
  id: z.string().regex(TEMPLATE_ID, '应是模板的编号，如 account-appeal'),
  revision: z.number().int().min(1).max(TEMPLATE_REVISION_MAX),
});

export const mailStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('mail'),
  subject: text(500),
  to: z.array(text(320)).max(CASE_LIMITS.recipients),
  cc: z.array(text(320)).max(CASE_LIMITS.recipients).optional(),
  /** SHA-256 of the .eml as sent, and of the evidence package, when known. */
  emlSha256: sha256.optional(),
  packageSha256: sha256.optional(),
  /** The gallery template (and its revision) the mail was written from, for the outcome figures (version 3). */
  template: templateRefSchema.optional(),
});

export const callStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('call'),
  /** Whom it reached (人工客服 …) and the ticket number given. */
  who: text(200).optional(),
  ticket: text(200).optional(),
});

export const REPLY_RESULTS = ['resolved', 'rejected', 'pending'] as const;
export const replyStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('reply'),
  /** What the reply said, in the user's words or pasted. */
  said: text(CASE_LIMITS.text),
  result: z.enum(REPLY_RESULTS),
});

export const escalationStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('escalation'),
  /** A channels.yaml id (or the user's own words when the channel is not in the data). */
  channel: text(200),
  reference: text(200).optional(),
});

export const stepSchema = z.discriminatedUnion('kind', [
  appealStepSchema,
  mailStepSchema,
  callStepSchema,
  replyStepSchema,
  escalationStepSchema,
]);

/** 快手号, 订单号, 作品链接 …: a label the user picks or types, and the value. */
export const partySchema = z.strictObject({
  label: text(40).min(1, '请写明这是什么（如 快手号）'),
  value: text(500).min(1, '不能为空'),
});

export const caseSchema = z.strictObject({
  format: z.literal(CASE_FORMAT),
  // A version-1 or 2 case (before lineages, before templates) reads as it was and is saved as the current version.
  version: z.literal([1, 2, CASE_VERSION]).transform((): typeof CASE_VERSION => CASE_VERSION),
  id: z.string().regex(/^[\w-]{1,64}$/, '编号只能是 1–64 个字母、数字、- 或 _'),
  revision: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  updatedAt: z.iso.datetime({ message: '应是 ISO 8601 时间（UTC）' }),
  /** The last edit tokens (case-lineage.ts); absent in cases from before version 2. */
  lineage: z
    .array(z.string().regex(LINEAGE_TOKEN, '应是 4–24 位小写字母或数字'))
    .min(1)
    .max(LINEAGE_LENGTH)
    .optional(),
  createdAt: z.iso.datetime({ message: '应是 ISO 8601 时间（UTC）' }),
  /** A request-routes.yaml id: the case page the matter belongs to. */
  caseType: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, '应是案例页的编号，如 account-appeal'),
  title: text(CASE_LIMITS.title).min(1, '请给案卷起个名字'),
  parties: z.array(partySchema).max(CASE_LIMITS.parties),
  steps: z.array(stepSchema).max(CASE_LIMITS.steps),
  notes: text(CASE_LIMITS.notes),
  /** Where a migrated case came from (跟进计划, 效果记录), shown with it. */
  migratedFrom: text(200).optional(),
});

export type CaseFile = z.infer<typeof caseSchema>;
export type CaseStep = z.infer<typeof stepSchema>;
export type StepKind = CaseStep['kind'];
export type Party = z.infer<typeof partySchema>;
export type ReplyResult = (typeof REPLY_RESULTS)[number];

const FIELD_NAMES: Record<string, string> = {
  format: '文件格式',
  version: '格式版本',
  id: '编号',
  revision: '修订次数',
  updatedAt: '修改时间',
  lineage: '修改记录',
  createdAt: '创建时间',
  caseType: '案例类型',
  title: '案卷名称',
  parties: '当事方与编号',
  steps: '步骤',
  notes: '备注',
  migratedFrom: '迁移来源',
  clock: '开始计时',
  date: '日期',
  time: '时刻',
  note: '说明',
  kind: '步骤类型',
  reference: '编号',
  screenshot: '截图文件名',
  subject: '主题',
  to: '收件人',
  cc: '抄送',
  emlSha256: '.eml 的 SHA-256',
  packageSha256: '证据包的 SHA-256',
  template: '所用模板',
  who: '联系对象',
  ticket: '工单号',
  said: '回复内容',
  result: '结果',
  channel: '渠道',
  label: '名称',
  value: '内容',
};

/** 「步骤 第 2 条 · 日期」 from a zod issue path. */
function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((part) =>
      typeof part === 'number' ? `第 ${part + 1} 条` : (FIELD_NAMES[String(part)] ?? String(part)),
    )
    .join(' · ');
}

export type CaseReading = { ok: true; case: CaseFile } | { ok: false; message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a parsed JSON value as a case. A case from a newer format version is refused before
 * anything else is read (its fields may mean something else); the message says so.
 */
export function readCase(value: unknown): CaseReading {
  if (nestsDeeperThan(value, CASE_LIMITS.depth))
    return { ok: false, message: '这不是本站的案卷：内容嵌套过深，没有读取。' };
  if (!isObject(value) || value.format !== CASE_FORMAT)
    return { ok: false, message: '这不是本站的案卷文件（缺少 "format": "ksmail-case"），没有读取。' };
  const version = value.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > CASE_VERSION)
    return {
      ok: false,
      message: `这份案卷来自本站更新的版本（格式版本 ${version}），这里只能读格式版本 ${CASE_VERSION}：没有读取，也没有改动任何已保存的内容。请刷新页面，用最新版本的本站打开。`,
    };
  // An export's `timeline` (case-model.ts caseJsonText) is derived from the steps: not kept.
  const { timeline, ...fields } = value;
  const input = Array.isArray(timeline) ? fields : value;
  // zod's own messages in Chinese, for the checks above that carry none of their own.
  const parsed = caseSchema.safeParse(input, { error: z.locales.zhCN().localeError });
  if (parsed.success) return { ok: true, case: parsed.data };
  const problems = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${pathText(issue.path) || '案卷'}：${issue.message}`);
  const more = parsed.error.issues.length > 5 ? `（另有 ${parsed.error.issues.length - 5} 处）` : '';
  return { ok: false, message: `案卷内容有误，没有读取：\n${problems.join('\n')}${more}` };
}

/** Reads a case.json's text (an imported file, a saved copy). */
export function readCaseText(source: string): CaseReading {
  if (source.length > CASE_LIMITS.fileChars)
    return {
      ok: false,
      message: `文件过大（${source.length.toLocaleString('zh-CN')} 个字符），本站的案卷不会超过 ${CASE_LIMITS.fileChars.toLocaleString('zh-CN')} 个字符：没有读取。`,
    };
  let value: unknown;
  try {
    value = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, message: '文件不是有效的 JSON，无法作为案卷读取。' };
  }
  return readCase(value);
}
