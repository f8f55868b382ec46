/**
 * ksmail on hostile or unusual input (issue 21 A): encodings, outputs that would overwrite an
 * input, dates out of range, oversized and endless inputs, ZIP entry counts. Each case is a
 * reproduction from the issue.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/support/build-site';
import { runKsmail } from '../../src/cli/ksmail';

const BIN = resolve(ROOT, 'bin/ksmail.mjs');
// The timeout only keeps a hang from blocking the run; the tests assert the exit code.
const ksmail = (args: string[], input?: string | Uint8Array) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 120_000 });
const dir = mkdtempSync(join(tmpdir(), 'ksmail-hardening-'));
const hex = (text: string) => Buffer.from(text, 'hex');

// The four modules in GBK (iconv -t GBK of 问题描述：账号被封禁。/影响说明：无法直播。/诉求清单：请解封。/联系方式：邮件回复即可。).
const GBK_DRAFT = hex(
  'cecacce2c3e8caf6a3bad5cbbac5b1bbb7e2bdfba1a30ad3b0cfeccbb5c3f7a3bacedeb7a8d6b1b2a5a1a30acbdfc7f3c7e5b5a5a3bac7ebbde2b7e2a1a30ac1aacfb5b7bdcabda3bad3cabcfebbd8b8b4bcb4bfc9a1a30a',
);
const DRAFT = '问题描述：账号被封禁。\n影响说明：无法直播。\n诉求清单：请解封。\n联系方式：邮件回复即可。\n';
const file = (name: string, bytes: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const sections = (stdout: string) =>
  (JSON.parse(stdout) as { sections: { name: string }[] }).sections.map((section) => section.name);
const utf16 = (text: string, bom: number[], le: boolean) =>
  Uint8Array.from([
    ...bom,
    ...[...text].flatMap((c) => {
      const u = c.charCodeAt(0);
      return le ? [u & 255, u >> 8] : [u >> 8, u & 255];
    }),
  ]);

describe('ksmail reads the encodings editors save', { timeout: 150_000 }, () => {
  it('a GBK draft is read as GB18030, says so, and finds all four modules', () => {
    const run = ksmail(['draft', file('gbk.txt', GBK_DRAFT), '--json']);
    expect(sections(run.stdout)).toHaveLength(4);
    expect(run.stderr).toContain('GB18030');
  });

  it('a UTF-8 BOM does not hide the first module', () => {
    const run = ksmail(['draft', file('bom.txt', `\uFEFF${DRAFT}`), '--json']);
    expect(sections(run.stdout)).toHaveLength(4);
  });

  it.each([
    ['UTF-16LE', [0xff, 0xfe], true],
    ['UTF-16BE', [0xfe, 0xff], false],
  ])('a %s draft with BOM is read, not called binary', (name, bom, le) => {
    const run = ksmail(['draft', file(`${name}.txt`, utf16(DRAFT, bom, le)), '--json']);
    expect(run.stderr).not.toContain('不是文本文件');
    expect(sections(run.stdout)).toHaveLength(4);
    expect(run.stderr).toContain(name);
  });

  it('a Big5 draft is read as Big5 with a message', () => {
    // 問題描述：帳號被封禁。 in Big5
    const run = ksmail([
      'draft',
      file('big5.txt', hex('b0ddc344b479ad7aa147b162b8b9b351abcab854a143')),
      '--json',
    ]);
    expect(run.stderr).toContain('Big5');
    expect(sections(run.stdout)).toContain('问题描述');
  });

  it('--encoding forces one, and bytes that do not fit it are exit 2 in Chinese', () => {
    expect(
      sections(ksmail(['draft', file('gbk2.txt', GBK_DRAFT), '--encoding', 'gbk', '--json']).stdout),
    ).toHaveLength(4);
    const wrong = ksmail(['draft', join(dir, 'gbk2.txt'), '--encoding', 'utf-8']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('UTF-8');
    const unknown = ksmail(['draft', join(dir, 'gbk2.txt'), '--encoding', 'latin1']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('gb18030');
  });

  it('undecodable input is exit 2 with a Chinese message', () => {
    const run = ksmail(['draft', file('junk.txt', Uint8Array.from([0xff, 0xff, 0x80, 0x80, 0xfe]))]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('无法识别文件的编码');
  });

  it('eml writes a GBK draft as the text it is, not replacement characters', () => {
    const out = join(dir, 'gbk.eml');
    const run = ksmail([
      'eml',
      file('gbk3.txt', GBK_DRAFT),
      '--to',
      'a@example.com',
      '--subject',
      '【账号申诉】',
      '--out',
      out,
    ]);
    expect(run.stderr).toContain('GB18030');
    const eml = readFileSync(out, 'utf8');
    expect(eml).not.toContain('\uFFFD');
    expect(eml).not.toContain('77-9-');
  });
});

describe('ksmail never writes over an input', { timeout: 150_000 }, () => {
  it('attachments --zip onto an attachment is exit 2 and the file is unchanged', () => {
    const video = file('v.mp4', new Uint8Array(300_000).fill(7));
    const png = file('a.png', hex('89504e470d0a1a0a0000000d49484452'));
    const run = ksmail(['attachments', png, video, '--zip', video]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('v.mp4');
    expect(statSync(video).size).toBe(300_000);
  });

  it('eml --out onto the draft, or onto a directory, is exit 2 and the draft is unchanged', () => {
    const draft = file('draft.txt', DRAFT);
    const run = ksmail(['eml', draft, '--to', 'a@example.com', '--subject', '【账号申诉】', '--out', draft]);
    expect(run.status).toBe(2);
    expect(readFileSync(draft, 'utf8')).toBe(DRAFT);
    mkdirSync(join(dir, 'outdir'), { recursive: true });
    const toDir = ksmail([
      'eml',
      draft,
      '--to',
      'a@example.com',
      '--subject',
      '【账号申诉】',
      '--out',
      join(dir, 'outdir'),
    ]);
    expect(toDir.status).toBe(2);
    expect(toDir.stderr).toContain('目录');
  });

  it('a failed write leaves no half file behind', () => {
    const out = join(dir, 'half', 'p.zip');
    mkdirSync(join(dir, 'half'), { recursive: true });
    const run = ksmail([
      'attachments',
      file('ok.png', hex('89504e470d0a1a0a0000000d49484452')),
      '/dev/zero',
      '--zip',
      out,
    ]);
    expect(run.status).toBe(2);
    expect(readdirSync(join(dir, 'half'))).toEqual([]);
  });
});

describe('ksmail bounds', { timeout: 150_000 }, () => {
  it('followup --sent 9999-12-31T10:00 exits 2 at once with the range', () => {
    const run = ksmail(['followup', '--sent', '9999-12-31T10:00', '--type', 'routine']);
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('2099');
  });

  it('a 20 MB draft is refused with its size, not a stack overflow', () => {
    const big = file('big.txt', '问题描述：账号被封禁。'.repeat(650_000));
    const run = ksmail(['draft', big]);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('内部错误');
    expect(run.stderr).toContain('MB');
  });

  it('a 420 MB attachment to eml is refused before it is read (exit 2, not a V8 abort)', () => {
    const path = join(dir, 'huge.mp4');
    const handle = openSync(path, 'w');
    ftruncateSync(handle, 420 * 1024 * 1024);
    closeSync(handle);
    const out = join(dir, 'huge.eml');
    const run = ksmail([
      'eml',
      file('d.txt', DRAFT),
      path,
      '--to',
      'a@example.com',
      '--subject',
      '【账号申诉】',
      '--out',
      out,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('huge.mp4');
    expect(existsSync(out)).toBe(false);
  });

  it('--zip with /dev/zero stops with a message and writes nothing', () => {
    const out = join(dir, 'zero.zip');
    const run = ksmail(['attachments', '/dev/zero', '--zip', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('/dev/zero');
    expect(existsSync(out)).toBe(false);
  });

  it('more than 65,535 files for one ZIP are refused with a message', async () => {
    const one = file('one.pdf', '%PDF-1.4\n');
    const stderr: string[] = [];
    const out = join(dir, 'many.zip');
    const status = await runKsmail(
      ['attachments', ...Array.from({ length: 65_536 }, () => one), '--zip', out],
      {
        stdout: () => {},
        stderr: (text) => stderr.push(text),
        stdin: () => '',
      },
    );
    expect(status).toBe(2);
    expect(stderr.join('')).toContain('65,535');
    expect(existsSync(out)).toBe(false);
  });
});

describe('ksmail in a pipeline whose reader stops early', { timeout: 150_000 }, () => {
  // `ksmail law | head`: the reader has gone when ksmail writes (with `true` it is gone before
  // ksmail starts, so the write always meets a closed pipe). Node used to die with an unhandled
  // 'error' event: EPIPE and a stack trace on the terminal.
  it.each(['law', 'law --json', 'route'])('ksmail %s | true: no EPIPE, no stack trace, exit 0', (args) => {
    const command = `"${process.execPath}" "${BIN}" ${args} | true; exit \${PIPESTATUS[0]}`;
    const run = spawnSync('bash', ['-c', command], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
