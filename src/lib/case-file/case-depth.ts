/**
 * json-depth.ts's check for the case file's modules (case-schema.ts, dossier-format.ts), which
 * both load in the case file's chunks. Why a copy: json-depth.ts is also in the outcome
 * tracker's import chunk, and a module two islands' chunks share becomes a chunk of its own
 * whose preload line costs the tracker's first load bytes it does not have (it was 19 bytes
 * over its 15 KB budget when the dossier import imported json-depth). Same algorithm: no
 * recursion, so a value nested 100,000 deep cannot overflow the stack.
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
