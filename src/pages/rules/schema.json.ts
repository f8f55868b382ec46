import type { APIRoute } from 'astro';
import { json, rulesetJsonSchema } from '../../components/published-rules';

export const GET: APIRoute = () => json(rulesetJsonSchema());
