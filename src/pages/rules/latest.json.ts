import type { APIRoute } from 'astro';
import { json, latestRuleset } from '../../components/published-rules';

export const GET: APIRoute = () => json(latestRuleset());
