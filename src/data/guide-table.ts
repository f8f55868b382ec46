import { getCollection } from 'astro:content';
import type { GuideData, GuideTableName } from '../lib/guide-data';
import { channelWhere, resolveRoute, type ResolvedRoute, type RoutedChannel } from '../lib/routing';
import { shanghaiDate } from '../lib/shanghai-time';

/** A guide table's rows in the order of its data file (getCollection sorts by id). */
export async function getGuideTable<K extends GuideTableName>(name: K): Promise<GuideData[K]> {
  const entries = await getCollection(name);
  return entries
    .map((entry) => entry.data as unknown as GuideData[K][number] & { order: number })
    .sort((a, b) => a.order - b.order) as GuideData[K];
}

/**
 * Every case of the routing table resolved for today (Beijing time): the one answer the mailbox
 * picker, the composer, the template gallery and the route table all render. Resolved per build,
 * so a source older than 90 days turns 「待复核」 on the next build without a data change.
 */
export async function getResolvedRoutes(): Promise<ResolvedRoute[]> {
  const [requestRoutes, mailboxes, channels, followUps] = await Promise.all([
    getGuideTable('requestRoutes'),
    getGuideTable('mailboxes'),
    getGuideTable('channels'),
    getGuideTable('followUps'),
  ]);
  // resolveRoute reads only these four tables.
  const data = { requestRoutes, mailboxes, channels, followUps } as GuideData;
  const today = shanghaiDate(Date.now());
  return requestRoutes.map((route) => resolveRoute(route.id, data, today));
}

/** Which case pages exist in this build: a link to /cases/<id>/ is shown only when it leads somewhere. */
export async function existingPages(): Promise<Set<string>> {
  const docs = await getCollection('docs');
  return new Set(docs.map((entry) => `/${entry.id.replace(/\/index$/, '')}/`.replace(/\/+/g, '/')));
}

/** Where a channel is, as the tools word it: 「快手 App：菜单 → 头像 → 解封申诉」 or its address. */
export const channelPlace = (channel: RoutedChannel) =>
  channel.kind === 'app' ? `快手 App：${channelWhere(channel)}` : channelWhere(channel);

/** A route's first channel(s) in one line: 「解封申诉（快手 App：菜单 → 头像 → 解封申诉）」. */
export const firstChannels = (route: ResolvedRoute) =>
  route.first.map((channel) => `${channel.name}（${channelPlace(channel)}）`).join('、');
