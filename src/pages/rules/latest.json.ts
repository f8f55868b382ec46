import type { APIRoute } from 'astro';
import { json, currentRuleset } from '../../components/published-rules';

export const GET: APIRoute = () => json(currentRuleset());
