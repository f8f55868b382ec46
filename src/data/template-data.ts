/** Build-time summaries of the templates for the islands (gallery buttons, outdated-draft banner). */
import { getCollection } from 'astro:content';
import { currentRevision, withBlanks } from '../lib/templates';
import { allRulesets } from './site-data';

export interface TemplateSummary {
  title: string;
  revision: number;
  ruleset: string;
  subject: string;
  body: string;
  /** The changelog entry of the ruleset this revision follows (site-relative, no base). */
  changelog: string;
}

export async function templateSummaries(): Promise<Record<string, TemplateSummary>> {
  const rulesets = await allRulesets();
  const templates = await getCollection('templates');
  return Object.fromEntries(
    templates.map(({ data: template }) => {
      const revision = currentRevision(template);
      const ruleset = rulesets.find((candidate) => candidate.version === revision.ruleset)!;
      return [
        template.id,
        {
          title: template.title,
          revision: revision.revision,
          ruleset: revision.ruleset,
          subject: withBlanks(revision.subject),
          body: withBlanks(revision.body).trimEnd(),
          changelog: `changelog/${ruleset.changelog}/`,
        },
      ];
    }),
  );
}
