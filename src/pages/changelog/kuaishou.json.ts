import type { APIRoute } from 'astro';
import { jsonFeedResponse } from '../../data/changelog-feeds';

/** 快手规则变化 (change and checked entries) as JSON Feed 1.1. */
export const GET: APIRoute = (context) => jsonFeedResponse('kuaishou', context);
