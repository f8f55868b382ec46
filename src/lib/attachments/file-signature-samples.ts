/**
 * A minimal head for every signature of file-signature.ts: what the tests, the benchmarks and
 * the rule examples feed the checkers. Kept apart so that the browser's attachment checker does
 * not carry them (it only reads real files).
 */
import { ascii, type SignatureId } from './file-signature';

/** ISO base media (MP4, MOV, HEIC …): `ftyp` at offset 4 followed by the major brand. */
const ftyp = (brand: string) => [0, 0, 0, 0x18, ...ascii('ftyp'), ...ascii(brand), 0, 0, 0, 0];

/** A ZIP whose first entry is `name`. */
const zipWith = (name: string) => [
  ...[0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  name.length,
  0,
  0,
  0,
  ...ascii(name),
];

export const SAMPLE_HEADS: Readonly<Record<SignatureId, readonly number[]>> = {
  jpeg: [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, ...ascii('JFIF'), 0],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, ...ascii('IHDR')],
  gif: ascii('GIF89a'),
  webp: [...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBPVP8 ')],
  bmp: [...ascii('BM'), 0x36, 0, 0x0c, 0, 0, 0, 0, 0, 0x36, 0, 0, 0],
  heic: ftyp('heic'),
  mp4: ftyp('isom'),
  mov: ftyp('qt  '),
  avi: [...ascii('RIFF'), 0, 0, 0, 0, ...ascii('AVI LIST')],
  matroska: [0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01],
  pdf: ascii('%PDF-1.7\n'),
  office: zipWith('[Content_Types].xml'),
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  zip: zipWith('20261120_截图.png'),
  rar: [...ascii('Rar!'), 0x1a, 0x07, 0x01, 0x00],
  sevenZip: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4],
  gzip: [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0],
  text: ascii('2026-11-20 10:00 app crashed\n'),
  exe: [...ascii('MZ'), 0x90, 0, 0x03, 0, 0, 0, 0x04, 0, 0, 0, 0xff, 0xff],
  elf: [0x7f, ...ascii('ELF'), 0x02, 0x01, 0x01, 0],
  macho: [0xcf, 0xfa, 0xed, 0xfe, 0x07, 0, 0, 0x01],
  script: ascii('#!/bin/sh\necho hi\n'),
  apk: zipWith('AndroidManifest.xml'),
  jar: zipWith('META-INF/MANIFEST.MF'),
  lnk: [0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0, 0, 0],
};
