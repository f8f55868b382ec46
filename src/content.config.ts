import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import type { Loader } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { guideTables, isoDate, type GuideTableName } from './lib/guide-data';
import { RULESET_VERSION } from './lib/rules/ruleset';
import { changelogDocuments } from './lib/changelog';
import { loadGuideData } from './lib/node/load-guide-data';
import { loadCheckedTemplates } from './lib/node/load-templates';
import { templateSchema } from './lib/templates';

/**
 * One collection per guide table. All tables are loaded and cross-checked together by the
 * same function the command line and tests use, so a broken record (an address without @,
 * a duplicate id, an unknown status or reference) fails the build naming file, record and field.
 */
function guideTableLoader(name: GuideTableName): Loader {
  return {
    name: `guide-data:${name}`,
    load: async ({ store, config, parseData, watcher }) => {
      const dir = fileURLToPath(new URL('./src/content/data/', config.root));
      const data = loadGuideData(dir);
      store.clear();
      // getCollection() returns entries sorted by id; `order` keeps the data file's row order.
      for (const [order, record] of data[name].entries()) {
        const parsed = await parseData({ id: record.id, data: { ...record, order } });
        store.set({ id: record.id, data: parsed });
      }
      watcher?.add(dir);
    },
  };
}

function guideCollection<K extends GuideTableName>(name: K) {
  return defineCollection({
    loader: guideTableLoader(name),
    schema: guideTables[name].schema.and(z.object({ order: z.number().int() })),
  });
}

/**
 * The template gallery. Loading checks each template's newest revision with the current
 * ruleset: a ruleset that a template breaks fails the build, naming the template.
 */
const templates = defineCollection({
  loader: {
    name: 'templates',
    load: async ({ store, config, parseData, watcher }) => {
      const content = new URL('./src/content/', config.root);
      const dir = fileURLToPath(new URL('templates/', content));
      const checked = loadCheckedTemplates({
        dir,
        rulesDir: fileURLToPath(new URL('rules/', content)),
        dataDir: fileURLToPath(new URL('data/', content)),
      });
      store.clear();
      for (const template of checked) {
        store.set({ id: template.id, data: await parseData({ id: template.id, data: template }) });
      }
      watcher?.add(dir);
      watcher?.add(fileURLToPath(new URL('rules/', content)));
    },
  },
  schema: templateSchema,
});

export const collections = {
  templates,
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        /** Questions the page answers, shown under the title and weighted in search. */
        answers: z.array(z.string().min(2)).optional(),
        /** A policy changelog entry (pages under changelog/). */
        changelog: z
          .object({
            date: isoDate,
            /** Which document changed. */
            document: z.enum(changelogDocuments),
            /** The ruleset version this change produced, if any. */
            ruleset: z.string().regex(RULESET_VERSION).optional(),
            tags: z.array(z.string().min(1)).default([]),
            /** Rule ids the change affects. */
            rules: z.array(z.string().min(1)).default([]),
          })
          .optional(),
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
  chartTypes: guideCollection('chartTypes'),
  followUps: guideCollection('followUps'),
  risks: guideCollection('risks'),
  salesPeriods: guideCollection('salesPeriods'),
};
