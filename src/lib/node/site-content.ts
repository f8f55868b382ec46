/**
 * The build's one reader of the site's data files: the guide tables, every ruleset version and
 * the templates under one content folder (`src/content`), each read, validated and cross-checked
 * once, every ruleset's examples run once, and the templates checked against the current ruleset;
 * the statute registry (`law/`) is validated and its pinned texts and review dates checked; the
 * site search's synonym groups are validated and each group's example run through the query
 * expansion; the clocks (`data/clocks.yaml`) run their examples and their law quotes are checked.
 * The content collections (src/content.config.ts) all take their data from here, and pages get
 * it from the collections, so nothing else in the build reads these files.
 *
 * Not a cache for the command line: `ksmail` reads what one command needs (load-ruleset.ts).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { GuideData } from '../guide-data';
import type { Ruleset } from '../rules/ruleset';
import type { Template } from '../templates';
import { loadGuideData } from './load-guide-data';
import { assertRuleExamples, currentOf, loadRulesets } from './load-ruleset';
import { checkTemplates, loadTemplates } from './load-templates';
import type { WatchedDocument } from '../watched-documents';
import { loadWatchedDocuments } from './load-watched-documents';
import { lawSourceProblems, LawRegistryError, type RegistryEntry } from '../law/statute-registry';
import { loadLawRegistry } from './load-law';
import type { SynonymGroupRecord } from '../search-synonyms';
import { loadSearchSynonyms } from './load-search-synonyms';
import { clockProblems } from './clock-checks';

export interface SiteContent {
  guide: GuideData;
  /** Every version, oldest first. */
  rulesets: Ruleset[];
  /** The newest version already in effect at build time. */
  current: Ruleset;
  templates: Template[];
  /** The changelog's watch list (data/watched-documents.yaml). */
  watchedDocuments: WatchedDocument[];
  /** The statute registry (law/*.yaml): every article the pages quote, checked at build. */
  law: RegistryEntry[];
  /** The site search's synonym groups (data/search-synonyms.yaml), in the file's order. */
  searchSynonyms: SynonymGroupRecord[];
}

export const FOLDERS = ['data', 'rules', 'templates', 'law'] as const;

/** Names, sizes and times of the data files: the same fingerprint means the same content. */
function fingerprint(contentDir: string): string {
  return FOLDERS.flatMap((folder) => {
    const dir = join(contentDir, folder);
    return readdirSync(dir)
      .sort()
      .map((file) => {
        const stat = statSync(join(dir, file));
        return `${folder}/${file}:${stat.size}:${stat.mtimeMs}`;
      });
  }).join('\n');
}

let cached: { key: string; content: SiteContent } | undefined;

/**
 * Everything the site is built from, read once per build (again only when a file changes, as in
 * `astro dev`). Throws the loaders' Chinese errors, which fail the build naming file and record.
 */
export function loadSiteContent(
  contentDir: string,
  today = new Date().toISOString().slice(0, 10),
): SiteContent {
  const key = `${contentDir}\n${today}\n${fingerprint(contentDir)}`;
  if (cached?.key === key) return cached.content;
  const guide = loadGuideData(join(contentDir, 'data'));
  const rulesets = loadRulesets(join(contentDir, 'rules'));
  // Every published version stays usable (`ksmail --rules 2026.11.0`), so all examples must hold.
  for (const ruleset of rulesets) assertRuleExamples(ruleset, guide);
  const current = currentOf(rulesets, today);
  const templates = checkTemplates(loadTemplates(join(contentDir, 'templates')), {
    guide,
    rulesets,
    current,
  });
  const watchedDocuments = loadWatchedDocuments(join(contentDir, 'data'));
  // A stale review fails the build on the day it goes stale: `today` is the build's date.
  const law = loadLawRegistry(join(contentDir, 'law'), today);
  // A finding citing a law must cite the article the pages quote (src/content/law/).
  const lawSources = rulesets.flatMap((ruleset) =>
    ruleset.rules.flatMap((rule) =>
      rule.source?.kind === 'law' ? [{ ruleset: ruleset.version, rule: rule.id, ...rule.source }] : [],
    ),
  );
  const sourceProblems = lawSourceProblems(lawSources, law);
  if (sourceProblems.length > 0) throw new LawRegistryError(null, null, sourceProblems.join('；'));
  // Every clock's examples run on the tools' calendar and its law quote is checked against the
  // registry: a wrong calendar or figure fails the build here (src/content/data/clocks.yaml).
  const clockErrors = clockProblems(guide.clocks, law, current);
  if (clockErrors.length > 0) throw new Error(`时钟数据有误（clocks.yaml）：${clockErrors.join('；')}`);
  const searchSynonyms = loadSearchSynonyms(join(contentDir, 'data'));
  cached = { key, content: { guide, rulesets, current, templates, watchedDocuments, law, searchSynonyms } };
  return cached.content;
}
