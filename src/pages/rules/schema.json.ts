import type { APIRoute } from 'astro';
import { json, rulesetJsonSchema } from '../../data/published-rules';

export const GET: APIRoute = () => json(rulesetJsonSchema());
