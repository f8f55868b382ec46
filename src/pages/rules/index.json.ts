import type { APIRoute } from 'astro';
import { allRulesets, json, currentRuleset } from '../../data/published-rules';

export const GET: APIRoute = async () => {
  const base = import.meta.env.BASE_URL;
  return json({
    latest: (await currentRuleset()).version,
    schema: `${base}rules/schema.json`,
    versions: (await allRulesets()).map((ruleset) => ({
      version: ruleset.version,
      effective: ruleset.effective,
      url: `${base}rules/${ruleset.version}.json`,
      changelog: `${base}changelog/${ruleset.changelog}/`,
    })),
  });
};
