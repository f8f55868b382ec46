import { describe, expect, it } from 'vitest';
import { ownValue } from './own-value';

describe('ownValue', () => {
  const routes: Record<string, { to: string }> = { copyright: { to: 'copyright@kuaishou.com' } };

  it('finds the record’s own keys', () => {
    expect(ownValue(routes, 'copyright')).toEqual({ to: 'copyright@kuaishou.com' });
    expect(ownValue(routes, 'missing')).toBeUndefined();
  });

  it('finds nothing for the keys every object inherits', () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(key in routes, key).toBe(true);
      expect(ownValue(routes, key), key).toBeUndefined();
    }
  });

  it('finds an own key named like an inherited one (parsed JSON can have one)', () => {
    const parsed = JSON.parse('{"__proto__": {"to": "x"}, "constructor": {"to": "y"}}') as typeof routes;
    expect(ownValue(parsed, '__proto__')).toEqual({ to: 'x' });
    expect(ownValue(parsed, 'constructor')).toEqual({ to: 'y' });
  });
});
