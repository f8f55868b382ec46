import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkAttachmentName,
  checkAttachments,
  mimeForAttachment,
  suggestAttachmentName,
  uniqueNames,
  type AttachmentInput,
} from './check-attachments';
import { MB } from '../byte-size';
import { detectFileType, extensionFits, SIGNATURES, type SignatureId } from './file-signature';
import { SAMPLE_HEADS } from './file-signature-samples';
import { loadCompiledAttachmentRules } from '../node/load-ruleset';
import { expectLinearTime, repeatTo } from '../../../tests/support/linear-time';

const rules = loadCompiledAttachmentRules();
const TODAY = '2026-11-24';

/** A generated file: `content` is a signature id (its magic bytes), default from the name. */
function file(name: string, size = 2048, content?: SignatureId | null): AttachmentInput {
  const extension = name.split('.').pop()!.toLowerCase();
  const id =
    content === undefined
      ? (Object.values(SIGNATURES).find((s) => (s.extensions as readonly string[]).includes(extension))?.id ??
        null)
      : content;
  return {
    name,
    size,
    head: size === 0 || !id ? new Uint8Array(size ? [0, 1, 2, 0xff] : []) : new Uint8Array(SAMPLE_HEADS[id]),
  };
}
const check = (...files: AttachmentInput[]) => checkAttachments(files, rules, { today: TODAY });
const ruleIds = (input: AttachmentInput) => check(input).files[0]!.findings.map((f) => f.rule);

describe('checkAttachments: the rules of the guide', () => {
  it('a well-named PNG screenshot passes', () => {
    const result = check(file('20261120_封禁提示截图.png'));
    expect(result.files[0]!.findings).toEqual([]);
    expect(result.files[0]!.suggestedName).toBe('20261120_封禁提示截图.png');
    expect(result.files[0]!.detectedType).toBe('image/png');
  });

  it('an empty file is an error', () => {
    expect(ruleIds(file('20261120_截图.png', 0))).toEqual(['attachment.size.empty']);
  });

  it('exactly 5 MB passes, one byte over is an error', () => {
    expect(ruleIds(file('20261120_截图.png', 5 * MB))).toEqual([]);
    const over = check(file('20261120_截图.png', 5 * MB + 1)).files[0]!.findings;
    expect(over.map((f) => [f.rule, f.severity])).toEqual([['attachment.size', 'error']]);
    expect(over[0]!.message).toContain('5.0 MB');
  });

  it('a too-large video gets concrete advice and its encoded size against mailbox limits', () => {
    const [finding] = check(file('20261120_故障录屏.mp4', 40 * MB)).files[0]!.findings;
    expect(finding!.rule).toBe('attachment.size');
    expect(finding!.message).toMatch(/十几秒/);
    expect(finding!.message).toMatch(/文件中转站/);
    expect(finding!.message).toContain('54.7 MB');
    expect(finding!.message).toMatch(/Gmail 25\.0 MB/);
    // A too-large package is told to split; a too-large image gets the general advice.
    expect(check(file('20261120_证据包.zip', 6 * MB)).files[0]!.findings[0]!.message).toMatch(/第二个压缩包/);
    expect(check(file('20261120_截图.png', 6 * MB)).files[0]!.findings[0]!.message).not.toMatch(/十几秒/);
  });

  it('a PNG that is really a JPEG is a warning with the right extension suggested', () => {
    const [finding] = check(file('20261120_截图.png', 2048, 'jpeg')).files[0]!.findings;
    expect([finding!.rule, finding!.severity]).toEqual(['attachment.type-mismatch', 'warning']);
    expect(finding!.fix?.text).toBe('20261120_截图.jpg');
  });

  it('a PNG whose bytes are not an image at all is a mismatch', () => {
    const report = check(file('20261120_截图.png', 2048, null)).files[0]!;
    expect(report.detectedType).toBeNull();
    expect(report.findings.map((f) => f.rule)).toEqual(['attachment.type-mismatch']);
    expect(report.findings[0]!.message).toMatch(/无法识别/);
  });

  it('an executable renamed .png is an error', () => {
    const report = check(file('20261120_截图.png', 2048, 'exe')).files[0]!;
    expect(report.detectedType).toBe('application/x-msdownload');
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'attachment.blocked', severity: 'error' }),
    );
    // Not advised to stay a .png: no rename would make it sendable, so only the plain word.
    expect(report.findings.map((f) => f.rule)).toEqual(['attachment.blocked']);
    expect(report.findings[0]!.message).toContain('不会放进证据包，也不会放进邮件');
    expect(report.findings[0]!.fix).toBeUndefined();
    expect(report.suggestedName).toBe('20261120_截图.exe');
  });

  it.each(['setup.exe', 'run.bat', 'a.JS', 'tool.jar', 'app.apk', 'disk.iso', 'x.ps1', 'y.vbs'])(
    '%s is blocked by its extension',
    (name) => {
      expect(
        check(file(name, 2048, 'text')).files[0]!.findings.some(
          (f) => f.rule === 'attachment.blocked' && f.severity === 'error',
        ),
      ).toBe(true);
    },
  );

  it.each([
    ['20261120_照片.heic', /iPhone/],
    ['20261120_录屏.mov', /MP4/],
    ['20261120_说明.docx', /PDF/],
    ['20261120_证据.rar', /ZIP/],
    ['20261120_日志.txt', /\.txt/],
    ['20261120_动图.gif', /PNG/],
  ])('%s is an unusual format, with what to convert it to', (name, advice) => {
    const findings = check(file(name)).files[0]!.findings;
    expect(findings.map((f) => f.rule)).toEqual(['attachment.format']);
    expect(findings[0]!.message).toMatch(advice);
  });

  it('four files are one too many; the advice is to bundle them', () => {
    const result = check(
      file('20261120_截图1.png'),
      file('20261120_截图2.png'),
      file('20261120_截图3.png'),
      file('20261120_录屏.mp4'),
    );
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['attachments.count', 'warning']]);
    expect(result.findings[0]!.message).toMatch(/ZIP/);
    expect(check(file('a.png'), file('b.png'), file('c.png')).findings).toEqual([]);
  });

  it('sums the total and its encoded size against the mailbox limits', () => {
    const { total } = check(file('a.png', 5 * MB), file('b.png', 5 * MB), file('c.png', 5 * MB));
    expect(total.bytes).toBe(15 * MB);
    expect(total.encodedBytes / MB).toBeCloseTo(20.5, 0);
    expect(total.limits.map((limit) => [limit.name, limit.fits])).toEqual([
      ['Exchange 服务器默认', false],
      ['Outlook（POP/IMAP 账户）', false],
      ['Gmail', true],
      ['QQ 邮箱普通附件', true],
    ]);
  });
});

describe('the name convention YYYYMMDD_事件类型.格式', () => {
  it.each([
    ['20260230_截图.png', 'attachment.name.date'],
    ['20261301_截图.png', 'attachment.name.date'],
    ['20261100_截图.png', 'attachment.name.date'],
    ['20991231_截图.png', 'attachment.name.future'],
    ['20261125_截图.png', 'attachment.name.future'],
    ['20261120_.png', 'attachment.name.event'],
    ['IMG_4821.PNG', 'attachment.name'],
    ['截图.png', 'attachment.name'],
    ['20261120_截图', 'attachment.name'],
  ])('%s → %s', (name, rule) => {
    expect(ruleIds(file(name, 2048, 'png'))).toContain(rule);
  });

  it('today is not in the future; tomorrow in Beijing is', () => {
    expect(ruleIds(file('20261124_截图.png'))).toEqual([]);
    expect(ruleIds(file('20261125_截图.png'))).toEqual(['attachment.name.future']);
  });

  it('Chinese names are fine; emoji, slashes and control characters are not', () => {
    expect(ruleIds(file('20261120_侵权视频对比截图.png'))).toEqual([]);
    for (const name of [
      '20261120_截图😀.png',
      '20261120_a/b.png',
      '20261120_截图\u0007.png',
      '20261120_截图\u200b.png',
    ]) {
      const report = check(file(name, 2048, 'png')).files[0]!;
      expect(
        report.findings.map((f) => f.rule),
        name,
      ).toContain('attachment.name.characters');
      expect(report.suggestedName, name).toMatch(/^20261120_[\p{Script=Han}a-z]+\.png$/u);
    }
    const [emoji] = check(file('20261120_截图😀.png')).files[0]!.findings;
    expect(emoji!.message).toContain('😀');
    const [control] = check(file('20261120_截图\u0007.png')).files[0]!.findings;
    expect(control!.message).toContain('U+0007');
  });

  it('a very long name is flagged and shortened', () => {
    const name = `20261120_${'很长的事件说明'.repeat(10)}.png`;
    const report = check(file(name)).files[0]!;
    expect(report.findings.map((f) => f.rule)).toContain('attachment.name.length');
    expect([...report.suggestedName].length).toBeLessThanOrEqual(60);
  });

  it.each([
    ['IMG_4821.PNG', '2026-11-20T02:00:00Z', 'png', '20261120_截图.png'],
    ['Screenshot 2026-11-18 at 10.22.31.png', undefined, 'png', '20261118_截图.png'],
    ['新建文本文档(3).pdf', '2026-11-19T20:00:00Z', 'pdf', '20261120_情况说明.pdf'],
    ['录屏.mov', undefined, 'mov', '20261124_录屏.mov'],
    ['闪退 录屏.MP4', undefined, 'mp4', '20261124_闪退_录屏.mp4'],
    ['20260230_截图.png', undefined, 'png', '20261124_截图.png'],
    ['截图.png', '2030-01-01T00:00:00Z', 'png', '20261124_截图.png'],
    ['封禁通知.png', undefined, 'jpeg', '20261124_封禁通知.jpg'],
  ] as const)('%s (modified %s) → %s', (name, modified, content, suggested) => {
    const input = {
      ...file(name, 2048, content),
      ...(modified ? { lastModified: Date.parse(modified) } : {}),
    };
    expect(check(input).files[0]!.suggestedName).toBe(suggested);
  });

  it('two files suggested the same name get numbered', () => {
    const result = check(file('截图.png'), file('截图.png'), file('截图.PNG'));
    expect(result.files.map((f) => f.suggestedName)).toEqual([
      '20261124_截图.png',
      '20261124_截图_2.png',
      '20261124_截图_3.png',
    ]);
    expect(uniqueNames(['a.png', 'A.png'])).toEqual(['a.png', 'A_2.png']);
  });
});

describe('the suggested name and the MIME type follow the detected type, not the extension', () => {
  it.each<[string, SignatureId | null, string, string]>([
    // name, real content, suggested name, MIME type it goes out with
    ['20261120_截图.jpg', 'png', '20261120_截图.png', 'image/png'],
    ['20261120_截图.png', 'jpeg', '20261120_截图.jpg', 'image/jpeg'],
    ['20261120_截图.png', 'png', '20261120_截图.png', 'image/png'],
    ['20261120_录屏.mov', 'mp4', '20261120_录屏.mp4', 'video/mp4'],
    ['20261120_情况说明.png', 'pdf', '20261120_情况说明.pdf', 'application/pdf'],
    // An executable keeps its real extension: never a harmless-looking .jpg.
    ['20261120_截图.jpg', 'exe', '20261120_截图.exe', 'application/x-msdownload'],
    ['20261120_照片.png', 'elf', '20261120_照片.so', 'application/x-executable'],
    [
      '20261120_说明.docx',
      'office',
      '20261120_说明.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      '20261120_表格.xlsx',
      'office',
      '20261120_表格.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    ['20261120_说明.zip', 'office', '20261120_说明.zip', 'application/vnd.openxmlformats-officedocument'],
    // Unrecognised bytes: the browser's guess, else a generic type.
    ['20261120_数据.dat', null, '20261120_数据.dat', 'application/octet-stream'],
  ])('%s with %s bytes → %s, %s', (name, content, suggested, mime) => {
    const input = file(name, 2048, content);
    const report = check(input).files[0]!;
    if (suggested === name) expect(report.suggestedName).toBe(name);
    else
      expect(
        suggestAttachmentName(name, { today: TODAY, category: report.category, detected: report.detected }),
      ).toBe(suggested);
    expect(mimeForAttachment(report.detected, name)).toBe(mime);
  });

  it('falls back to the browser’s guess only when the bytes say nothing', () => {
    expect(mimeForAttachment(null, 'a.txt', 'text/plain')).toBe('text/plain');
    expect(mimeForAttachment(detectFileType(new Uint8Array(SAMPLE_HEADS.png)), 'a.jpg', 'image/jpeg')).toBe(
      'image/png',
    );
    expect(mimeForAttachment(detectFileType(new Uint8Array(SAMPLE_HEADS.office)), 'toString')).toBe(
      'application/vnd.openxmlformats-officedocument',
    );
  });

  it('an APK or JAR named .zip keeps .zip: the name does not mislead about the container', () => {
    const apk = detectFileType(new Uint8Array(SAMPLE_HEADS.apk))!;
    expect(suggestAttachmentName('!.zip', { today: TODAY, category: 'other', detected: apk })).toMatch(
      /\.zip$/,
    );
    expect(suggestAttachmentName('!.png', { today: TODAY, category: 'other', detected: apk })).toMatch(
      /\.apk$/,
    );
  });

  it('any name and bytes: the suggestion has an extension that fits the detected type, the MIME type is the detected one', () => {
    fc.assert(
      fc.property(anyName, anyHead, (name, head) => {
        const detected = head.length ? detectFileType(head) : null;
        const [report] = checkAttachments([{ name, size: 100, head }], rules, { today: TODAY }).files;
        if (detected) {
          const extension = report!.suggestedName.split('.').pop()!.toLowerCase();
          // Fits: the type's own extension, or .zip for a ZIP-based type (extensionFits).
          expect(extensionFits(detected, extension) || report!.suggestedName === name).toBe(true);
          if (!detected.id.startsWith('office'))
            expect(mimeForAttachment(detected, name, 'x/y')).toBe(detected.mime);
        }
      }),
    );
  });
});

// Any file name and any first bytes, for the properties below.
const anyName = fc.oneof(
  fc.constantFrom('{a}', '{name}.png', '{suggested}'),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  // Any UTF-16, lone surrogates included (a file system can hand those over).
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .tuple(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('png', 'jpg', 'mp4', 'pdf', 'zip', 'exe', 'txt', 'PNG', ''),
    )
    .map(([stem, extension]) => (extension ? `${stem}.${extension}` : stem)),
);
const anyHead = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc
    .constantFrom(...(Object.keys(SIGNATURES) as SignatureId[]))
    .map((id) => new Uint8Array(SAMPLE_HEADS[id])),
);

describe('properties over any name and any bytes', () => {
  it('never throws; every finding is a valid range into the name', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: anyName,
            size: fc.nat({ max: 50 * MB }),
            head: anyHead,
            lastModified: fc.integer({ min: 0, max: 4102444800000 }),
          }),
          { maxLength: 6 },
        ),
        (files) => {
          const result = checkAttachments(files, rules, { today: TODAY });
          expect(result.files).toHaveLength(files.length);
          for (const [index, report] of result.files.entries()) {
            for (const finding of report.findings) {
              // No placeholder left unfilled (a file may itself be called “{a}”).
              const template = finding.message
                .replaceAll(files[index]!.name, '')
                .replaceAll(report.suggestedName, '');
              expect(template).not.toMatch(/\{[a-z]+\}/);
              expect(finding.start).toBe(0);
              expect(finding.end).toBe(files[index]!.name.length);
            }
          }
          const suggested = result.files.map((report) => report.suggestedName.toLowerCase());
          expect(new Set(suggested).size).toBe(suggested.length);
        },
      ),
    );
  });

  it('a suggested name always follows the convention when the format is known', () => {
    fc.assert(
      fc.property(
        anyName,
        anyHead,
        fc.integer({ min: 0, max: 4102444800000 }),
        (name, head, lastModified) => {
          const detected = detectFileType(head);
          const context = {
            today: TODAY,
            category: detected?.category ?? 'other',
            detected,
            lastModified,
          } as const;
          const suggested = suggestAttachmentName(name, context);
          if (!/\.[\p{L}\p{N}_]+$/u.test(suggested)) return; // no extension known: nothing to suggest
          expect(checkAttachmentName(suggested, rules, context)).toEqual([]);
        },
      ),
    );
  });
  it('a name of CJK radicals gets the default event (found by the property above)', () => {
    // ⺀ is a Han symbol, not a letter: the suggestion used to keep it as the event, and the
    // name check (which wants a letter there) then rejected the suggestion.
    const context = { today: TODAY, category: 'image', detected: SIGNATURES.jpeg, lastModified: 0 } as const;
    const suggested = suggestAttachmentName('⺀', context);
    expect(suggested).toBe('20261124_截图.jpg');
    expect(checkAttachmentName(suggested, rules, context)).toEqual([]);
  });
});

describe('properties over any set of files: determinism and time', () => {
  it('is deterministic: checking any files changes neither them, nor the rules, nor a later result', () => {
    const anyFile = fc.record({
      name: anyName,
      size: fc.nat({ max: 50 * MB }),
      head: anyHead,
      lastModified: fc.integer({ min: -1, max: 4102444800000 }),
    });
    // A fixed batch whose result is written out by hand (the rules of the tests above), checked
    // before and after every generated batch: no state may carry over from one call to the next.
    const reference = [
      file('IMG_4821.PNG'),
      file('20261120_截图.png', 5 * MB + 1),
      file('setup.exe', 2048, 'exe'),
    ];
    const expectReferenceResult = () => {
      const result = check(...reference);
      expect(
        result.files.map((report) => [
          report.suggestedName,
          report.detectedType,
          report.blocked,
          report.findings.map((finding) => [finding.rule, finding.severity]),
        ]),
      ).toEqual([
        ['20261124_截图.png', 'image/png', false, [['attachment.name', 'warning']]],
        ['20261120_截图.png', 'image/png', false, [['attachment.size', 'error']]],
        ['20261124_setup.exe', 'application/x-msdownload', true, [['attachment.blocked', 'error']]],
      ]);
      expect(result.findings).toEqual([]);
      expect(result.total.bytes).toBe(2048 + 5 * MB + 1 + 2048);
    };
    expectReferenceResult();
    fc.assert(
      fc.property(fc.array(anyFile, { maxLength: 5 }), (files) => {
        const before = structuredClone(files);
        checkAttachments(files, rules, { today: TODAY });
        expect(files).toEqual(before);
        expectReferenceResult();
      }),
    );
    expect(rules).toEqual(loadCompiledAttachmentRules());
  });

  it('takes linear time: a 1 MB name, and 1 MB of names that are all the same', () => {
    const head = new Uint8Array(SAMPLE_HEADS.png);
    expectLinearTime(
      (size) => [{ name: `${repeatTo('IMG_2026 封禁截图(1) ', size - 4)}.png`, size: 2048, head }],
      (files) => checkAttachments(files, rules, { today: TODAY }),
    );
    // uniqueNames used to count from _2 for every copy: 1 MB of one name took quadratic time.
    expectLinearTime(
      (size) => Array.from({ length: Math.round(size / 50) }, () => `${'证据'.repeat(23)}.png`),
      (names) => uniqueNames(names),
    );
    expect(uniqueNames(['a.png', 'a.png', 'a_3.png', 'a.png', 'A.PNG'])).toEqual([
      'a.png',
      'a_2.png',
      'a_3.png',
      'a_4.png',
      'A_5.PNG',
    ]);
  });
});
