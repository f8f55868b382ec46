import type { APIRoute, GetStaticPaths } from 'astro';
import { allRulesets, json } from '../../data/published-rules';

export const getStaticPaths = (async () =>
  (await allRulesets()).map((ruleset) => ({
    params: { version: ruleset.version },
    props: { ruleset },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => json(props.ruleset);
