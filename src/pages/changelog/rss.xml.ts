import type { APIRoute } from 'astro';
import { rssFeedResponse } from '../../data/changelog-feeds';

/** The combined changelog feed as RSS, newest first (the URL existing subscribers use). */
export const GET: APIRoute = (context) => rssFeedResponse('all', context);
