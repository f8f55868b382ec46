import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import type { Loader } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { guideTables, type GuideTableName } from './lib/guide-data';
import { changelogMetaSchema } from './lib/changelog';
import { watchedDocumentSchema } from './lib/watched-documents';
import { FOLDERS, loadSiteContent, type SiteContent } from './lib/node/site-content';
import { registryEntrySchema } from './lib/law/statute-registry';
import { rulesetSchema } from './lib/rules/ruleset-schema';
import { templateSchema } from './lib/templates';
import { synonymGroupRecordSchema } from './lib/search-synonyms';

/** The project's content folder, from Astro's config (the one place the build finds it). */
const contentDir = (root: URL) => fileURLToPath(new URL('./src/content/', root));

/**
 * Every collection below takes its data from one read of the data files per build
 * (loadSiteContent): the guide tables, the rulesets and the templates are read, validated and
 * cross-checked there once — a broken record fails the build naming file, record and field.
 * Entries are stored as validated; the schemas give getCollection() its types.
 */
function siteContentLoader(
  name: string,
  entries: (content: SiteContent) => { id: string; data: object }[],
): Loader {
  return {
    name: `site-content:${name}`,
    load: async ({ store, config, watcher }) => {
      const dir = contentDir(config.root);
      store.clear();
      for (const entry of entries(loadSiteContent(dir))) store.set({ id: entry.id, data: { ...entry.data } });
      for (const folder of FOLDERS) watcher?.add(join(dir, folder));
    },
  };
}

function guideCollection<K extends GuideTableName>(name: K) {
  return defineCollection({
    // getCollection() returns entries sorted by id; `order` keeps the data file's row order.
    loader: siteContentLoader(name, (content) =>
      content.guide[name].map((record, order) => ({ id: record.id, data: { ...record, order } })),
    ),
    schema: guideTables[name].schema.and(z.object({ order: z.number().int() })),
  });
}

/** Every ruleset version; pages take the current one and the history from here. */
const rulesets = defineCollection({
  loader: siteContentLoader('rulesets', (content) =>
    content.rulesets.map((ruleset) => ({ id: ruleset.version, data: ruleset })),
  ),
  schema: rulesetSchema,
});

/**
 * The template gallery. Loading checks each template's newest revision with the current
 * ruleset: a ruleset that a template breaks fails the build, naming the template.
 */
const templates = defineCollection({
  loader: siteContentLoader('templates', (content) =>
    content.templates.map((template) => ({ id: template.id, data: template })),
  ),
  schema: templateSchema,
});

/** The changelog's watch list, in the data file's order. */
const watchedDocuments = defineCollection({
  loader: siteContentLoader('watchedDocuments', (content) =>
    content.watchedDocuments.map((doc, order) => ({ id: doc.id, data: { ...doc, order } })),
  ),
  schema: watchedDocumentSchema.and(z.object({ order: z.number().int() })),
});

/**
 * The statute registry, one entry per article id (ndr-14, pipl-24-3 …), in the files' order.
 * Loading fails the build on a pinned text changed without review or a review over 180 days old.
 */
const law = defineCollection({
  loader: siteContentLoader('law', (content) =>
    content.law.map((entry, order) => ({ id: entry.id, data: { ...entry, order } })),
  ),
  schema: registryEntrySchema.and(z.object({ order: z.number().int() })),
});

/** The site search's synonym groups, in the data file's order (published as /search-data.json). */
const searchSynonyms = defineCollection({
  loader: siteContentLoader('searchSynonyms', (content) =>
    content.searchSynonyms.map((group, order) => ({ id: String(order), data: { ...group, order } })),
  ),
  schema: synonymGroupRecordSchema.and(z.object({ order: z.number().int() })),
});

export const collections = {
  law,
  searchSynonyms,
  watchedDocuments,
  templates,
  rulesets,
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        /** Questions the page answers, shown under the title and weighted in search. */
        answers: z.array(z.string().min(2)).optional(),
        /** A policy changelog entry (pages under changelog/): change, checked or release. */
        changelog: changelogMetaSchema.optional(),
      }),
    }),
  }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  subjectTypes: guideCollection('subjectTypes'),
  mailboxes: guideCollection('mailboxes'),
  channels: guideCollection('channels'),
  requestRoutes: guideCollection('requestRoutes'),
  bodyStructures: guideCollection('bodyStructures'),
  attachmentTypes: guideCollection('attachmentTypes'),
  clocks: guideCollection('clocks'),
  chartTypes: guideCollection('chartTypes'),
  followUps: guideCollection('followUps'),
  risks: guideCollection('risks'),
  salesPeriods: guideCollection('salesPeriods'),
};
