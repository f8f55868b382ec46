import type { APIRoute } from 'astro';
import { json, currentRuleset } from '../../data/published-rules';

export const GET: APIRoute = async () => json(await currentRuleset());
