/**
 * The escalation ladder of one case: the channels the routing table (request-routes.yaml ×
 * channels.yaml) lists for its case type, in their order — what to do first, what is available
 * beside it, where to go when it is still unresolved, and where not to go — with what each
 * accepts and does not, its own clock where the data states one (as the data words it, never a
 * computed date: the data gives none in a form we can count), which rungs this case has used,
 * and what to bring. Pure; no channel or clock is made up here: only what the route carries.
 */
import type { CaseFile } from './case-schema';
import type { ResolvedRoute } from '../routing';

export type LadderRole = 'first' | 'also' | 'next' | 'not';

/** One channel of a case type's route, as the island's page data carries it (from routing.ts). */
export interface LadderChannel {
  id: string;
  name: string;
  kindLabel: string;
  url: string | null;
  /** For an App channel: the taps. */
  path: string | null;
  role: LadderRole;
  accepts: string;
  notAccepted: string | null;
  /** The channel's own clock, as its source words it, or null when the data has none. */
  clock: string | null;
  source: string;
}

/** One case type's route, as the page carries it. */
export interface LadderRoute {
  id: string;
  need: string;
  page: string;
  /** The follow-ups.yaml row (table 6) whose reply window applies. */
  followUp: string;
  channels: LadderChannel[];
}

export interface LadderRung extends LadderChannel {
  roleLabel: string;
  /** This case already has a step on this channel. */
  used: boolean;
}

export interface Ladder {
  rungs: LadderRung[];
  /** The first rung not used yet among 先做/仍未解决时, or null when all are used. */
  next: LadderRung | null;
  /** Where to escalate: the first 仍未解决时 rung not used yet, or null when the data has none left. */
  escalation: LadderRung | null;
  /** Channels this case should not go to, with why. */
  not: LadderRung[];
  /** What to bring to the next channel, from this case. */
  bring: string[];
}

export const LADDER_ROLE_LABELS: Record<LadderRole, string> = {
  first: '先做这一步',
  also: '同时可用',
  next: '仍未解决时',
  not: '这件事不要去',
};

const ORDER: LadderRole[] = ['first', 'also', 'next'];

function usedChannels(caseFile: Pick<CaseFile, 'steps'>, route: LadderRoute): Set<string> {
  const used = new Set<string>();
  for (const step of caseFile.steps) {
    if (step.kind === 'escalation') used.add(step.channel);
    // An in-app appeal is the route's first App channel.
    if (step.kind === 'appeal') {
      const app = route.channels.find((channel) => channel.role === 'first' && channel.path !== null);
      if (app) used.add(app.id);
    }
  }
  return used;
}

/** What the case itself holds that the next channel will ask for. */
function whatToBring(caseFile: Pick<CaseFile, 'steps' | 'parties'>): string[] {
  const bring: string[] = [];
  for (const party of caseFile.parties) bring.push(`${party.label}：${party.value}`);
  const mails = caseFile.steps.filter((step) => step.kind === 'mail');
  if (mails.length)
    bring.push(
      `已发的 ${mails.length} 封邮件（${mails.map((mail) => mail.date).join('、')}），含附件或证据包`,
    );
  const replies = caseFile.steps.filter((step) => step.kind === 'reply');
  if (replies.length)
    bring.push(`对方的 ${replies.length} 次回复原文（${replies.map((reply) => reply.date).join('、')}）`);
  for (const step of caseFile.steps) {
    if (step.kind === 'appeal' && step.reference) bring.push(`站内申诉编号或提交时间：${step.reference}`);
    if (step.kind === 'call' && step.ticket) bring.push(`客服工单号：${step.ticket}`);
    if (step.kind === 'escalation' && step.reference) bring.push(`升级渠道的编号：${step.reference}`);
  }
  bring.push('本案卷的时间线（可在下方导出）');
  return bring;
}

export function escalationLadder(route: LadderRoute, caseFile: Pick<CaseFile, 'steps' | 'parties'>): Ladder {
  const used = usedChannels(caseFile, route);
  const rung = (channel: LadderChannel): LadderRung => ({
    ...channel,
    roleLabel: LADDER_ROLE_LABELS[channel.role],
    used: used.has(channel.id),
  });
  const rungs = ORDER.flatMap((role) => route.channels.filter((channel) => channel.role === role).map(rung));
  const next = rungs.find((candidate) => candidate.role !== 'also' && !candidate.used) ?? null;
  return {
    rungs,
    next,
    escalation: rungs.find((candidate) => candidate.role === 'next' && !candidate.used) ?? null,
    not: route.channels.filter((channel) => channel.role === 'not').map(rung),
    bring: whatToBring(caseFile),
  };
}

/** A resolved route (routing.ts) as the ladder needs it: what the page hands the island. */
export function ladderRoute(route: ResolvedRoute): LadderRoute {
  return {
    id: route.id,
    need: route.need,
    page: route.page,
    followUp: route.replyTime.row,
    channels: route.channels.map((channel) => ({
      id: channel.id,
      name: channel.name,
      kindLabel: channel.kindLabel,
      url: channel.url,
      path: channel.path,
      role: channel.role,
      accepts: channel.accepts,
      notAccepted: channel.notAccepted,
      clock: channel.clock,
      source: channel.source.title,
    })),
  };
}
