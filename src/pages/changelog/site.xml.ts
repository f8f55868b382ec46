import type { APIRoute } from 'astro';
import { rssFeedResponse } from '../../data/changelog-feeds';

/** 本站规则与模板 (release entries) as RSS, newest first. */
export const GET: APIRoute = (context) => rssFeedResponse('site', context);
