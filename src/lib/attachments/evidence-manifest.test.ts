import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { predictLength } from 'client-zip';
import { storedZipSize } from './evidence-manifest';

const GiB4 = 0xffffffff; // client-zip switches to Zip64 at this size or offset

/** client-zip's own prediction, the reference the browser no longer has to download. */
const clientZip = (entries: { name: string; size: number }[]) => Number(predictLength(entries));

describe('storedZipSize', () => {
  it('is client-zip’s predictLength for any names and sizes, Zip64 included', () => {
    const name = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      .filter((text) => !text.endsWith('/') && text.replaceAll('/', '') !== '');
    const size = fc.oneof(
      fc.integer({ min: 0, max: 10_000_000 }),
      fc.integer({ min: GiB4 - 100, max: GiB4 + 100 }),
      fc.integer({ min: 0, max: 2 ** 40 }),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ name, size }), { maxLength: 12 }), (entries) => {
        expect(storedZipSize(entries)).toBe(clientZip(entries));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['no entries', []],
    ['one small file', [{ name: '20261120_截图.png', size: 3000 }]],
    ['one byte under the Zip64 threshold', [{ name: 'a.mp4', size: GiB4 - 1 }]],
    ['a file at the Zip64 threshold (0xFFFFFFFF bytes)', [{ name: 'a.mp4', size: GiB4 }]],
    [
      'small files after the 4 GiB offset',
      [
        { name: 'a.mp4', size: GiB4 - 10 },
        { name: 'b.png', size: 10 },
        { name: '证据清单.csv', size: 500 },
      ],
    ],
  ])('%s', (_, entries) => {
    expect(storedZipSize(entries)).toBe(clientZip(entries));
  });
});
