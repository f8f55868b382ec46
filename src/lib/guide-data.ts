/**
 * The article's tables as typed data: one schema per table, shared by the site build
 * (content collections), the checkers, the `ksmail` command line and the tests.
 * Pure: no file system, no DOM. Loading from disk lives in ./node/load-guide-data.ts.
 */
import { z } from 'zod';
import { parseInChinese } from './zod-chinese';
import { clockSchema } from './follow-up/clocks';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id 只能由小写字母、数字和连字符组成');
/** A date written as YYYY-MM-DD (YAML may parse it into a Date first). */
export const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));
/** A figure quoted from the article (原文称); null where the article gives none. */
const articleFigure = z.string().min(1).nullable();
/** Field names of this record that we filled in ourselves (编辑补充). */
const editorialFields = <T extends string>(keys: readonly [T, ...T[]]) => z.array(z.enum(keys)).default([]);

export const priorities = ['high', 'medium', 'low'] as const;
export type Priority = (typeof priorities)[number];
export const priorityLabels: Record<Priority, string> = { high: '高', medium: '中', low: '低' };

export const subjectTypeSchema = z.object({
  id,
  label: z.string().min(1),
  sample: z.string().min(1),
  replyTime: articleFigure,
  priority: z.enum(priorities),
  keywords: z.array(z.string().min(1)).min(1),
  /** The ID a subject of this type should carry (shown in suggested subjects). */
  idLabel: z.string().min(1),
  editorial: editorialFields(['label', 'sample', 'replyTime', 'priority']),
});

export const mailboxStatuses = ['unverified', 'contradicted', 'verified'] as const;
export type MailboxStatus = (typeof mailboxStatuses)[number];
export const mailboxStatusLabels: Record<MailboxStatus, string> = {
  unverified: '未核实',
  contradicted: '与公开资料不符',
  verified: '已核实',
};

export const mailboxSchema = z
  .object({
    id,
    address: z
      .string()
      .regex(/^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$/i, '邮箱地址必须形如 name@example.com（含 @ 和域名）'),
    articleSpelling: z.string().optional(),
    purpose: z.string().min(1),
    department: z.string().min(1),
    cc: z.array(id).default([]),
    status: z.enum(mailboxStatuses, { error: '状态只能是 unverified、contradicted 或 verified' }),
    publicSources: z.string().min(1),
    sources: z.array(z.object({ title: z.string().min(1), url: z.url() })).default([]),
    lastChecked: isoDate,
  })
  .refine((mailbox) => mailbox.status !== 'verified' || mailbox.sources.length > 0, {
    message: '标为 verified 的邮箱必须在 sources 中给出至少一个官方来源',
    path: ['sources'],
  });

/** Where a source came from: a title and, where there is one, its address. */
const sourceSchema = z.object({ title: z.string().min(1), url: z.url().optional() }).strict();

/**
 * How a channel is reached: a web page, a path inside the 快手 App, a complaint system outside
 * Kuaishou, or an authority with no web form we could source (a court, a regulator).
 */
export const channelKinds = ['web', 'app', 'external', 'authority'] as const;
export type ChannelKind = (typeof channelKinds)[number];
export const channelKindLabels: Record<ChannelKind, string> = {
  web: '快手网页',
  app: '快手 App 内',
  external: '快手以外',
  authority: '主管部门或法院',
};

export const channelSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id 只能由小写字母、数字和连字符组成'),
    name: z.string().min(1),
    kind: z.enum(channelKinds).default('web'),
    url: z
      .url()
      .refine((url) => url.startsWith('https://'), '渠道地址必须是 https 网址')
      .optional(),
    /** For an App channel: the taps, as the source words them (「菜单 → 头像 → 解封申诉」). */
    path: z.string().min(1).optional(),
    purpose: z.string().min(1),
    /** Where the address or path comes from; the www.kuaishou.com links default to the footer copy. */
    source: sourceSchema.optional(),
    lastChecked: isoDate,
  })
  .refine((channel) => channel.kind !== 'web' || channel.url !== undefined, {
    message: '网页渠道必须给出 url',
    path: ['url'],
  })
  .refine((channel) => channel.kind !== 'app' || channel.path !== undefined, {
    message: 'App 内渠道必须给出 path（在 App 里怎么点到）',
    path: ['path'],
  });

/**
 * A channel's part in one case: do it first, use it as well, escalate to it next, or do **not**
 * go there for this case (and why) — with what it accepts, what not, the source and the check date.
 */
export const routeRoles = ['first', 'also', 'next', 'not'] as const;
export type RouteRole = (typeof routeRoles)[number];
export const routeCellSchema = z
  .object({
    channel: id,
    role: z.enum(routeRoles, { error: 'role 只能是 first、also、next 或 not' }),
    accepts: z.string().min(1),
    notAccepted: z.string().min(1).optional(),
    /** A clock this channel runs, as its source states it (「7 个工作日内决定是否受理」). */
    clock: z.string().min(1).optional(),
    source: sourceSchema,
    checked: isoDate,
  })
  .strict();

export const requestRouteSchema = z
  .object({
    id,
    /** The case in the reader's words: 「账号被封禁或限流」. */
    need: z.string().min(1),
    /** Names this case had before (an outcome log written by hand with them still imports). */
    formerNames: z.array(z.string().min(1)).default([]),
    /** What people type or say for this case (search, the home cards, the case list). */
    words: z.array(z.string().min(1)).min(1),
    /** One sentence: who this case is for. */
    summary: z.string().min(1),
    /** The case page's path on the site. */
    page: z.string().regex(/^\/cases\/[a-z0-9-]+\/$/, 'page 应为 /cases/<id>/ 形式的站内路径'),
    /** The mailbox the article names for this need; null where it names none (To stays empty). */
    to: id.nullable(),
    /** A mailbox shown second only, as 「备用（与公开资料不符）」 or 「备用（未核实）」. */
    fallback: id.nullable().default(null),
    subjectType: id,
    subjectPattern: z.string().min(1),
    /** The template to start from (src/content/templates/), if the site has one for this case. */
    template: id.optional(),
    channels: z.array(routeCellSchema).min(1),
    /** Which row of table 6 (follow-ups.yaml) gives the one reply time this case shows everywhere. */
    followUp: id,
    editorial: z.boolean().default(false),
  })
  .refine((route) => route.channels.some((cell) => cell.role === 'first'), {
    message: '每个案例至少要有一个 role: first 的渠道（先做什么）',
    path: ['channels'],
  });

export const bodyStructureSchema = z.object({
  id,
  type: z.string().min(1),
  features: z.string().min(1),
  replyRate: articleFigure,
  cycle: articleFigure,
});

export const attachmentTypeSchema = z.object({
  id,
  kind: z.string().min(1),
  formats: z.array(z.string().regex(/^[A-Z0-9]+$/, '格式用大写扩展名，如 PNG')).min(1),
  exampleName: z.string().min(1),
  effect: articleFigure,
  editorial: editorialFields(['kind', 'formats', 'exampleName', 'effect']),
});

export const chartKinds = ['line', 'bar', 'pie'] as const;
export const chartTypeSchema = z.object({
  id,
  dataKind: z.string().min(1),
  display: z.string().min(1),
  chart: z.enum(chartKinds),
  efficiency: articleFigure,
  preference: articleFigure,
});

export const followUpSchema = z.object({
  id,
  business: z.string().min(1),
  commitment: z.union([
    z.object({ hours: z.number().int().positive() }).strict(),
    z.object({ workingDays: z.number().int().positive() }).strict(),
  ]),
  followUp: z.string().min(1),
  escalation: z.string().min(1),
  editorial: editorialFields(['business', 'commitment', 'followUp', 'escalation']),
});

const monthDay = z.string().regex(/^\d{2}-\d{2}$/, '日期格式应为 MM-DD');
/** Big sales periods (our editorial addition: the article names none). */
export const salesPeriodSchema = z
  .object({
    id,
    name: z.string().min(1),
    /** Every year between these days (MM-DD) … */
    recurring: z.object({ start: monthDay, end: monthDay }).strict().optional(),
    /** … or on dates that move with the lunar calendar, year by year. */
    periods: z.array(z.object({ start: isoDate, end: isoDate }).strict()).optional(),
    note: z.string().min(1),
  })
  .refine((period) => (period.recurring === undefined) !== (period.periods === undefined), {
    message: '应当给出 recurring 或 periods 之一',
  });

export const riskSchema = z.object({
  id,
  type: z.string().min(1),
  triggers: z.string().min(1),
  consequence: z.string().min(1),
  claim: z.boolean(),
  guide: z.string().regex(/^\/[a-z0-9/-]*\/$/, 'guide 应为站内路径，如 /guide/risks/'),
});

/** Every guide table: collection name → data file (under src/content/data/) and schema. */
export const guideTables = {
  subjectTypes: { file: 'subject-types.yaml', schema: subjectTypeSchema },
  mailboxes: { file: 'mailboxes.yaml', schema: mailboxSchema },
  channels: { file: 'channels.yaml', schema: channelSchema },
  requestRoutes: { file: 'request-routes.yaml', schema: requestRouteSchema },
  bodyStructures: { file: 'body-structures.yaml', schema: bodyStructureSchema },
  attachmentTypes: { file: 'attachment-types.yaml', schema: attachmentTypeSchema },
  chartTypes: { file: 'chart-types.yaml', schema: chartTypeSchema },
  followUps: { file: 'follow-ups.yaml', schema: followUpSchema },
  risks: { file: 'risks.yaml', schema: riskSchema },
  salesPeriods: { file: 'sales-periods.yaml', schema: salesPeriodSchema },
  clocks: { file: 'clocks.yaml', schema: clockSchema },
} as const;

export type GuideTableName = keyof typeof guideTables;
export type GuideData = { [K in GuideTableName]: z.output<(typeof guideTables)[K]['schema']>[] };
export type SubjectType = z.output<typeof subjectTypeSchema>;
export type Mailbox = z.output<typeof mailboxSchema>;
export type Channel = z.output<typeof channelSchema>;
export type RequestRoute = z.output<typeof requestRouteSchema>;
export type RouteCell = z.output<typeof routeCellSchema>;
export type FollowUp = z.output<typeof followUpSchema>;
export type SalesPeriod = z.output<typeof salesPeriodSchema>;
export type { Clock } from './follow-up/clocks';

/** A data error that names the file, the record and the field, in Chinese. */
export class GuideDataError extends Error {
  readonly file: string;
  readonly recordId: string | null;
  readonly field: string | null;

  constructor(file: string, recordId: string | null, field: string | null, detail: string) {
    const where = [
      file,
      recordId === null ? null : `记录 "${recordId}"`,
      field === null ? null : `字段 "${field}"`,
    ]
      .filter(Boolean)
      .join(' → ');
    super(`指南数据有误：${where}：${detail}`);
    this.name = 'GuideDataError';
    this.file = file;
    this.recordId = recordId;
    this.field = field;
  }
}

function describeIssue(issue: z.core.$ZodIssue, record: Record<string, unknown>): string {
  const path = issue.path.map(String);
  const value = path.reduce<unknown>(
    (current, key) =>
      current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined,
    record,
  );
  const shown = value === undefined ? '缺少该字段' : `当前值 ${JSON.stringify(value)}`;
  const message = issue.code === 'invalid_type' && value === undefined ? '必填字段' : issue.message;
  return `${message}（${shown}）`;
}

/** Validates one table's raw records (as parsed from YAML): schema, then duplicate ids. */
export function parseGuideTable<K extends GuideTableName>(name: K, raw: unknown): GuideData[K] {
  const { file, schema } = guideTables[name];
  if (!Array.isArray(raw)) throw new GuideDataError(file, null, null, '文件内容应为记录列表（YAML 数组）');
  const seen = new Set<string>();
  return raw.map((record: unknown, index) => {
    if (!record || typeof record !== 'object')
      throw new GuideDataError(file, `#${index + 1}`, null, '记录应为对象');
    const rawId = (record as { id?: unknown }).id;
    const recordId = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : `#${index + 1}`;
    if (seen.has(recordId)) throw new GuideDataError(file, recordId, 'id', `id 重复：${recordId}`);
    seen.add(recordId);
    const result = parseInChinese(schema, record);
    if (!result.success) {
      throw new GuideDataError(
        file,
        recordId,
        result.path || null,
        describeIssue(result.issue, record as Record<string, unknown>),
      );
    }
    return result.data;
  }) as GuideData[K];
}

/** Cross-table checks: every id a record points to must exist. */
export function checkGuideReferences(data: GuideData): void {
  const mailboxIds = new Set(data.mailboxes.map((mailbox) => mailbox.id));
  const subjectTypeIds = new Set(data.subjectTypes.map((type) => type.id));
  const channelIds = new Set(data.channels.map((channel) => channel.id));
  for (const mailbox of data.mailboxes) {
    for (const cc of mailbox.cc) {
      if (!mailboxIds.has(cc))
        throw new GuideDataError('mailboxes.yaml', mailbox.id, 'cc', `未知的邮箱 id：${cc}`);
    }
  }
  for (const route of data.requestRoutes) checkRouteReferences(route, data, channelIds, subjectTypeIds);
  checkReplyWindows(data);
}

/**
 * Table 6's rows and the reply-window clocks are one figure: each row has exactly one clock, with
 * the same count and length, so the picker, the subject checker and the planner cannot disagree.
 */
function checkReplyWindows(data: GuideData): void {
  const file = 'clocks.yaml';
  for (const clock of data.clocks) {
    if (clock.group === 'reply-window' && clock.followUpRow === undefined)
      throw new GuideDataError(file, clock.id, 'followUpRow', '答复时效时钟必须写明对应表6的哪一行');
    if (clock.followUpRow === undefined) continue;
    const row = data.followUps.find((candidate) => candidate.id === clock.followUpRow);
    if (!row)
      throw new GuideDataError(file, clock.id, 'followUpRow', `未知的跟进类型 id：${clock.followUpRow}`);
    const [counts, length] =
      'hours' in row.commitment
        ? ['hours', row.commitment.hours]
        : ['workingDays', row.commitment.workingDays];
    if (clock.counts !== counts || clock.length !== length)
      throw new GuideDataError(
        file,
        clock.id,
        'length',
        `与表6“${row.business}”的时效不一致（表6：${length} ${counts}，时钟：${clock.length} ${clock.counts}）`,
      );
  }
  for (const row of data.followUps) {
    const count = data.clocks.filter((clock) => clock.followUpRow === row.id).length;
    if (count !== 1)
      throw new GuideDataError(
        file,
        null,
        'followUpRow',
        `表6“${row.business}”应当恰好有一个答复时效时钟（现有 ${count} 个）`,
      );
  }
}

/** One route's references, and the honesty rule: a contradicted mailbox is never the To. */
function checkRouteReferences(
  route: RequestRoute,
  data: GuideData,
  channelIds: Set<string>,
  subjectTypeIds: Set<string>,
): void {
  const file = 'request-routes.yaml';
  const mailboxes = new Map(data.mailboxes.map((mailbox) => [mailbox.id, mailbox]));
  for (const field of ['to', 'fallback'] as const) {
    const mailboxId = route[field];
    if (mailboxId !== null && !mailboxes.has(mailboxId))
      throw new GuideDataError(file, route.id, field, `未知的邮箱 id：${mailboxId}`);
  }
  if (route.to !== null && mailboxes.get(route.to)?.status === 'contradicted') {
    throw new GuideDataError(
      file,
      route.id,
      'to',
      `邮箱 ${route.to} 与公开资料不符，不能作为收件人；请改为 fallback（备用）`,
    );
  }
  if (route.fallback !== null && route.fallback === route.to)
    throw new GuideDataError(file, route.id, 'fallback', '备用邮箱不能与收件人相同');
  if (!subjectTypeIds.has(route.subjectType)) {
    throw new GuideDataError(file, route.id, 'subjectType', `未知的主题类型 id：${route.subjectType}`);
  }
  for (const cell of route.channels) {
    if (!channelIds.has(cell.channel))
      throw new GuideDataError(file, route.id, 'channels', `未知的渠道 id：${cell.channel}`);
  }
  if (!data.followUps.some((row) => row.id === route.followUp))
    throw new GuideDataError(file, route.id, 'followUp', `未知的跟进类型 id：${route.followUp}`);
}

/** Parses and cross-checks every table; `read` returns a table's raw parsed YAML. */
export function parseGuideData(read: (file: string) => unknown): GuideData {
  const data = Object.fromEntries(
    (Object.keys(guideTables) as GuideTableName[]).map((name) => [
      name,
      parseGuideTable(name, read(guideTables[name].file)),
    ]),
  ) as GuideData;
  checkGuideReferences(data);
  return data;
}
