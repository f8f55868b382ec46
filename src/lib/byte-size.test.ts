import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64EncodedSize, formatBytes, MB } from './byte-size';

describe('byte sizes', () => {
  it.each([
    [0, '0 字节'],
    [1023, '1023 字节'],
    [1024, '1.0 KB'],
    [5 * MB, '5.0 MB'],
    [5 * MB + 1, '5.0 MB'],
    [150 * MB, '150 MB'],
    [1024 * MB, '1.0 GB'],
    [-1, '未知大小'],
    [Number.NaN, '未知大小'],
  ])('formatBytes(%d) = %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('Base64 with MIME line breaks is about 1.37 times the file', () => {
    expect(base64EncodedSize(0)).toBe(0);
    expect(base64EncodedSize(3)).toBe(4 + 2);
    expect(base64EncodedSize(57)).toBe(76 + 2);
    // The guide's figure: three 5 MB attachments take about 20.5 MB on the wire.
    expect((3 * base64EncodedSize(5 * MB)) / MB).toBeCloseTo(20.5, 0);
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2 ** 40 }), (bytes) => {
        const ratio = base64EncodedSize(bytes) / bytes;
        return ratio > 1.35 && ratio < 1.38;
      }),
    );
  });
});
