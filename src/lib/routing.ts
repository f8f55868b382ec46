/**
 * The answer to 「我遇到了这件事，该找谁」: one case's route, resolved from the routing table
 * (request-routes.yaml × channels.yaml × mailboxes.yaml × follow-ups.yaml). Case pages, the
 * mailbox picker, the composer, the template gallery and `ksmail route` all print this one
 * answer. Pure: no file system, no DOM; `today` is passed in so a build and a test agree.
 *
 * It is not a judgement of the case: it says where to go first, where next, where not, and how
 * sure we are of each address — nothing about whether the reader is right.
 */
import {
  channelKindLabels,
  mailboxStatusLabels,
  type Channel,
  type ChannelKind,
  type FollowUp,
  type GuideData,
  type Mailbox,
  type MailboxStatus,
  type RequestRoute,
  type RouteRole,
} from './guide-data';

/** A source older than this many days is shown as 「待复核」 (issue 15: stale after 90 days). */
export const STALE_AFTER_DAYS = 90;

export const routeRoleLabels: Record<RouteRole, string> = {
  first: '先做这一步',
  also: '同时可用',
  next: '仍未解决时',
  not: '这件事不要去',
};

export interface RoutedChannel {
  id: string;
  name: string;
  kind: ChannelKind;
  kindLabel: string;
  url: string | null;
  /** For an App channel: the taps. */
  path: string | null;
  role: RouteRole;
  accepts: string;
  notAccepted: string | null;
  clock: string | null;
  source: { title: string; url: string | null };
  checked: string;
  /** True when `checked` is more than STALE_AFTER_DAYS before today: shown as 「待复核」. */
  stale: boolean;
}

export interface RoutedMailbox {
  id: string;
  address: string;
  status: MailboxStatus;
  statusLabel: string;
  lastChecked: string;
  stale: boolean;
  /** For the fallback only: 「备用（与公开资料不符）」 or 「备用（未核实）」. */
  label: string;
}

export interface ResolvedRoute {
  id: string;
  need: string;
  summary: string;
  page: string;
  words: string[];
  subjectType: string;
  subjectPattern: string;
  template: string | null;
  editorial: boolean;
  /** Channels in the table's order, grouped by role below for convenience. */
  channels: RoutedChannel[];
  first: RoutedChannel[];
  also: RoutedChannel[];
  next: RoutedChannel[];
  not: RoutedChannel[];
  /** The To the tools pre-fill; null where the article names no usable mailbox (To stays empty). */
  to: RoutedMailbox | null;
  cc: RoutedMailbox[];
  /** Shown second, never pre-filled. */
  fallback: RoutedMailbox | null;
  /** The one reply time this case shows everywhere (table 6, 原文称). */
  replyTime: { row: string; business: string; text: string };
}

/** A case id nobody knows: the message names the cases there are. */
export class UnknownCaseError extends Error {
  readonly cases: { id: string; need: string }[];
  constructor(caseId: string, cases: { id: string; need: string }[]) {
    super(
      `没有名为“${caseId}”的案例。可选的案例：\n${cases.map((route) => `  ${route.id}  ${route.need}`).join('\n')}`,
    );
    this.name = 'UnknownCaseError';
    this.cases = cases;
  }
}

const DAY_MS = 86_400_000;
/** Whole days from `from` to `to` (both YYYY-MM-DD), by UTC midnight: no time zone can shift it. */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export const isStale = (checked: string, today: string) => daysBetween(checked, today) > STALE_AFTER_DAYS;

/** 「原文称 7 个工作日内答复」: the commitment of one table 6 row, in words. */
export function replyTimeText(row: FollowUp): string {
  return 'hours' in row.commitment
    ? `原文称 ${row.commitment.hours} 小时内响应`
    : `原文称 ${row.commitment.workingDays} 个工作日内答复`;
}

/**
 * The reply time the subject checker shows for a subject type: the one its cases give (table 6,
 * as the picker and the planner show it), not table 1's figure for the type — the article gave
 * 6 hours for 侵权投诉 in one table and 7 working days in another, and the tools showed both for
 * the same case. Without the 原文称 prefix (the checker adds its mark). Null when the type's cases
 * disagree or there are none.
 */
export function routedReplyTime(
  subjectType: string,
  routes: readonly { subjectType: string; replyTime: { text: string } }[],
): string | null {
  const texts = new Set(
    routes
      .filter((route) => route.subjectType === subjectType)
      .map((route) => route.replyTime.text.replace(/^原文称\s*/, '')),
  );
  return texts.size === 1 ? [...texts][0]! : null;
}

/** Table 1's subject types with the reply time their cases give, for the checkers and ksmail. */
export function subjectTypesWithRoutedReplyTime(
  data: Pick<GuideData, 'subjectTypes' | 'requestRoutes' | 'followUps'>,
): GuideData['subjectTypes'] {
  const routes = data.requestRoutes.map((route) => {
    const row = data.followUps.find((candidate) => candidate.id === route.followUp)!;
    return { subjectType: route.subjectType, replyTime: { text: replyTimeText(row) } };
  });
  return data.subjectTypes.map((type) => ({ ...type, replyTime: routedReplyTime(type.id, routes) }));
}

function routedMailbox(mailbox: Mailbox, today: string, fallback: boolean): RoutedMailbox {
  const statusLabel = mailboxStatusLabels[mailbox.status];
  return {
    id: mailbox.id,
    address: mailbox.address,
    status: mailbox.status,
    statusLabel,
    lastChecked: mailbox.lastChecked,
    stale: isStale(mailbox.lastChecked, today),
    label: fallback ? `备用（${statusLabel}）` : statusLabel,
  };
}

function routedChannel(
  cell: RequestRoute['channels'][number],
  channel: Channel,
  today: string,
): RoutedChannel {
  return {
    id: channel.id,
    name: channel.name,
    kind: channel.kind,
    kindLabel: channelKindLabels[channel.kind],
    url: channel.url ?? null,
    path: channel.path ?? null,
    role: cell.role,
    accepts: cell.accepts,
    notAccepted: cell.notAccepted ?? null,
    clock: cell.clock ?? null,
    source: { title: cell.source.title, url: cell.source.url ?? null },
    checked: cell.checked,
    stale: isStale(cell.checked, today),
  };
}

/** Every case, in the table's order: id and the reader's words for it. */
export const caseList = (data: Pick<GuideData, 'requestRoutes'>) =>
  data.requestRoutes.map((route) => ({ id: route.id, need: route.need, page: route.page }));

/** One case's route. Throws UnknownCaseError (a Chinese message with the case list) for an unknown id. */
export function resolveRoute(caseId: string, data: GuideData, today: string): ResolvedRoute {
  const route = data.requestRoutes.find((candidate) => candidate.id === caseId);
  if (!route) throw new UnknownCaseError(caseId, caseList(data));
  const mailboxes = new Map(data.mailboxes.map((mailbox) => [mailbox.id, mailbox]));
  const channelsById = new Map(data.channels.map((channel) => [channel.id, channel]));
  const channels = route.channels.map((cell) => routedChannel(cell, channelsById.get(cell.channel)!, today));
  const toMailbox = route.to === null ? undefined : mailboxes.get(route.to);
  const fallbackMailbox = route.fallback === null ? undefined : mailboxes.get(route.fallback);
  const followUp = data.followUps.find((row) => row.id === route.followUp)!;
  const byRole = (role: RouteRole) => channels.filter((channel) => channel.role === role);
  return {
    id: route.id,
    need: route.need,
    summary: route.summary,
    page: route.page,
    words: route.words,
    subjectType: route.subjectType,
    subjectPattern: route.subjectPattern,
    template: route.template ?? null,
    editorial: route.editorial,
    channels,
    first: byRole('first'),
    also: byRole('also'),
    next: byRole('next'),
    not: byRole('not'),
    to: toMailbox ? routedMailbox(toMailbox, today, false) : null,
    cc: toMailbox ? toMailbox.cc.map((id) => routedMailbox(mailboxes.get(id)!, today, false)) : [],
    fallback: fallbackMailbox ? routedMailbox(fallbackMailbox, today, true) : null,
    replyTime: { row: followUp.id, business: followUp.business, text: replyTimeText(followUp) },
  };
}

/** Where a channel is: its App path, its address, or 「（没有网址）」. */
export const channelWhere = (channel: RoutedChannel) => channel.path ?? channel.url ?? '（没有可核对的网址）';

/** The route as plain text lines, for `ksmail route` (the pages render the same fields). */
export function routeLines(route: ResolvedRoute): string[] {
  const lines = [`${route.need}（${route.id}）`, route.summary, ''];
  for (const role of ['first', 'also', 'next', 'not'] as const) {
    const group = route[role];
    if (group.length === 0) continue;
    lines.push(`${routeRoleLabels[role]}：`);
    for (const channel of group) {
      const review = channel.stale ? '，待复核' : '';
      lines.push(`  ${channel.name}（${channel.kindLabel}）：${channelWhere(channel)}`);
      lines.push(`    受理：${channel.accepts}`);
      if (channel.notAccepted) lines.push(`    不受理：${channel.notAccepted}`);
      if (channel.clock) lines.push(`    时限：${channel.clock}`);
      lines.push(
        `    来源：${channel.source.title}${channel.source.url ? ` ${channel.source.url}` : ''}（核对于 ${channel.checked}${review}）`,
      );
    }
  }
  lines.push('');
  lines.push(
    route.to
      ? `邮件收件人（To）：${route.to.address}（${route.to.statusLabel}，核对于 ${route.to.lastChecked}）`
      : '邮件收件人（To）：留空——原文没有给出可用的邮箱，请先走上面的官方渠道',
  );
  for (const cc of route.cc)
    lines.push(`抄送（Cc）：${cc.address}（${cc.statusLabel}，核对于 ${cc.lastChecked}）`);
  if (route.fallback)
    lines.push(
      `${route.fallback.label}：${route.fallback.address}（核对于 ${route.fallback.lastChecked}；不要作为首选）`,
    );
  lines.push(`回复时效：${route.replyTime.text}（${route.replyTime.business}；未经证实）`);
  lines.push(`主题写法：${route.subjectPattern}`);
  return lines;
}

/** The route for `--json`: the same fields, stable names. */
export const routeJson = (route: ResolvedRoute) => ({
  id: route.id,
  need: route.need,
  summary: route.summary,
  page: route.page,
  channels: route.channels.map((channel) => ({
    id: channel.id,
    name: channel.name,
    kind: channel.kind,
    role: channel.role,
    url: channel.url,
    path: channel.path,
    accepts: channel.accepts,
    notAccepted: channel.notAccepted,
    clock: channel.clock,
    source: channel.source,
    checked: channel.checked,
    stale: channel.stale,
  })),
  to: route.to && { address: route.to.address, status: route.to.status, lastChecked: route.to.lastChecked },
  cc: route.cc.map((cc) => ({ address: cc.address, status: cc.status, lastChecked: cc.lastChecked })),
  fallback: route.fallback && {
    address: route.fallback.address,
    status: route.fallback.status,
    lastChecked: route.fallback.lastChecked,
    label: route.fallback.label,
  },
  replyTime: route.replyTime,
  subjectPattern: route.subjectPattern,
  template: route.template,
});
