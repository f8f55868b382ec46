import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { evidencePackage, GENERATED_NAMES, type EvidenceFile, type Sha256Hasher } from './evidence-package';
import { readZipEntries, verifyEvidencePackage, type PackageReader } from './verify-package';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const nodeHasher = (): Sha256Hasher => {
  const hash = createHash('sha256');
  return { update: (chunk) => void hash.update(chunk), digestHex: () => hash.digest('hex') };
};
const reader = (zip: Uint8Array): PackageReader => ({
  size: zip.length,
  read: async (offset, length) => zip.slice(offset, offset + length),
  sha256: async (offset, length) => sha(zip.subarray(offset, offset + length)),
});
const file = (name: string, bytes: Uint8Array): EvidenceFile => ({
  name,
  originalName: name,
  size: bytes.length,
  type: '文本',
  lastModified: Date.parse('2026-11-20T02:03:00Z'),
  stream: () =>
    new ReadableStream({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    }),
});
async function build(files: EvidenceFile[]) {
  const { stream } = evidencePackage(files, {
    createdAt: Date.parse('2026-11-24T07:00:00Z'),
    createHasher: nodeHasher,
  });
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
const bytes = (text: string) => new TextEncoder().encode(text);

describe('verifyEvidencePackage', () => {
  it('a package whose chosen files carry the generated files’ names verifies: they were renamed', async () => {
    const zip = await build([
      file('SHA256SUMS.txt', bytes('not the checksums')),
      file('证据清单.csv', bytes('mine')),
      file('说明.txt', bytes('my notes')),
      file('20261120_截图.png', bytes('png')),
    ]);
    expect((await readZipEntries(reader(zip))).map((entry) => entry.name)).toEqual([
      'SHA256SUMS (附件).txt',
      '证据清单 (附件).csv',
      '说明 (附件).txt',
      '20261120_截图.png',
      ...GENERATED_NAMES,
    ]);
    expect(await verifyEvidencePackage(reader(zip))).toEqual([]);
  });

  it.each<[string, Record<string, Uint8Array>, RegExp]>([
    [
      'a chosen file replaced the checksum list',
      {
        'a.txt': bytes('a'),
        '证据清单.csv': bytes('x'),
        'SHA256SUMS.txt': bytes('mine'),
        '说明.txt': bytes('x'),
      },
      /看不懂/,
    ],
    [
      'a checksum that does not match',
      {
        'a.txt': bytes('a'),
        '证据清单.csv': bytes('x'),
        'SHA256SUMS.txt': bytes(`${sha(bytes('b'))}  a.txt\n`),
        '说明.txt': bytes('x'),
      },
      /“a\.txt”的 SHA-256 与 SHA256SUMS\.txt 不符/,
    ],
    [
      'a file not listed',
      {
        'a.txt': bytes('a'),
        '证据清单.csv': bytes('x'),
        'SHA256SUMS.txt': bytes(''),
        '说明.txt': bytes('x'),
      },
      /“a\.txt”没有列在 SHA256SUMS\.txt 里/,
    ],
    [
      'no checksum list',
      { 'a.txt': bytes('a'), '证据清单.csv': bytes('x'), '说明.txt': bytes('x') },
      /缺少 SHA256SUMS\.txt/,
    ],
    [
      'two names that are one file once unpacked',
      {
        'a.txt': bytes('a'),
        'A.TXT': bytes('b'),
        '证据清单.csv': bytes('x'),
        'SHA256SUMS.txt': bytes(`${sha(bytes('a'))}  a.txt\n${sha(bytes('b'))}  A.TXT\n`),
        '说明.txt': bytes('x'),
      },
      /同名（a\.txt、A\.TXT）/,
    ],
  ])('%s is a problem', async (_, entries, problem) => {
    const zip = zipSync(entries, { level: 0 });
    const problems = await verifyEvidencePackage(reader(zip));
    expect(problems.join(' ')).toMatch(problem);
  });

  it('bytes that are not a ZIP are a problem, not a crash', async () => {
    expect(await verifyEvidencePackage(reader(bytes('hello')))).toEqual([
      expect.stringMatching(/ZIP 结构不完整/),
    ]);
    expect(await verifyEvidencePackage(reader(new Uint8Array()))).toEqual([
      expect.stringMatching(/ZIP 结构不完整/),
    ]);
  });

  it('any chosen names and contents: the built package verifies; a changed byte in a file does not', async () => {
    const name = fc.oneof(
      fc.constantFrom(...GENERATED_NAMES, 'sha256sums.TXT', 'ＳＨＡ256SUMS.txt', '说明 (附件).txt'),
      fc.string({ maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ name, content: fc.uint8Array({ minLength: 1, maxLength: 64 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        async (chosen) => {
          const zip = await build(chosen.map(({ name, content }) => file(name, content)));
          expect(await verifyEvidencePackage(reader(zip))).toEqual([]);
          // One changed byte in the first file's data.
          const [first] = await readZipEntries(reader(zip));
          const tampered = zip.slice();
          tampered[first!.dataOffset] = tampered[first!.dataOffset]! ^ 0xff;
          expect((await verifyEvidencePackage(reader(tampered))).join(' ')).toMatch(/SHA-256 .*不符/);
        },
      ),
      { numRuns: 60 },
    );
  });
});
