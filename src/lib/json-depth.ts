/**
 * How deep a parsed JSON value nests, checked without recursion, for imports that must not
 * hand a value nested 100,000 deep to String() or JSON.stringify (both recurse and overflowed the
 * stack: issue 21). Not a validator: it only counts arrays and objects.
 */

/** Whether `value` nests deeper than `limit` arrays/objects (a scalar is depth 0). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
