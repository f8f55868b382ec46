declare namespace App {
  interface Locals {
    /** Page-data blocks already rendered on this page (src/islands/shared/PageData.astro). */
    ksPageData?: Set<string>;
  }
}
