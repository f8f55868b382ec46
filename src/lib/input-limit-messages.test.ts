import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  draftTooLarge,
  largestMailLimit,
  mailAttachmentsTooLarge,
  packageProblem,
} from './input-limit-messages';
import { MAX_DRAFT_BYTES, MAX_PACKAGE_BYTES, MAX_ZIP_ENTRIES } from './input-limits';
import { base64EncodedSize } from './byte-size';

const MB = 1024 * 1024;
const LIMITS = [{ bytes: 10 * MB }, { bytes: 50 * MB }, { bytes: 25 * MB }];

describe('the refusals ksmail and the browser tools share', () => {
  it.each([
    [MAX_DRAFT_BYTES, null],
    [MAX_DRAFT_BYTES + 1, '草稿太大'],
  ] as const)('a draft of %i bytes → %s', (bytes, expected) => {
    const message = draftTooLarge(bytes, 'draft.txt');
    if (expected === null) expect(message).toBeNull();
    else expect(message).toContain(expected);
  });

  it('the largest mailbox limit, 0 without any', () => {
    expect(largestMailLimit(LIMITS)).toBe(50 * MB);
    expect(largestMailLimit([])).toBe(0);
  });

  it.each([
    ['fits the largest limit', [{ name: 'a.mp4', size: 30 * MB }], null],
    ['over it once encoded', [{ name: 'a.mp4', size: 38 * MB }], '最大的附件是“a.mp4”'],
    [
      'names the largest of several',
      [
        { name: 'small.png', size: 5 * MB },
        { name: 'big.mp4', size: 35 * MB },
      ],
      '最大的附件是“big.mp4”',
    ],
  ] as const)('attachments: %s', (_name, files, expected) => {
    const message = mailAttachmentsTooLarge(files, LIMITS);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toContain(expected);
  });

  it('no limits named → never refused', () => {
    expect(mailAttachmentsTooLarge([{ name: 'a', size: 10_000 * MB }], [])).toBeNull();
  });

  it('refuses exactly when the encoded total is over the largest limit', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 30 * MB }), { minLength: 1, maxLength: 5 }), (sizes) => {
        const files = sizes.map((size, index) => ({ name: `f${index}`, size }));
        const encoded = sizes.reduce((sum, size) => sum + base64EncodedSize(size), 0);
        expect(mailAttachmentsTooLarge(files, LIMITS) !== null).toBe(encoded > 50 * MB);
      }),
    );
  });

  it.each([
    [[{ size: 1 }], 3, null],
    [Array.from({ length: MAX_ZIP_ENTRIES - 2 }, () => ({ size: 1 })), 3, '证据包最多能放'],
    [[{ size: MAX_PACKAGE_BYTES }, { size: 1 }], 3, '超过了证据包'],
  ] as const)('package of %#', (files, extra, expected) => {
    const message = packageProblem(files, extra);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toContain(expected);
  });
});
