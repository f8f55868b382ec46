import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_FORMAT, CASE_VERSION, type TimelineEntry } from './case-contract';
import { buildDossier, DossierError, type DossierInput } from './dossier';
import { dossierPaths, sumsText } from './dossier-format';
import { escapeHtml, timelineOrder } from './dossier-timeline';
import { readDossier } from './read-dossier';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const encoder = new TextEncoder();

const CASE = {
  format: CASE_FORMAT,
  version: CASE_VERSION,
  id: 'c-7f3a9e',
  revision: 4,
  updatedAt: '2026-11-28T07:42:10.000Z',
  caseType: 'account-appeal',
  title: '账号被封禁申诉',
};
const caseJson = (fields: Record<string, unknown> = {}) => JSON.stringify({ ...CASE, ...fields }, null, 2);

const EML = encoder.encode('Subject: =?UTF-8?B?6LSm5Y+355Sz6K+J?=\r\nX-Unsent: 1\r\n\r\n正文\r\n');
const PACKAGE = zipSync({ '20261120_截图.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) });

const TIMELINE: TimelineEntry[] = [
  {
    date: '2026-11-22',
    kind: '邮件',
    title: '第一次申诉邮件',
    files: [{ path: 'mails/申诉.eml', sha256: sha(EML) }],
  },
  {
    date: '2026-11-20',
    time: '10:03',
    kind: '站内申诉',
    title: '提交站内申诉',
    detail: '申诉编号 A123\n第二行',
  },
  { date: '2026-11-27', kind: '收到回复', title: '客服回复：已受理' },
];

const INPUT: DossierInput = {
  caseJson: caseJson(),
  title: CASE.title,
  timeline: TIMELINE,
  mails: [{ name: '申诉.eml', bytes: EML }],
  evidence: [{ name: '20261120_证据包.zip', bytes: PACKAGE }],
};

/** A system tool the test needs: without it the test fails saying how to install it, never skips. */
function run(tool: string, args: string[], cwd: string) {
  const result = spawnSync(tool, args, { cwd, encoding: 'utf8' });
  if (result.error)
    throw new Error(
      `${tool} is required by this test (it checks the dossier with a tool we did not write): ${result.error.message}. Install it (apt-get install unzip coreutils).`,
    );
  return result;
}

// Generous timeouts: a child process and property runs on a shared, loaded machine.
describe('buildDossier', { timeout: 120_000 }, () => {
  it('holds the timeline, case.json, the mails, the evidence and SHA256SUMS, in that order', () => {
    const entries = unzipSync(buildDossier(INPUT));
    expect(Object.keys(entries)).toEqual([
      'timeline.html',
      'case.json',
      'mails/申诉.eml',
      'evidence/20261120_证据包.zip',
      'SHA256SUMS',
    ]);
    expect(strFromU8(entries['case.json']!)).toBe(INPUT.caseJson);
    expect(entries['mails/申诉.eml']).toEqual(EML);
    expect(entries['evidence/20261120_证据包.zip']).toEqual(PACKAGE);
    const sums = strFromU8(entries['SHA256SUMS']!);
    expect(sums).toBe(
      sumsText(
        ['timeline.html', 'case.json', 'mails/申诉.eml', 'evidence/20261120_证据包.zip'].map((path) => ({
          path,
          sha256: sha(entries[path]!),
        })),
      ),
    );
  });

  it('is byte-identical when built twice, and differs when one byte of any input changes', () => {
    const first = buildDossier(INPUT);
    expect(sha(buildDossier({ ...INPUT, timeline: [...TIMELINE] }))).toBe(sha(first));
    const changedEml = EML.slice();
    changedEml[5] = changedEml[5]! ^ 1;
    const changedPackage = PACKAGE.slice();
    changedPackage[40] = changedPackage[40]! ^ 1;
    const variants: DossierInput[] = [
      { ...INPUT, caseJson: caseJson({ revision: 5 }) },
      { ...INPUT, mails: [{ name: '申诉.eml', bytes: changedEml }] },
      { ...INPUT, evidence: [{ name: '20261120_证据包.zip', bytes: changedPackage }] },
      { ...INPUT, timeline: [{ ...TIMELINE[0]!, title: '第一次申诉邮件!' }, ...TIMELINE.slice(1)] },
      { ...INPUT, title: '账号被封禁申诉 ' + '!' },
    ];
    for (const variant of variants) expect(sha(buildDossier(variant))).not.toBe(sha(first));
  });

  it('reads no clock: the same bytes at another time and in another time zone', () => {
    const script = `import { buildDossier } from './src/lib/case-file/dossier.ts';
      const input = JSON.parse(process.argv[1]);
      input.mails = input.mails.map((m) => ({ name: m.name, bytes: new Uint8Array(m.bytes) }));
      const bytes = buildDossier(input);
      process.stdout.write(Buffer.from(bytes).toString('hex'));`;
    const json = JSON.stringify({ ...INPUT, evidence: [], mails: [{ name: '申诉.eml', bytes: [...EML] }] });
    const inZone = (tz: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, json], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
    const [shanghai, newYork] = [inZone('Asia/Shanghai'), inZone('America/New_York')];
    expect(shanghai.stderr).toBe('');
    expect(shanghai.stdout.length).toBeGreaterThan(1000);
    expect(newYork.stdout).toBe(shanghai.stdout);
    expect(shanghai.stdout).toBe(Buffer.from(buildDossier({ ...INPUT, evidence: [] })).toString('hex'));
  });

  it('passes `unzip -t`, and `sha256sum -c SHA256SUMS` in the unpacked folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-'));
    writeFileSync(join(dir, 'dossier.zip'), buildDossier(INPUT));
    const test = run('unzip', ['-t', 'dossier.zip'], dir);
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toMatch(/No errors detected/);
    const unpack = run('unzip', ['-q', 'dossier.zip', '-d', 'out'], dir);
    expect(unpack.status, unpack.stderr).toBe(0);
    const check = run('sha256sum', ['-c', 'SHA256SUMS'], join(dir, 'out'));
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout.trim().split('\n')).toHaveLength(4);
    expect(readFileSync(join(dir, 'out', 'mails', '申诉.eml'))).toEqual(Buffer.from(EML));
  });

  it('escapes user text in the timeline: a <script> in a title stays text', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    const entries = unzipSync(
      buildDossier({
        ...INPUT,
        title: hostile,
        timeline: [
          {
            date: '2026-11-20<b>',
            time: '"10:00',
            kind: hostile,
            title: hostile,
            detail: hostile,
            files: [{ path: hostile, sha256: hostile }],
          },
        ],
      }),
    );
    const html = strFromU8(entries['timeline.html']!);
    expect(html).not.toMatch(/<script|<img|<b>|onerror=alert\(2\)>/i);
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;',
    );
    expect(html.match(/<(\w+)/g)!.filter((tag) => /script|img|iframe|svg/i.test(tag))).toEqual([]);
  });

  it('a step file the dossier does not carry is marked as not in it; a carried one is not', () => {
    const entries = unzipSync(
      buildDossier({
        ...INPUT,
        timeline: [
          {
            date: '2026-11-20',
            kind: '邮件',
            title: '第一封',
            files: [
              { path: 'mails/申诉.eml', sha256: sha(EML) },
              { path: 'evidence/s1.zip', sha256: 'cd'.repeat(32) },
            ],
          },
        ],
      }),
    );
    const html = strFromU8(entries['timeline.html']!);
    expect(html.match(/未放入案卷/g)).toHaveLength(1);
    expect(html).toMatch(/evidence\/s1\.zip<\/span>（未放入案卷/);
  });

  it('the printable page: oldest first, the file list with hashes, the independence notice', () => {
    const html = strFromU8(unzipSync(buildDossier(INPUT))['timeline.html']!);
    const order = ['提交站内申诉', '第一次申诉邮件', '客服回复：已受理'].map((title) => html.indexOf(title));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toContain('给快手写邮件：非官方指南');
    expect(html).toContain('本站非快手官方');
    expect(html).toContain('不是法律意见');
    expect(html).toContain('@page { size: A4');
    expect(html).toMatch(/tr \{ break-inside: avoid; page-break-inside: avoid; \}/);
    expect(html).toContain(sha(EML));
    expect(html).toContain(sha(PACKAGE));
    expect(html).toContain('2026-11-28 15:42（北京时间）');
    expect(html).toContain('申诉编号 A123\n第二行');
  });
});

describe('buildDossier: names, refusals, order', () => {
  it('names inside the ZIP: no folders, no climbing out, no hidden characters, unique', () => {
    const paths = dossierPaths(
      ['../../etc/passwd', '/abs.eml', '发票\u202Egnp.exe', 'A.eml', 'a.eml', '', '.hidden'],
      ['x\\y.zip', 'SHA256SUMS'],
    );
    expect(paths.mails).toEqual([
      'mails/_.._etc_passwd',
      'mails/_abs.eml',
      'mails/发票gnp.exe',
      'mails/A.eml',
      'mails/a_2.eml',
      'mails/附件',
      'mails/hidden',
    ]);
    expect(paths.evidence).toEqual(['evidence/x_y.zip', 'evidence/SHA256SUMS']);
  });

  it.each([
    ['case.json is not JSON', { caseJson: '{' }, /不是有效的 JSON/],
    ['another format', { caseJson: caseJson({ format: 'other' }) }, /不是本站导出的案卷/],
    ['a newer version', { caseJson: caseJson({ version: CASE_VERSION + 1 }) }, /来自更新版本的工具/],
    ['no id', { caseJson: caseJson({ id: '' }) }, /案卷编号/],
    ['a bad save time', { caseJson: caseJson({ updatedAt: 'yesterday' }) }, /保存时间/],
  ])('refuses to build when %s', (_, change, message) => {
    expect(() => buildDossier({ ...INPUT, ...change })).toThrow(DossierError);
    expect(() => buildDossier({ ...INPUT, ...change })).toThrow(message);
  });

  it('orders any timeline oldest first and keeps the given order of equal moments', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            date: fc.constantFrom('2026-11-20', '2026-11-21', '2027-01-02'),
            time: fc.option(fc.constantFrom('09:00', '18:30'), { nil: undefined }),
            kind: fc.constant('邮件'),
            title: fc.nat().map(String),
          }),
          { maxLength: 12 },
        ),
        (generated) => {
          const entries: TimelineEntry[] = generated;
          const sorted = timelineOrder(entries);
          const key = (entry: TimelineEntry) => `${entry.date} ${entry.time ?? ''}`;
          for (let index = 1; index < sorted.length; index += 1) {
            expect(key(sorted[index - 1]!) <= key(sorted[index]!)).toBe(true);
            if (key(sorted[index - 1]!) === key(sorted[index]!))
              expect(entries.indexOf(sorted[index - 1]!)).toBeLessThan(entries.indexOf(sorted[index]!));
          }
        },
      ),
    );
  });
});

/** A dossier with its entries changed by `edit` (on the unpacked entries), zipped again. */
const rezip = (edit: (entries: Record<string, Uint8Array>) => void) => {
  const entries = unzipSync(buildDossier(INPUT));
  edit(entries);
  return zipSync(entries);
};
const resum = (entries: Record<string, Uint8Array>) => {
  const list = Object.entries(entries).filter(([path]) => path !== 'SHA256SUMS');
  entries['SHA256SUMS'] = encoder.encode(
    sumsText(list.map(([path, bytes]) => ({ path, sha256: sha(bytes) }))),
  );
};

describe('readDossier', () => {
  it('round trip: returns the same case.json and the same files', () => {
    const result = readDossier(buildDossier(INPUT));
    if (!result.ok) throw new Error(result.message);
    expect(result.caseJson).toBe(INPUT.caseJson);
    expect(result.identity).toEqual({
      format: CASE_FORMAT,
      version: CASE_VERSION,
      id: CASE.id,
      revision: 4,
      updatedAt: CASE.updatedAt,
    });
    expect(result.files.mails).toEqual(INPUT.mails);
    expect(result.files.evidence).toEqual(INPUT.evidence);
  });

  it.each<[string, Uint8Array, RegExp]>([
    [
      'a PNG',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(30).fill(0)]),
      /这不是 ZIP 文件/,
    ],
    ['nothing', new Uint8Array(0), /这不是 ZIP 文件/],
    ['a cut-off dossier', buildDossier(INPUT).subarray(0, 400), /已损坏/],
    ['a ZIP without case.json', zipSync({ 'a.txt': encoder.encode('x') }), /不属于案卷|没有 case\.json/],
    ['an evidence ZIP', PACKAGE, /不属于案卷/],
    [
      'no case.json',
      rezip((entries) => {
        delete entries['case.json'];
      }),
      /没有 case\.json/,
    ],
    [
      'a changed mail',
      rezip((entries) => {
        entries['mails/申诉.eml'] = encoder.encode('changed');
      }),
      /“mails\/申诉\.eml”的 SHA-256 与 SHA256SUMS 中记录的不一致/,
    ],
    [
      'no SHA256SUMS',
      rezip((entries) => {
        delete entries['SHA256SUMS'];
      }),
      /缺少 SHA256SUMS/,
    ],
    [
      'a file not in SHA256SUMS',
      rezip((entries) => {
        entries['mails/extra.eml'] = encoder.encode('x');
      }),
      /“mails\/extra\.eml”不在 SHA256SUMS 中/,
    ],
    [
      'another format',
      rezip((entries) => {
        entries['case.json'] = encoder.encode(caseJson({ format: 'resolver-case' }));
        resum(entries);
      }),
      /不是本站导出的案卷：case\.json 的 format 是“resolver-case”/,
    ],
    [
      'a climbing path',
      rezip((entries) => {
        entries['../evil.eml'] = encoder.encode('x');
      }),
      /不属于案卷的条目“\.\.\/evil\.eml”/,
    ],
    [
      'a bidi name',
      rezip((entries) => {
        entries['mails/发票\u202Egnp.exe'] = encoder.encode('x');
        resum(entries);
      }),
      /不属于案卷的条目/,
    ],
    [
      'a case.json nested 100,000 deep',
      rezip((entries) => {
        entries['case.json'] = encoder.encode(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
        resum(entries);
      }),
      /嵌套超过 32 层/,
    ],
    [
      'a case.json over 5 MB',
      rezip((entries) => {
        entries['case.json'] = encoder.encode(caseJson({ note: 'x'.repeat(6 * 1024 * 1024) }));
        resum(entries);
      }),
      /超过了 5\.0 MB 的上限/,
    ],
  ])('refuses %s with a Chinese message, importing nothing', (_, bytes, message) => {
    const result = readDossier(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(message);
    expect(result.message).toMatch(/本页没有导入任何内容。$/);
  });

  it('a case from a newer version: says so, and that nothing was changed', () => {
    const bytes = rezip((entries) => {
      entries['case.json'] = encoder.encode(caseJson({ version: CASE_VERSION + 1, steps: 'other layout' }));
    });
    const result = readDossier(bytes);
    expect(result).toEqual({
      ok: false,
      message: `这份案卷来自更新版本的工具（格式版本 ${CASE_VERSION + 1}，本页只能读到版本 ${CASE_VERSION}）。请在更新后的页面中导入；本页没有改动任何内容。`,
    });
  });
});

describe('readDossier on hostile bytes', { timeout: 120_000 }, () => {
  it('a size that lies in the directory is bounded and caught by its checksum', () => {
    const bytes = buildDossier({
      ...INPUT,
      mails: [{ name: 'a.eml', bytes: new Uint8Array(100_000).fill(65) }],
    });
    const view = new DataView(bytes.buffer);
    // The central directory record of mails/a.eml: make its unpacked size 10 bytes.
    const name = encoder.encode('mails/a.eml');
    for (let at = 0; at < bytes.length - 46; at += 1) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const length = view.getUint16(at + 28, true);
      if (Buffer.from(bytes.subarray(at + 46, at + 46 + length)).equals(Buffer.from(name)))
        view.setUint32(at + 24, 10, true);
    }
    const result = readDossier(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/“mails\/a\.eml”的 SHA-256/);
  });

  it('never throws on any bytes, nor on a dossier with any bytes changed', () => {
    const good = buildDossier(INPUT);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const result = readDossier(bytes);
        expect(result.ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ at: fc.nat({ max: good.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.nat({ max: good.length }),
        (changes, cut) => {
          const bytes = good.slice(0, Math.max(cut, 22));
          for (const { at, value } of changes) if (at < bytes.length) bytes[at] = value;
          const result = readDossier(bytes);
          if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fff]/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any timeline and any names: builds the same bytes twice, reads back the same case and files', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const entry = fc.record({
      date: text,
      time: fc.option(text, { nil: undefined }),
      kind: text,
      title: text,
      detail: fc.option(text, { nil: undefined }),
      files: fc.option(fc.array(fc.record({ path: text, sha256: text }), { maxLength: 2 }), {
        nil: undefined,
      }),
    });
    const file = fc.record({ name: text, bytes: fc.uint8Array({ maxLength: 300 }) });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 6 }),
        fc.array(file, { maxLength: 4 }),
        fc.array(file, { maxLength: 3 }),
        text,
        (timeline, mails, evidence, title) => {
          const input = { caseJson: caseJson({ title }), title, timeline, mails, evidence };
          const bytes = buildDossier(input);
          expect(buildDossier(input)).toEqual(bytes);
          const result = readDossier(bytes);
          if (!result.ok) throw new Error(result.message);
          expect(result.caseJson).toBe(input.caseJson);
          expect(result.files.mails.map((f) => f.bytes)).toEqual(mails.map((f) => f.bytes));
          expect(result.files.evidence.map((f) => f.bytes)).toEqual(evidence.map((f) => f.bytes));
          const paths = [
            ...result.files.mails.map((f) => f.name),
            ...result.files.evidence.map((f) => f.name),
          ];
          for (const name of paths) expect(name).not.toMatch(/[\\/\0-\x1f\u202a-\u202e\u2066-\u2069]|^\./);
          const html = strFromU8(unzipSync(bytes)['timeline.html']!);
          expect(html).not.toMatch(/<(script|img|svg|iframe)/i);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('escapeHtml', () => {
  it.each([
    ['<script>', '&lt;script&gt;'],
    ['a & b', 'a &amp; b'],
    [`"'`, '&quot;&#39;'],
    ['已于\u202E日02月11', '已于\uFFFD日02月11'],
    ['行一\n行二\t', '行一\n行二\t'],
    ['\uD800x', '\uFFFDx'],
    [undefined, ''],
  ])('%j → %j', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });
});
