import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ALL_SIGNATURES,
  detectFileType,
  extensionFits,
  HEAD_BYTES,
  SIGNATURES,
  signatureForExtension,
} from './file-signature';
import { SAMPLE_HEADS } from './file-signature-samples';
import { expectLinearTime } from '../../../tests/support/linear-time';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(
    values.flatMap((value) => (typeof value === 'string' ? [...new TextEncoder().encode(value)] : [value])),
  );

describe('detectFileType: magic bytes', () => {
  it.each(Object.entries(SAMPLE_HEADS))('the sample head of %s is detected as itself', (id, sample) => {
    expect(detectFileType(new Uint8Array(sample))?.id).toBe(id);
  });

  it('has a sample head for every signature', () => {
    expect(Object.keys(SAMPLE_HEADS).sort()).toEqual(ALL_SIGNATURES.map((signature) => signature.id).sort());
  });

  it.each([
    ['JPEG (EXIF)', bytes(0xff, 0xd8, 0xff, 0xe1, 0, 0x18, 'Exif'), 'jpeg'],
    ['MP4 from a phone', bytes(0, 0, 0, 0x20, 'ftypmp42', 0, 0, 0, 0), 'mp4'],
    ['iPhone HEIC', bytes(0, 0, 0, 0x18, 'ftypheic'), 'heic'],
    ['old QuickTime', bytes(0, 0, 0, 8, 'wide'), 'mov'],
    ['empty ZIP', bytes(0x50, 0x4b, 0x05, 0x06, 0, 0), 'zip'],
    ['JAR', new Uint8Array(SAMPLE_HEADS.jar), 'jar'],
    ['Chinese UTF-8 text', new TextEncoder().encode('快手邮件日志：2026-11-20 闪退'), 'text'],
    ['GB18030 text', bytes(0xbf, 0xec, 0xca, 0xd6, 0x0d, 0x0a), 'text'],
    ['UTF-8 text cut inside a character', new TextEncoder().encode('闪退日志').subarray(0, 7), 'text'],
    ['shell script', bytes('#!/usr/bin/env bash\n'), 'script'],
  ])('%s', (_label, head, id) => {
    expect(detectFileType(head)?.id).toBe(id);
  });

  it.each([
    ['nothing', new Uint8Array()],
    ['random binary', bytes(0x00, 0x13, 0x37, 0xff, 0x00)],
  ])('%s is not recognised', (_label, head) => {
    expect(detectFileType(head)).toBeNull();
  });

  it('never throws and needs no more than HEAD_BYTES', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (head) => {
        const full = detectFileType(head);
        expect(detectFileType(head.subarray(0, HEAD_BYTES))?.id ?? null).toBe(full?.id ?? null);
      }),
    );
  });
});

describe('extensions', () => {
  it.each([
    ['jpeg', 'JPG', true],
    ['jpeg', 'jpeg', true],
    ['jpeg', 'png', false],
    ['png', 'jpg', false],
    ['zip', 'docx', true],
    ['office', 'zip', true],
    ['apk', 'zip', true],
    ['apk', 'docx', false],
    ['text', 'csv', true],
    ['text', 'png', false],
    ['exe', 'png', false],
  ] as const)('%s content named .%s fits: %s', (id, extension, fits) => {
    expect(extensionFits(SIGNATURES[id], extension)).toBe(fits);
  });

  it('knows which signature an extension promises', () => {
    expect(signatureForExtension('PNG')?.id).toBe('png');
    expect(signatureForExtension('m4v')?.id).toBe('mp4');
    expect(signatureForExtension('xyz')).toBeNull();
  });
});

describe('file signatures: properties', () => {
  it('any bytes: deterministic, and a known type always fits one of its own extensions', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1024 }), (head) => {
        const detected = detectFileType(head);
        expect(detectFileType(head)).toBe(detected);
        if (detected && detected.extensions.length)
          expect(extensionFits(detected, detected.extensions[0]!)).toBe(true);
      }),
    );
  });

  it('any extension text, lone surrogates too: no throw, deterministic', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (extension) => {
        const signature = signatureForExtension(extension);
        expect(signatureForExtension(extension)).toBe(signature);
        for (const known of ALL_SIGNATURES) expect(typeof extensionFits(known, extension)).toBe('boolean');
      }),
    );
  });

  it('reads only the head: a 1 MB file costs no more than its first HEAD_BYTES', () => {
    expectLinearTime(
      (size) => Uint8Array.from({ length: size }, (_, index) => (index * 31) & 0xff),
      (bytes) => detectFileType(bytes),
    );
  });
});
