import type { APIRoute } from 'astro';
import { rssFeedResponse } from '../../data/changelog-feeds';

/** 快手规则变化 (change and checked entries) as RSS, newest first. */
export const GET: APIRoute = (context) => rssFeedResponse('kuaishou', context);
