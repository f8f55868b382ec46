import type { APIRoute } from 'astro';
import { jsonFeedResponse } from '../../data/changelog-feeds';

/** 本站规则与模板 (release entries) as JSON Feed 1.1. */
export const GET: APIRoute = (context) => jsonFeedResponse('site', context);
