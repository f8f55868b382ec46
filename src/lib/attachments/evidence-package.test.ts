import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  evidencePackage,
  EvidencePackageError,
  entryKey,
  entryNames,
  GENERATED_NAMES,
  manifestCsv,
  MANIFEST_NAME,
  predictPackageSize,
  README_NAME,
  sha256Sums,
  SUMS_NAME,
  toHex,
  type EvidenceFile,
  type Sha256Hasher,
} from './evidence-package';
import { expectLinearTime } from '../../../tests/support/linear-time';

const nodeHasher = (): Sha256Hasher => {
  const hash = createHash('sha256');
  return { update: (chunk) => void hash.update(chunk), digestHex: () => hash.digest('hex') };
};
const nobleHasher = (): Sha256Hasher => {
  const hash = sha256.create();
  return { update: (chunk) => void hash.update(chunk), digestHex: () => toHex(hash.digest()) };
};
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A file whose stream comes in small chunks, as a browser File's does. */
function evidence(name: string, bytes: Uint8Array, originalName = `原始_${name}`): EvidenceFile {
  return {
    name,
    originalName,
    size: bytes.length,
    type: 'PNG 图片',
    mime: 'image/png',
    lastModified: Date.parse('2026-11-20T02:03:00Z'),
    stream: () =>
      new ReadableStream({
        start(controller) {
          for (let offset = 0; offset < bytes.length; offset += 1000)
            controller.enqueue(bytes.slice(offset, offset + 1000));
          controller.close();
        },
      }),
  };
}

async function build(files: EvidenceFile[], whole = false) {
  const createdAt = Date.parse('2026-11-24T07:00:00Z');
  const pkg = evidencePackage(files, {
    createdAt,
    createHasher: nodeHasher,
    hashWhole: whole
      ? (file) => new Response(file.stream()).arrayBuffer().then((b) => sha(new Uint8Array(b)))
      : undefined,
  });
  const zip = new Uint8Array(await new Response(pkg.stream).arrayBuffer());
  return { zip, manifest: await pkg.manifest, predicted: predictPackageSize(files, createdAt) };
}

const random = (length: number, seed: number) => {
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index += 1) bytes[index] = (index * 31 + seed * 7) & 0xff;
  return bytes;
};

describe('the evidence package', () => {
  it.each([false, true])(
    'holds the renamed files, the manifest and the hashes (hashed whole: %s)',
    async (whole) => {
      const a = random(12_345, 1);
      const b = random(0, 2);
      const c = random(70_001, 3);
      const files = [
        evidence('20261120_封禁提示截图.png', a, 'IMG_4821.PNG'),
        evidence('20261120_空白.txt', b),
        evidence('20261118_闪退录屏.mp4', c, '录屏 "final", v2.mov'),
      ];
      const { zip, manifest, predicted } = await build(files, whole);
      expect(zip.length).toBe(predicted);
      const entries = unzipSync(zip);
      expect(Object.keys(entries)).toEqual([
        ...files.map((f) => f.name),
        MANIFEST_NAME,
        SUMS_NAME,
        README_NAME,
      ]);
      expect(entries['20261120_封禁提示截图.png']).toEqual(a);
      expect(entries['20261118_闪退录屏.mp4']).toEqual(c);
      expect(manifest.map((row) => row.sha256)).toEqual([sha(a), sha(b), sha(c)]);

      // A BOM first, so Excel reads the CSV as UTF-8 (TextDecoder drops it when decoding).
      expect([...entries[MANIFEST_NAME]!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = strFromU8(entries[MANIFEST_NAME]!);
      expect(
        csv.startsWith(
          '序号,包内文件名,原文件名,大小（字节）,识别类型,MIME 类型,文件修改时间（北京时间）,SHA-256\r\n',
        ),
      ).toBe(true);
      expect(csv).toContain(
        `1,20261120_封禁提示截图.png,IMG_4821.PNG,12345,PNG 图片,image/png,2026-11-20 10:03,${sha(a)}\r\n`,
      );
      expect(csv).toContain(`"录屏 ""final"", v2.mov"`);
      expect(strFromU8(entries[SUMS_NAME]!)).toBe(
        `${sha(a)}  20261120_封禁提示截图.png\n${sha(b)}  20261120_空白.txt\n${sha(c)}  20261118_闪退录屏.mp4\n`,
      );
      expect(strFromU8(entries[README_NAME]!)).toMatch(/不是快手官方网站/);
    },
  );

  it('names cannot make folders, climb out of the archive or collide', async () => {
    const files = [
      evidence('../../etc/passwd', random(10, 1)),
      evidence('a/b.png', random(10, 2)),
      evidence('a_b.png', random(10, 3)),
      evidence('', random(10, 4)),
    ];
    const { zip, manifest, predicted } = await build(files);
    expect(zip.length).toBe(predicted);
    const names = Object.keys(unzipSync(zip)).slice(0, 4);
    expect(names).toEqual(['_.._etc_passwd', 'a_b.png', 'a_b_2.png', '未命名']);
    expect(manifest.map((row) => row.name)).toEqual(names);
  });

  it('an empty package still has its manifest', async () => {
    const { zip, manifest, predicted } = await build([]);
    expect(manifest).toEqual([]);
    expect(zip.length).toBe(predicted);
    expect(Object.keys(unzipSync(zip))).toEqual([MANIFEST_NAME, SUMS_NAME, README_NAME]);
  });

  it('neutralises spreadsheet formulas in names', () => {
    const row = {
      name: '=HYPERLINK("x").png',
      originalName: '+1.png',
      size: 1,
      type: 'x',
      lastModified: 0,
      sha256: 'ab',
    };
    const csv = manifestCsv([row]);
    expect(csv).toContain(`"'=HYPERLINK(""x"").png",'+1.png`);
    expect(sha256Sums([row])).toBe('ab  =HYPERLINK("x").png\n');
  });

  it('noble-hashes agrees with node:crypto on any bytes, in any chunking', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), fc.integer({ min: 1, max: 700 }), (bytes, chunk) => {
        const hasher = nobleHasher();
        for (let offset = 0; offset < bytes.length; offset += chunk)
          hasher.update(bytes.subarray(offset, offset + chunk));
        expect(hasher.digestHex()).toBe(sha(bytes));
      }),
    );
  });

  it('predicts the size exactly for any names and sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 30 }), { maxLength: 4 }),
        fc.nat({ max: 3000 }),
        async (names, size) => {
          const files = names.map((name, index) => evidence(name, random(size + index, index)));
          const { zip, predicted } = await build(files);
          expect(zip.length).toBe(predicted);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('any names (lone surrogates too): no folder, no control character, unique, deterministic', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 8 }), (names) => {
        const safe = entryNames(names);
        expect(safe).toHaveLength(names.length);
        for (const name of safe) {
          expect(name).not.toMatch(/[\\/\u0000-\u001f\u007f]/);
          expect(name.length).toBeGreaterThan(0);
        }
        expect(new Set(safe.map((name) => name.toLowerCase())).size).toBe(safe.length);
        // Not the package's own files, nor the same as one once unpacked (case, full width).
        const keys = new Set([...safe, ...GENERATED_NAMES].map(entryKey));
        if (keys.size !== safe.length + 3)
          throw new Error(`an entry is a generated name: ${safe.join(', ')}`);
        expect(entryNames(names)).toEqual(safe);
      }),
    );
  });

  it('names and the manifest take linear time on 1 MB (found: a long run of spaces was quadratic)', () => {
    expectLinearTime(
      (size) => [`证据${' '.repeat(size - 10)}截图.png`],
      (names) => entryNames(names),
    );
    const row = (name: string) => ({
      name,
      originalName: name,
      size: 1,
      type: 'x',
      lastModified: 0,
      sha256: 'ab',
    });
    expectLinearTime(
      (size) =>
        Array.from({ length: Math.round(size / 50) }, (_, index) =>
          row(`=证据${index} "截图", ${'图'.repeat(30)}.png`),
        ),
      (rows) => manifestCsv(rows) + sha256Sums(rows),
    );
  });
});

describe('evidencePackage bounds (issue 21)', () => {
  const file = (size: number, stream: () => ReadableStream<Uint8Array>) => ({
    originalName: 'zero',
    name: 'zero.bin',
    size,
    type: '未识别',
    lastModified: 0,
    stream,
  });

  it('stops a file that gives more bytes than its size (/dev/zero reports 0 and never ends)', async () => {
    let pulled = 0;
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          controller.enqueue(new Uint8Array(65_536));
        },
      });
    const { stream } = evidencePackage([file(0, endless)], { createdAt: 0, createHasher: nodeHasher });
    await expect(new Response(stream).arrayBuffer()).rejects.toThrow(/读到的内容比它的大小（0 字节）多/);
    expect(pulled).toBeLessThan(10);
  });

  it('refuses more than 65,532 files before reading any (65,535 ZIP entries with the three lists)', () => {
    const many = Array.from({ length: 65_533 }, () => file(1, () => new Blob(['x']).stream()));
    expect(() => evidencePackage(many, { createdAt: 0, createHasher: nodeHasher })).toThrow(
      EvidencePackageError,
    );
    expect(() => evidencePackage(many.slice(1), { createdAt: 0, createHasher: nodeHasher })).not.toThrow();
  });
});
