/**
 * Registers an island's custom element in a task of its own. `customElements.define` upgrades
 * the elements already on the page at once, running their connectedCallback; the islands'
 * modules are evaluated together, so on /tools/ six islands set themselves up in one task of
 * about 200 ms on a phone-class CPU, during which a tap waits (Lighthouse's Total Blocking
 * Time). One task per island keeps each short and lets input in between.
 */
export function defineIsland(name: string, element: CustomElementConstructor): void {
  setTimeout(() => {
    if (!customElements.get(name)) customElements.define(name, element);
  }, 0);
}
