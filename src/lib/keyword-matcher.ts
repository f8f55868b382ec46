/**
 * Aho–Corasick over UTF-16 code units: every word of every list found in one pass over the
 * text, whatever the number of words. Built once per ruleset.
 */

export interface KeywordHit<T> {
  start: number;
  end: number;
  value: T;
}

interface Node<T> {
  next: Map<number, number>;
  fail: number;
  /** Patterns ending here (including via fail links): [length, value]. */
  out: [number, T][];
}

export class KeywordMatcher<T> {
  readonly #nodes: Node<T>[] = [{ next: new Map(), fail: 0, out: [] }];
  /**
   * One bit per UTF-16 code unit that occurs in some pattern (8 KB). Most characters of a draft
   * occur in none: they send the automaton back to the root without a single Map lookup.
   */
  readonly #alphabet = new Uint32Array(2048);

  constructor(entries: Iterable<{ pattern: string; value: T }>) {
    for (const { pattern, value } of entries) {
      if (pattern.length === 0) continue;
      let state = 0;
      for (let index = 0; index < pattern.length; index += 1) {
        const unit = pattern.charCodeAt(index);
        this.#alphabet[unit >>> 5]! |= 1 << (unit & 31);
        let next = this.#nodes[state]!.next.get(unit);
        if (next === undefined) {
          next = this.#nodes.length;
          this.#nodes.push({ next: new Map(), fail: 0, out: [] });
          this.#nodes[state]!.next.set(unit, next);
        }
        state = next;
      }
      this.#nodes[state]!.out.push([pattern.length, value]);
    }
    // Breadth-first: fail links, and outputs inherited along them.
    const queue: number[] = [...this.#nodes[0]!.next.values()];
    for (let head = 0; head < queue.length; head += 1) {
      const state = queue[head]!;
      const node = this.#nodes[state]!;
      for (const [unit, child] of node.next) {
        let fail = node.fail;
        while (fail !== 0 && !this.#nodes[fail]!.next.has(unit)) fail = this.#nodes[fail]!.fail;
        const target = this.#nodes[fail]!.next.get(unit);
        const childNode = this.#nodes[child]!;
        childNode.fail = target !== undefined && target !== child ? target : 0;
        childNode.out.push(...this.#nodes[childNode.fail]!.out);
        queue.push(child);
      }
    }
  }

  /** Every occurrence of every pattern, in order of end position (overlaps included). */
  findAll(text: string): KeywordHit<T>[] {
    const hits: KeywordHit<T>[] = [];
    let state = 0;
    const alphabet = this.#alphabet;
    for (let index = 0; index < text.length; index += 1) {
      const unit = text.charCodeAt(index);
      if (((alphabet[unit >>> 5]! >>> (unit & 31)) & 1) === 0) {
        state = 0;
        continue;
      }
      while (state !== 0 && !this.#nodes[state]!.next.has(unit)) state = this.#nodes[state]!.fail;
      state = this.#nodes[state]!.next.get(unit) ?? 0;
      for (const [length, value] of this.#nodes[state]!.out)
        hits.push({ start: index + 1 - length, end: index + 1, value });
    }
    return hits;
  }
}
