import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { predictLength } from 'client-zip';
import { entryKey, entryNames, GENERATED_NAMES, storedZipSize } from './evidence-manifest';

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

describe('entryNames: chosen files never take the package’s own names', () => {
  it.each<[string, string[], string[]]>([
    ['a plain name stays', ['20261120_截图.png'], ['20261120_截图.png']],
    ['the checksum list', ['SHA256SUMS.txt'], ['SHA256SUMS (附件).txt']],
    ['the manifest', ['证据清单.csv'], ['证据清单 (附件).csv']],
    ['the read-me', ['说明.txt'], ['说明 (附件).txt']],
    ['in another case', ['sha256sums.TXT'], ['sha256sums (附件).TXT']],
    ['in full-width letters (NFKC)', ['ＳＨＡ256ＳＵＭＳ.txt'], ['ＳＨＡ256ＳＵＭＳ (附件).txt']],
    ['twice', ['说明.txt', '说明.txt'], ['说明 (附件).txt', '说明 (附件 2).txt']],
    [
      'next to a chosen file that already has the new name',
      ['说明 (附件).txt', '说明.txt'],
      ['说明 (附件).txt', '说明 (附件 2).txt'],
    ],
    ['repeated names are numbered', ['a.png', 'A.png', 'a.png'], ['a.png', 'A_2.png', 'a_3.png']],
    ['a folder in the name', ['x/说明.txt'], ['x_说明.txt']],
    ['nothing left of a name', ['...'], ['未命名']],
  ])('%s', (_, names, expected) => {
    expect(entryNames(names)).toEqual(expected);
    expect(entryNames(names)).toEqual(entryNames(names));
  });

  it('any names, with the reserved ones mixed in: no two entries (generated ones included) are the same file once unpacked', () => {
    const reserved = fc.constantFrom(
      ...GENERATED_NAMES,
      'sha256sums.txt',
      'ＳＨＡ256SUMS.TXT',
      '说明 (附件).txt',
      '说明',
    );
    const name = fc.oneof(
      reserved,
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
    );
    fc.assert(
      // Plain comparisons, not expect(): vitest's matchers on strings with lone surrogates cost
      // a hundred times the function under test.
      fc.property(fc.array(name, { maxLength: 10 }), (names) => {
        const entries = entryNames(names);
        const keys = [...entries, ...GENERATED_NAMES].map(entryKey);
        return (
          entries.length === names.length &&
          new Set(keys).size === keys.length &&
          entryNames(names).every((again, index) => again === entries[index])
        );
      }),
    );
  });
});
