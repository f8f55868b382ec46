import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fileListFingerprint, type FingerprintedFile } from './package-freshness';

const file = (name: string, extra: Partial<FingerprintedFile> = {}): FingerprintedFile => ({
  name,
  originalName: name,
  size: 100,
  lastModified: 1_700_000_000_000,
  blocked: false,
  ...extra,
});
const A = file('20261118_截图.png');
const B = file('20261118_证明.pdf', { size: 2000 });
const EXE = file('setup.exe', { blocked: true });

describe('fileListFingerprint', () => {
  it.each([
    ['the same list', [A, B], [A, B], true],
    ['a copy of the same files', [A, B], [{ ...A }, { ...B }], true],
    ['a blocked file added (never packed)', [A, B], [A, EXE, B], true],
    ['a file removed', [A, B], [A], false],
    ['a file added', [A], [A, B], false],
    ['the order changed', [A, B], [B, A], false],
    ['a file renamed for sending', [A, B], [{ ...A, name: '20261118_截图甲.png' }, B], false],
    ['another file under the same name', [A], [{ ...A, originalName: 'IMG_1.png' }], false],
    ['the same name, another size', [A], [{ ...A, size: 101 }], false],
    ['the same name, modified since', [A], [{ ...A, lastModified: A.lastModified + 1 }], false],
    ['everything removed', [A], [], false],
  ])('%s', (_, before, after, same) => {
    expect(fileListFingerprint(before) === fileListFingerprint(after)).toBe(same);
  });

  const arbitraryFile = fc.record({
    name: fc.string(),
    originalName: fc.string(),
    size: fc.nat(),
    lastModified: fc.nat(),
    blocked: fc.constant(false),
  });

  it('two lists of packed files share a fingerprint only when they are equal', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryFile, { maxLength: 5 }),
        fc.array(arbitraryFile, { maxLength: 5 }),
        (a, b) => {
          expect(fileListFingerprint(a) === fileListFingerprint(b)).toBe(
            JSON.stringify(a) === JSON.stringify(b),
          );
        },
      ),
    );
  });

  it('any one change to a packed file changes the fingerprint', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryFile, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.constantFrom('name', 'originalName', 'size', 'lastModified'),
        (files, at, field) => {
          const index = at % files.length;
          const changed = files.map((one, i) =>
            i !== index
              ? one
              : {
                  ...one,
                  [field]: typeof one[field] === 'string' ? `${one[field]}x` : (one[field] as number) + 1,
                },
          );
          expect(fileListFingerprint(changed)).not.toBe(fileListFingerprint(files));
        },
      ),
    );
  });
});
