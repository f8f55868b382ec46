import type { APIRoute } from 'astro';
import { jsonFeedResponse } from '../../data/changelog-feeds';

/** The combined changelog feed (快手规则变化 + 本站规则与模板) as JSON Feed 1.1. */
export const GET: APIRoute = (context) => jsonFeedResponse('all', context);
