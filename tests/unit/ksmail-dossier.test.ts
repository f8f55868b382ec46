import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/support/build-site';
import { runKsmail } from '../../src/cli/ksmail';
import { CASE_FORMAT, CASE_VERSION } from '../../src/lib/case-file/case-contract';

const BIN = resolve(ROOT, 'bin/ksmail.mjs');
const ksmail = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });

/** runKsmail in this process: the same entry as bin/ksmail.mjs, without starting node. */
async function inProcess(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const status = await runKsmail(args, {
    stdout: (text) => stdout.push(`${text}\n`),
    stderr: (text) => stderr.push(`${text}\n`),
    stdin: () => '',
  });
  return { status, stdout: stdout.join(''), stderr: stderr.join('') };
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const dir = mkdtempSync(join(tmpdir(), 'ksmail-dossier-'));
const CASE = {
  format: CASE_FORMAT,
  version: CASE_VERSION,
  id: 'c-cli-1',
  revision: 2,
  updatedAt: '2026-11-29T01:00:00Z',
  title: '作品被搬运 <维权>',
  timeline: [
    { date: '2026-11-25', kind: '邮件', title: '侵权通知已发送' },
    { date: '2026-11-21', time: '09:30', kind: '站内申诉', title: '站内投诉 <script>x</script>' },
    { kind: '缺日期，不算一步' },
  ],
};
const casePath = join(dir, 'case.json');
const emlA = join(dir, '侵权通知.eml');
const emlB = join(dir, '补充材料.eml');
const evidence = join(dir, '20261125_证据包.zip');
writeFileSync(casePath, JSON.stringify(CASE));
writeFileSync(emlA, 'Subject: a\r\n\r\nA\r\n');
writeFileSync(emlB, 'Subject: b\r\n\r\nB\r\n');
writeFileSync(evidence, zipSync({ 'a.png': new Uint8Array([1, 2, 3]) }));
const inputs = [casePath, '--eml', emlA, '--eml', emlB, '--evidence', evidence];

describe('ksmail dossier', { timeout: 120_000 }, () => {
  it('writes the dossier: every --eml and --evidence, case.json as given, the timeline from case.json', () => {
    const out = join(dir, 'dossier.zip');
    const run = ksmail(['dossier', ...inputs, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^案卷：.*dossier\.zip（.*），含 timeline\.html、case\.json、2 封邮件、1 个证据包和 SHA256SUMS\n时间线：2 个步骤/,
    );
    const entries = unzipSync(readFileSync(out));
    expect(Object.keys(entries)).toEqual([
      'timeline.html',
      'case.json',
      'mails/侵权通知.eml',
      'mails/补充材料.eml',
      'evidence/20261125_证据包.zip',
      'SHA256SUMS',
    ]);
    expect(strFromU8(entries['case.json']!)).toBe(readFileSync(casePath, 'utf8'));
    expect(entries['evidence/20261125_证据包.zip']).toEqual(new Uint8Array(readFileSync(evidence)));
    const html = strFromU8(entries['timeline.html']!);
    expect(html.indexOf('站内投诉')).toBeLessThan(html.indexOf('侵权通知已发送'));
    expect(html).toContain('站内投诉 &lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('案卷时间线：作品被搬运 &lt;维权&gt;');
    expect(strFromU8(entries['SHA256SUMS']!)).toContain(
      `${sha(new Uint8Array(readFileSync(emlB)))}  mails/补充材料.eml\n`,
    );
  });

  it('writes the same bytes when run twice', async () => {
    const [one, two] = [join(dir, 'one.zip'), join(dir, 'two.zip')];
    expect((await inProcess(['dossier', ...inputs, '--out', one])).status).toBe(0);
    expect((await inProcess(['dossier', ...inputs, '--out', two])).status).toBe(0);
    expect(sha(readFileSync(one))).toBe(sha(readFileSync(two)));
  });

  it('--check verifies a dossier and lists its checksums; --json too', async () => {
    const out = join(dir, 'checked.zip');
    await inProcess(['dossier', ...inputs, '--out', out]);
    const run = await inProcess(['dossier', '--check', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^案卷完整：.*\n {2}案卷编号 c-cli-1，第 2 次修改，最后保存于 2026-11-29 09:00（北京时间）\n {2}2 封邮件，1 个证据包；SHA256SUMS 中 5 个文件的校验值全部一致\n/,
    );
    const json = JSON.parse((await inProcess(['dossier', '--check', out, '--json'])).stdout);
    expect(json.ok).toBe(true);
    expect(json.identity.id).toBe('c-cli-1');
    expect(json.files.map((file: { path: string }) => file.path)).toContain('mails/侵权通知.eml');
  });

  it('--check on a changed dossier: exit 1, naming the file', async () => {
    const out = join(dir, 'tampered.zip');
    await inProcess(['dossier', ...inputs, '--out', out]);
    const entries = unzipSync(readFileSync(out));
    entries['mails/补充材料.eml'] = new TextEncoder().encode('Subject: b\r\n\r\nB, changed\r\n');
    writeFileSync(out, zipSync(entries));
    const run = await inProcess(['dossier', '--check', out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      '案卷检查未通过：“mails/补充材料.eml”的 SHA-256 与 SHA256SUMS 中记录的不一致：文件在导出后被改动过或已损坏。本页没有导入任何内容。\n',
    );
    const json = JSON.parse((await inProcess(['dossier', '--check', out, '--json'])).stdout);
    expect(json).toEqual({ ok: false, message: expect.stringMatching(/mails\/补充材料\.eml/) });
  });

  it('--check on something that is not a dossier, and on a newer version', async () => {
    const notZip = (await inProcess(['dossier', '--check', emlA])).stdout;
    expect(notZip).toMatch(/^案卷检查未通过：这不是 ZIP 文件/);
    const newer = join(dir, 'newer.zip');
    const newerCase = JSON.stringify({ ...CASE, version: CASE_VERSION + 1 });
    writeFileSync(newer, zipSync({ 'case.json': new TextEncoder().encode(newerCase) }));
    const run = await inProcess(['dossier', '--check', newer]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/这份案卷来自更新版本的工具.*本页没有改动任何内容/);
  });

  it('never writes over an input, and says so (exit 2)', async () => {
    const before = readFileSync(emlA);
    for (const target of [casePath, emlA, evidence]) {
      const run = await inProcess(['dossier', ...inputs, '--out', target]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^ksmail：不能写入案卷：.* 就是输入文件/);
    }
    expect(readFileSync(emlA)).toEqual(before);
    expect(JSON.parse(readFileSync(casePath, 'utf8')).id).toBe('c-cli-1');
  });

  const bad = join(dir, 'bad.json');
  const notWritten = join(dir, 'not-written.zip');
  it.each<[string, string[], string | (() => void), RegExp]>([
    ['no case.json', ['dossier', '--out', notWritten], '', /^ksmail：dossier 需要 case\.json 的路径/],
    ['no --out', ['dossier', casePath], '', /^ksmail：dossier 需要 --out <案卷\.zip>/],
    ['two case files', ['dossier', casePath, emlA, '--out', notWritten], '', /只接受一个 case\.json，多出了/],
    [
      '--check with --out',
      ['dossier', '--check', casePath, '--out', notWritten],
      '',
      /--check 只检查一个案卷/,
    ],
    [
      'a missing mail',
      ['dossier', casePath, '--eml', join(dir, 'nope.eml'), '--out', notWritten],
      '',
      /^ksmail：文件不存在：.*nope\.eml\n$/,
    ],
    [
      'a case of another tool',
      ['dossier', bad, '--out', notWritten],
      JSON.stringify({ format: 'x' }),
      /^ksmail：.*bad\.json：这不是本站导出的案卷/,
    ],
    [
      'a case from a newer version',
      ['dossier', bad, '--out', notWritten],
      JSON.stringify({ ...CASE, version: 99 }),
      /这份案卷来自更新版本的工具（格式版本 99/,
    ],
    [
      'a case that is not JSON',
      ['dossier', bad, '--out', notWritten],
      '{"format":',
      /bad\.json：case\.json 不是有效的 JSON/,
    ],
    [
      'a case nested too deep',
      ['dossier', bad, '--out', notWritten],
      '['.repeat(50_000) + ']'.repeat(50_000),
      /嵌套超过 32 层/,
    ],
  ])('%s: exit 2 with a Chinese message, nothing written', async (_, args, caseText, message) => {
    if (typeof caseText === 'string' && caseText) writeFileSync(bad, caseText);
    const run = await inProcess(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(existsSync(notWritten)).toBe(false);
  });

  it('--help shows both forms and that --eml and --evidence can be repeated', async () => {
    const run = await inProcess(['dossier', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'ksmail dossier <case.json> [--eml <邮件.eml>]… [--evidence <证据包.zip>]… --out <案卷.zip>',
    );
    expect(run.stdout).toContain('dossier --check <案卷.zip>');
    expect(run.stdout).toMatch(/--eml <邮件\.eml>\s+放入案卷的一封已发送邮件（可重复）/);
  });
});
