declare namespace App {
  interface Locals {
    /** Page-data blocks already rendered on this page (src/islands/shared/PageData.astro). */
    ksPageData?: Set<string>;
  }
}

/** chinese-days' ES build (its `main` is CommonJS without named exports for Node's ESM loader). */
declare module 'chinese-days/dist/index.es.js' {
  export * from 'chinese-days';
}
