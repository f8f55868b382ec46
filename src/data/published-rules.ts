/**
 * The rulesets as published JSON (/rules/*.json), for other tools to follow: every version,
 * the current one, an index, and the JSON Schema they follow.
 */
import { z } from 'zod';
import { rulesetSchema } from '../lib/rules/ruleset-schema';
import { SITE_NAME } from '../lib/site-identity';

export { allRulesets, currentRuleset } from './site-data';

export const json = (value: unknown) =>
  new Response(`${JSON.stringify(value, null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

export function rulesetJsonSchema() {
  return {
    $id: 'rules/schema.json',
    title: `${SITE_NAME}：规则集`,
    description:
      '本站检查器使用的规则集（非快手官方）。每个版本见 rules/<version>.json，当前版本见 rules/latest.json。',
    ...z.toJSONSchema(rulesetSchema, { io: 'input', unrepresentable: 'any' }),
  };
}
