import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import PostalMime from 'postal-mime';
import ICAL from 'ical.js';
import { readWithPython } from '../support/python-email';
import { readIcsWithPython } from '../support/python-icalendar';
import { ROOT } from '../../scripts/support/build-site';
import { runKsmail } from '../../src/cli/ksmail';
import { COMMANDS } from '../../src/cli/commands';
import { DataError, InputError, reportError, UsageError } from '../../src/cli/errors';
import { FollowUpInputError } from '../../src/lib/follow-up/follow-up-plan';
import { GuideDataError } from '../../src/lib/guide-data';
import { AttachmentReadError } from '../../src/lib/node/attachment-files';
import { RulesetError } from '../../src/lib/rules/ruleset-schema';

const BIN = resolve(ROOT, 'bin/ksmail.mjs');
const ksmail = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'ksmail-'));

/**
 * A standard tool run on our output (issue 21: `unzip -t`, `sha256sum -c`). Missing, it fails the
 * test with an install hint instead of skipping it: CI installs it (.ci/run).
 */
function tool(name: string, args: string[], cwd = ROOT) {
  const run = spawnSync(name, args, { cwd, encoding: 'utf8' });
  if (run.error)
    throw new Error(
      `${name} is required by this test (it checks our files): ${run.error.message}. Install it (apt-get install ${name === 'sha256sum' ? 'coreutils' : name}).`,
    );
  return run;
}

const GOOD = `问题描述：视频ID：3xk9a2b7 于 **11月20日** 被下架，该视频为本人原创。
影响说明：账号日均播放量下降 **60%**。
诉求清单：请复核该视频的判定。
联系方式：13800138000`;

describe('ksmail subject', () => {
  it('the article sample as printed keeps XXX where the ID goes: an unfilled placeholder, exit 1', () => {
    const run = ksmail(['subject', '【版权投诉】视频ID:XXX侵权取证', '--json']);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.findings.map((finding: { rule: string }) => finding.rule)).toEqual([
      'placeholder.unfilled',
    ]);
    expect(result.findings[0].source.kind).toBe('editorial');
  });

  it('prints the promised JSON for the article sample with its ID filled in and exits 0', () => {
    const run = ksmail(['subject', '【版权投诉】视频ID:3xk9a2b7侵权取证', '--json']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.category).toEqual({
      id: 'infringement',
      label: '侵权投诉',
      priority: 'high',
      replyTime: '7 个工作日内答复',
      priorityEditorial: false,
    });
    expect(result.structure.ok).toBe(true);
    expect(result.structure.parts.map((part: { name: string }) => part.name)).toContain('id');
    expect(result.findings).toEqual([]);
    expect(typeof result.suggestion).toBe('string');
  });

  it('reports findings with ranges, in Chinese text mode', () => {
    const run = ksmail(['subject', '我的号被封了！！！']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('subject.missing-type');
    expect(run.stdout).toContain('建议主题：【账号申诉-快手号:XXX】');
  });
});

describe('ksmail draft', () => {
  it('checks a file: sections and findings as JSON, no score', () => {
    const file = join(dir, 'good.txt');
    writeFileSync(file, GOOD);
    const run = ksmail(['draft', file, '--json']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.sections.map((section: { name: string }) => section.name)).toEqual([
      '问题描述',
      '影响说明',
      '诉求清单',
      '联系方式',
    ]);
    expect(result).not.toHaveProperty('score');
    for (const finding of result.findings)
      expect(Object.keys(finding).sort()).toEqual(['end', 'message', 'rule', 'severity', 'source', 'start']);
  });

  it('--case: the context is used, shown in text and JSON, and relaxes the rules it names', () => {
    const notice = '该视频首发于B站，发布时间早于被投诉作品。联系方式：13800138000，作品ID：3xk9a2b7';
    const json = JSON.parse(ksmail(['draft', '-', '--case', 'copyright', '--json'], notice).stdout);
    expect(json.context).toEqual({ id: 'infringement-notice', label: '侵权通知', inferred: false });
    expect(json.findings.map((finding: { rule: string }) => finding.rule)).not.toContain('risk.competitor');
    const text = ksmail(['draft', '-', '--case', 'account-appeal'], notice);
    expect(text.stdout).toContain('案件：账号申诉（account-appeal，按 --case 指定）');
    expect(text.stdout).toContain('risk.competitor');
    expect(text.stdout).toContain('依据：原文称“包含"竞品""转投其他平台"等表述的邮件回复率下降58%”');
  });

  it('without --case the context is assumed from the text and says so; none found says so too', () => {
    const assumed = JSON.parse(
      ksmail(['draft', '-', '--json'], '我的小店保证金被扣，店铺商品也下架了。').stdout,
    );
    expect(assumed.context).toEqual({ id: 'merchant', label: '商家与店铺', inferred: true });
    expect(ksmail(['draft', '-'], '你好').stdout).toContain('案件：未识别，所有规则都已检查');
    expect(ksmail(['subject', '【技术故障】快手号:abc 闪退']).stdout).toContain(
      '案件：技术故障（tech-fault，根据主题和正文推断',
    );
  });

  it('an unknown --case is bad usage (exit 2) listing the valid cases', () => {
    for (const command of [
      ['draft', '-'],
      ['subject', '【账号申诉】'],
    ]) {
      const run = ksmail([...command, '--case', 'nope'], '你好');
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(
        '未知的案件类型：nope。可用：account-appeal、infringement-notice、counter-notice、pipl-request、ad-business、merchant、tech-fault、basic-inquiry',
      );
    }
  });

  it('each finding in --json carries its source', () => {
    const run = ksmail(['subject', '【账号申诉】快点处理！！', '--case', 'account-appeal', '--json']);
    const result = JSON.parse(run.stdout);
    expect(result.context).toMatchObject({ id: 'account-appeal', inferred: false });
    const sources = Object.fromEntries(
      result.findings.map((finding: { rule: string; source: { kind: string } }) => [
        finding.rule,
        finding.source.kind,
      ]),
    );
    expect(sources).toMatchObject({ 'tone.pressure': 'editorial', 'subject.missing-id': 'article' });
  });

  it('reads stdin with -, and exits 1 when there are errors', () => {
    const run = ksmail(['draft', '-', '--json'], '不处理我就转投其他平台！！！');
    expect(run.status).toBe(1);
    const rules = JSON.parse(run.stdout).findings.map((finding: { rule: string }) => finding.rule);
    expect(rules).toEqual(
      expect.arrayContaining(['risk.platform-switch', 'contact.missing', 'structure.missing-section']),
    );
  });

  it.each([
    [['draft', join(dir, 'missing.txt')], '文件不存在'],
    [['draft', dir], '这是一个目录'],
    [['subject'], 'subject 需要'],
    [['frobnicate'], '未知命令'],
    [['subject', 'x', '--bogus'], '未知选项'],
    [['subject', 'x', '--rules', '1999.01.0'], '找不到规则集版本 1999.01.0'],
  ])('exits 2 with a Chinese message for %j', (args, message) => {
    const run = ksmail(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('uses an older ruleset on request', () => {
    const run = ksmail(['subject', '【账号申诉-创作者ID:123】请求复核', '--rules', '2026.11.0', '--json']);
    expect(run.status).toBe(0);
  });
});

describe('ksmail attachments', () => {
  const files = mkdtempSync(join(tmpdir(), 'ksmail-attachments-'));
  const png = join(files, 'IMG_4821.PNG');
  const exe = join(files, '截图.png');
  const pdf = join(files, '20261120_情况说明.pdf');
  writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
  writeFileSync(exe, Buffer.from('MZ\x90\x00 this is not a picture'));
  writeFileSync(pdf, '%PDF-1.7\n情况说明');

  it('prints the promised JSON: files with detected type, suggested name and findings', () => {
    const run = ksmail(['attachments', png, exe, '--json']);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(
      result.files.map((file: { name: string; detectedType: string | null }) => [
        file.name,
        file.detectedType,
      ]),
    ).toEqual([
      ['IMG_4821.PNG', 'image/png'],
      ['截图.png', 'application/x-msdownload'],
    ]);
    expect(result.files[0].suggestedName).toMatch(/^\d{8}_截图\.png$/);
    expect(result.files[0].findings.map((f: { rule: string }) => f.rule)).toEqual(['attachment.name']);
    expect(result.files[1].findings).toContainEqual(
      expect.objectContaining({ rule: 'attachment.blocked', severity: 'error' }),
    );
    expect(result.findings).toEqual([]);
  });

  it('exits 0 when nothing is an error, and reports four files', () => {
    const run = ksmail(['attachments', pdf, pdf, pdf, png]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('attachments.count');
    expect(run.stdout).toMatch(/合计：4 个文件/);
  });

  it('--zip writes the evidence package; its hashes match the files; executables stay out', () => {
    const out = join(files, 'package.zip');
    const run = ksmail(['attachments', png, pdf, exe, '--zip', out, '--json']);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.package.excluded).toEqual(['截图.png']);
    const entries = unzipSync(readFileSync(out));
    const names = Object.keys(entries);
    expect(names).toEqual([
      result.files[0].suggestedName,
      '20261120_情况说明.pdf',
      '证据清单.csv',
      'SHA256SUMS.txt',
      '说明.txt',
    ]);
    const sums = strFromU8(entries['SHA256SUMS.txt']!);
    for (const [path, name] of [
      [png, result.files[0].suggestedName],
      [pdf, '20261120_情况说明.pdf'],
    ]) {
      expect(sums).toContain(`${createHash('sha256').update(readFileSync(path)).digest('hex')}  ${name}\n`);
      expect(entries[name]).toEqual(new Uint8Array(readFileSync(path)));
    }
    expect(result.package.size).toBe(readFileSync(out).length);
  });

  it('the package passes `unzip -t`, and `sha256sum -c SHA256SUMS.txt` in the unpacked folder', () => {
    const out = join(files, 'checked.zip');
    expect(ksmail(['attachments', png, pdf, '--zip', out]).status).toBe(0);
    const test = tool('unzip', ['-t', out]);
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toMatch(/No errors detected/);
    const unpacked = mkdtempSync(join(tmpdir(), 'ksmail-unpacked-'));
    expect(tool('unzip', ['-q', out, '-d', unpacked]).status).toBe(0);
    const check = tool('sha256sum', ['-c', 'SHA256SUMS.txt'], unpacked);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const lines = check.stdout.trim().split('\n');
    expect(lines).toHaveLength(2); // the two files
    for (const line of lines) expect(line).toMatch(/: OK$/);
  }, 60_000);

  it.each([
    [['attachments'], /至少一个文件/],
    [['attachments', join(files, 'nope.png')], /文件不存在/],
    [['attachments', files], /这是一个目录/],
    [['attachments', png, '--zip', join(files, 'no/such/dir/x.zip')], /无法写入证据包/],
    [['subject', '【账号申诉】', '--zip', 'x.zip'], /--zip 只能用于 attachments/],
  ])('%j exits 2 with a Chinese message', (args, message) => {
    const run = ksmail(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('ksmail followup --clock (issue 18)', () => {
  it('--clock list names every clock with its counting', () => {
    const run = ksmail(['followup', '--clock', 'list']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^reply-complex-appeal  答复时效：复杂权益申诉：7 个工作日（答复时效（原文表6，原文称））$/m,
    );
    expect(run.stdout).toMatch(/^ecommerce-43-counter-notice  .*15 个自然日（法律规定的期限）$/m);
    expect(run.stdout).toMatch(/^reply-emergency-fault  .*24 小时/m);
    expect(run.stdout.trim().split('\n')).toHaveLength(8);
  });

  it('prints a legal clock with its due date, counting and the registry’s words', () => {
    const run = ksmail(['followup', '--clock', 'ecommerce-43-counter-notice', '--start', '2026-11-30']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      '期限：15 个自然日，起算当日不计入，到期：2026-12-15（2026 年 12 月 15 日）',
    );
    expect(run.stdout).toContain(
      '依据：《中华人民共和国电子商务法》第四十三条：“电子商务平台经营者在转送声明到达知识产权权利人后十五日内',
    );
    expect(run.stdout).not.toMatch(/调休安排未公布/);
  });

  it('an article clock says 原文称, and one reaching 2027 says its 调休 is not published', () => {
    const run = ksmail(['followup', '--clock', 'reply-complex-appeal', '--start', '2027-02-03', '--json']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      clock: 'reply-complex-appeal',
      counts: 'workingDays',
      length: 7,
      due: '2027-02-16',
    });
    expect(result.basis.text).toMatch(/^原文称：“7个工作日”/);
    expect(result.notices[0]).toMatch(/^2027 年的调休安排未公布，日期可能变动/);
    const platform = ksmail([
      'followup',
      '--clock',
      'isc-complaint-10-working-days',
      '--start',
      '2026-11-30',
    ]);
    expect(platform.stdout).toMatch(
      /依据：.*“被投诉企业将在10个工作日内完成处理，并告知用户处理结果”（二手资料/,
    );
  });

  it.each([
    [
      ['followup', '--clock', 'reply-9-days', '--start', '2026-11-30'],
      /没有名为“reply-9-days”的时钟。可选的时钟：/,
    ],
    [
      ['followup', '--clock', 'reply-routine', '--start', '2100-01-01'],
      /年份 2100 超出了可以推算的范围：只能推算 2004–2099/,
    ],
    [['followup', '--clock', 'reply-routine', '--start', '2003-12-31'], /年份 2003 超出/],
    [['followup', '--clock', 'reply-routine', '--start', '下周一'], /起算日期格式不对/],
    [['followup', '--clock', 'reply-routine'], /--clock 需要 --start/],
    [['followup', '--clock', 'reply-routine', '--start', '2026-11-30', '--type', 'routine'], /不能同时使用/],
    [
      ['followup', '--sent', '2026-11-30T10:00', '--type', 'routine', '--start', '2026-11-30'],
      /--start 只能与 --clock 一起使用/,
    ],
  ])('%j exits 2 with a Chinese message', (args, message) => {
    const run = ksmail(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ksmail：/);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/内部错误/);
  });
});

describe('ksmail followup --clock --ics (issue 18)', () => {
  const events = (ics: string) =>
    new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((event) => ({
      uid: String(event.getFirstPropertyValue('uid')),
      summary: String(event.getFirstPropertyValue('summary')),
      description: String(event.getFirstPropertyValue('description')),
      start: String(event.getFirstPropertyValue('dtstart')),
    }));

  it('writes the clock’s due date as an event: 原文称 marked, 春节 2027 skipped, 调休 notice kept', () => {
    const out = join(dir, 'clock.ics');
    const run = ksmail([
      'followup',
      '--clock',
      'reply-complex-appeal',
      '--start',
      '2027-02-03',
      '--ics',
      out,
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`已写入日历文件：${out}`);
    const ics = readFileSync(out, 'utf8');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const [event, ...rest] = events(ics);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      uid: 'ksmail-2027-02-03-clock-reply-complex-appeal@kuaishou-mail-guide',
      summary: '【期限】答复时效：复杂权益申诉：今天到期（原文称）',
      start: '2027-02-16',
    });
    expect(event!.description).toContain('依据：原文称：“7个工作日”');
    expect(event!.description).toContain('7 个工作日（起算当日不计入）');
    expect(event!.description).toContain('2027 年的调休安排未公布');
    // Python's icalendar reads the same file.
    expect(readIcsWithPython([ics])[0]!.map((read) => read.summary)).toEqual([event!.summary]);
  }, 30_000);

  it('an hours clock is an event at its due moment', () => {
    const out = join(dir, 'clock-hours.ics');
    const run = ksmail([
      'followup',
      '--clock',
      'reply-emergency-fault',
      '--start',
      '2026-11-27T20:00',
      '--ics',
      out,
    ]);
    expect(run.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^DTSTART:20261128T120000Z$/m);
  });

  it.each([
    [['followup', '--clock', 'list', '--ics', join(dir, 'never.ics')], /--clock list 不能与 --ics 一起使用/],
    [['followup', '--clock', 'reply-routine', '--start', '2026-11-30', '--ics', dir], /是一个目录/],
  ])('%j is refused with a Chinese message, nothing written', (args, message) => {
    const run = ksmail(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(join(dir, 'never.ics'))).toBe(false);
  });
});

describe('ksmail followup', () => {
  it('prints the promised JSON: steps, commitment, notices', () => {
    const run = ksmail(['followup', '--sent', '2026-09-30T18:00', '--type', 'routine', '--json']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(
      result.steps.map((step: { id: string; day: number; due: string }) => [step.id, step.day, step.due]),
    ).toEqual([
      ['email', 3, '2026-10-10'],
      ['call', 5, '2026-10-13'],
      ['escalate', 7, '2026-10-15'],
    ]);
    expect(result.commitment).toEqual({ workingDays: 3, deadline: '2026-10-10', followUp: '2026-10-12' });
    expect(Array.isArray(result.notices)).toBe(true);
  });

  it('counts hours for emergencies and calendar days on request', () => {
    const hours = JSON.parse(
      ksmail(['followup', '--sent', '2026-11-27T12:00Z', '--type', 'emergency-fault', '--json']).stdout,
    );
    expect(hours.commitment).toEqual({
      hours: 24,
      deadline: '2026-11-28T20:00+08:00',
      followUp: '2026-11-28T20:00+08:00',
    });
    const calendar = JSON.parse(
      ksmail(['followup', '--sent', '2026-09-30T18:00', '--type', 'routine', '--calendar-days', '--json'])
        .stdout,
    );
    expect(calendar.steps.map((step: { due: string }) => step.due)).toEqual([
      '2026-10-03',
      '2026-10-05',
      '2026-10-07',
    ]);
  });

  it('--ics writes a calendar file with the same dates', () => {
    const out = join(dir, 'followup.ics');
    const run = ksmail(['followup', '--sent', '2026-12-31T10:00', '--type', 'routine', '--ics', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/2027 年的调休安排未公布，日期可能变动/);
    const ics = readFileSync(out, 'utf8');
    const starts = [...ics.matchAll(/DTSTART;VALUE=DATE:(\d{8})/g)].map((match) => match[1]);
    expect(starts).toEqual(['20270106', '20270108', '20270112', '20270107']);
  });

  it('--ics with a bare CR and ; , \\ in --subject: escaped, folded at 75 octets, read back by ical.js', () => {
    const out = join(dir, 'followup-subject.ics');
    const subject = '申诉;复核,账号\\快手\r第二行';
    const run = ksmail([
      'followup',
      '--sent',
      '2026-11-05T10:00',
      '--type',
      'routine',
      '--subject',
      subject,
      '--ics',
      out,
    ]);
    expect(run.status).toBe(0);
    const ics = readFileSync(out, 'utf8');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const alarms = calendar
      .getAllSubcomponents('vevent')
      .flatMap((event) => event.getAllSubcomponents('valarm'))
      .map((alarm) => String(alarm.getFirstPropertyValue('description')));
    expect(alarms[0]).toMatch(/：申诉;复核,账号\\快手 第二行$/);
  }, 60_000);

  it.each([
    [['followup', '--type', 'routine'], /需要 --sent/],
    [['followup', '--sent', '2026-09-30T18:00'], /需要 --type/],
    [['followup', '--sent', '昨天', '--type', 'routine'], /发送时间格式不对/],
    [['followup', '--sent', '2026-09-30T18:00', '--type', 'urgent'], /未知的诉求类型/],
    [['subject', '【账号申诉】', '--sent', '2026-09-30'], /--sent 只能用于 followup/],
  ])('%j exits 2 with a Chinese message', (args, message) => {
    const run = ksmail(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('ksmail eml', () => {
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(600, 7),
  ]);
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 1)]);

  it('writes an .eml draft that parses back, with checked names and no executables', async () => {
    const draft = join(dir, 'mail.txt');
    writeFileSync(draft, GOOD);
    writeFileSync(join(dir, '20261120_下架通知截图.png'), png);
    writeFileSync(join(dir, 'tool.exe'), exe);
    const out = join(dir, 'draft.eml');
    const subject = '【账号申诉-创作者ID:3xk9a2b7】请求复核视频下架';
    const run = ksmail([
      'eml',
      '--to',
      'support@kuaishou.com',
      '--cc',
      'legal@kuaishou.com',
      '--subject',
      subject,
      draft,
      join(dir, '20261120_下架通知截图.png'),
      join(dir, 'tool.exe'),
      '--out',
      out,
      '--json',
    ]);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report.attachments).toEqual(['20261120_下架通知截图.png']);
    // The executable is an error; the unconfirmed mailboxes are warnings.
    expect(run.status).toBe(1);
    expect(report.problems.map((problem: { target: string }) => problem.target)).toContain('attachments');
    const mail = await PostalMime.parse(readFileSync(out));
    expect(mail.subject).toBe(subject);
    expect(mail.to?.map((address) => address.address)).toEqual(['support@kuaishou.com']);
    expect(mail.cc?.map((address) => address.address)).toEqual(['legal@kuaishou.com']);
    // The plain-text part shows the bare figures; the HTML part keeps them bold.
    expect(mail.text?.trim()).toBe(GOOD.replaceAll('**', ''));
    expect(mail.html).toContain('<b>60%</b>');
    expect(mail.attachments).toHaveLength(1);
    expect(Buffer.from(mail.attachments[0]!.content as ArrayBuffer).equals(png)).toBe(true);
  });

  it('takes recipients with display names (issue 21: 张三 <a@b.com> was an invalid address)', () => {
    const draft = join(dir, 'mail-names.txt');
    writeFileSync(draft, GOOD);
    const out = join(dir, 'names.eml');
    const run = ksmail([
      'eml',
      '--to',
      '快手客服 <support@kuaishou.com>',
      '--cc',
      '"Legal, KS" <legal@kuaishou.com>',
      '--subject',
      '【账号申诉】请求复核',
      draft,
      '--out',
      out,
    ]);
    expect(run.stderr).not.toMatch(/不是有效的邮箱地址/);
    expect(run.stdout).not.toMatch(/不是有效的邮箱地址/);
    const mail = readWithPython(readFileSync(out, 'utf8'));
    expect(mail.to).toEqual([['快手客服', 'support@kuaishou.com']]);
    expect(mail.cc).toEqual([['Legal, KS', 'legal@kuaishou.com']]);
    expect(mail.defects).toEqual([]);
  }, 60_000);

  it.each([
    [['eml', '--subject', 'x', '--out', 'a.eml', 'mail.txt'], '--to'],
    [['eml', '--to', 'a@b.com', '--out', 'a.eml', 'mail.txt'], '--subject'],
    [['eml', '--to', 'a@b.com', '--subject', 'x', 'mail.txt'], '--out'],
    [['eml', '--to', 'a@b.com', '--subject', 'x', '--out', 'a.eml', 'missing.txt'], '文件不存在'],
    [['draft', '--to', 'a@b.com', 'mail.txt'], '--to 只能用于 eml 命令'],
  ])('%j → exit 2 in Chinese', (args, message) => {
    const run = ksmail(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

/** runKsmail in this process: the same entry as bin/ksmail.mjs, without starting node. */
async function inProcess(args: string[], stdin = '') {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const status = await runKsmail(args, {
    stdout: (text) => stdout.push(`${text}\n`),
    stderr: (text) => stderr.push(`${text}\n`),
    stdin: () => stdin,
  });
  return { status, stdout: stdout.join(''), stderr: stderr.join('') };
}

const firstLine = (text: string) => text.split('\n')[0];

describe('ksmail option checking', () => {
  const draft = join(dir, 'options-draft.txt');
  writeFileSync(draft, GOOD);
  const notWritten = join(dir, 'must-not-exist.out');
  const sent = ['--sent', '2026-09-30T18:00', '--type', 'routine'];
  const emlArgs = ['--to', 'a@b.com', '--subject', 'x', '--out', notWritten];

  it.each([
    [['attachments', draft, '--sent', '2026-01-01'], '--sent', 'followup', 'attachments'],
    [['followup', ...sent, '--zip', notWritten], '--zip', 'attachments', 'followup'],
    [['subject', '【账号申诉】', '--zip', notWritten], '--zip', 'attachments', 'subject'],
    [['draft', '--to', 'a@b.com', draft], '--to', 'eml', 'draft'],
    [['draft', draft, '--subject', 'x'], '--subject', 'eml、followup', 'draft'],
    [['attachments', draft, '--calendar-days'], '--calendar-days', 'followup', 'attachments'],
    [['eml', ...emlArgs, '--ics', notWritten, draft], '--ics', 'followup', 'eml'],
    [['followup', ...sent, '--out', notWritten], '--out', 'eml、dossier', 'followup'],
    [['eml', ...emlArgs, '--zip', notWritten, draft], '--zip', 'attachments', 'eml'],
  ])(
    '%j → exit 2, naming the option, its command and what is accepted',
    async (args, option, owner, command) => {
      const run = await inProcess(args);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      const accepted = COMMANDS.find((candidate) => candidate.name === command)!.options.map(
        (spec) => `--${spec.name}`,
      );
      const line = firstLine(run.stderr)!;
      expect(line).toMatch(
        new RegExp(
          `^ksmail：${option} 只能用于 ${owner} 命令，${command} 命令不接受。${command} 可用的选项：`,
        ),
      );
      for (const name of accepted) expect(line).toContain(name);
      expect(run.stderr).toContain(`用法：\n  ksmail ${command} `);
      // Refused before the command ran: nothing was written.
      expect(existsSync(notWritten)).toBe(false);
    },
  );

  it('refuses an option of another command from the real binary too (exit code 2)', () => {
    const run = ksmail(['attachments', draft, '--sent', '2026-01-01']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ksmail：--sent 只能用于 followup 命令，attachments 命令不接受。/);
  });

  it.each([
    [
      ['frobnicate'],
      'ksmail：未知命令：frobnicate。可用的命令：route、subject、draft、attachments、eml、followup',
    ],
    [['frobnicate', '--json'], 'ksmail：未知命令：frobnicate。'],
    [['--json'], 'ksmail：缺少命令。'],
    [
      ['subject', 'x', '--bogus'],
      'ksmail：未知选项：--bogus。subject 可用的选项：--json、--rules <版本>、--case <案件>、--help',
    ],
    [['subject', 'x', '-x'], 'ksmail：未知选项：-x。'],
    [
      ['attachments', draft, '--zip'],
      'ksmail：选项缺少参数：--zip（attachments 的 --zip 需要 <证据包.zip>）',
    ],
    [['attachments', draft, '--zip', '--json'], 'ksmail：选项缺少参数：--zip'],
    [['followup', '--type', 'routine', '--sent'], 'ksmail：选项缺少参数：--sent'],
    [['subject', 'x', '--rules'], 'ksmail：选项缺少参数：--rules'],
    [['eml', draft, '--to'], 'ksmail：选项缺少参数：--to'],
    [['subject', 'x', '--json=yes'], 'ksmail：选项 --json 不带参数'],
  ])('%j → exit 2: %s', async (args, message) => {
    const run = await inProcess(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(firstLine(run.stderr)!.startsWith(message)).toBe(true);
    expect(run.stderr).toContain('用法：');
  });

  it('--help for a command lists every option it accepts, and exits 0', async () => {
    for (const command of COMMANDS) {
      const run = await inProcess([command.name, '--help']);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(command.description);
      for (const option of command.options) expect(run.stdout).toContain(`--${option.name}`);
    }
    const overview = await inProcess(['--help']);
    expect(overview.status).toBe(0);
    for (const command of COMMANDS) expect(overview.stdout).toContain(`ksmail ${command.name} `);
    // No command at all: the overview, exit 2, as before.
    expect((await inProcess([])).status).toBe(2);
  });

  it('every command definition is complete, and an option takes a value in all commands or in none', () => {
    const takesValue = new Map<string, boolean>();
    for (const command of COMMANDS) {
      expect(command.description).toMatch(/\p{Script=Han}/u);
      for (const option of command.options) {
        expect(option.help).toMatch(/\p{Script=Han}/u);
        const known = takesValue.get(option.name);
        if (known !== undefined) expect(option.value !== undefined, `--${option.name}`).toBe(known);
        takesValue.set(option.name, option.value !== undefined);
      }
    }
  });
});

describe('ksmail route', () => {
  it('account-appeal --json: the App appeal first, no To, support@ only as 备用 with its status and date', () => {
    const run = ksmail(['route', 'account-appeal', '--json']);
    expect(run.status).toBe(0);
    const route = JSON.parse(run.stdout);
    expect(route.to).toBeNull();
    expect(route.channels[0]).toMatchObject({ role: 'first', kind: 'app', path: '菜单 → 头像 → 解封申诉' });
    expect(route.fallback).toMatchObject({
      address: 'support@kuaishou.com',
      status: 'contradicted',
      label: '备用（与公开资料不符）',
    });
    expect(route.fallback.lastChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('every case as JSON names no contradicted address as To or Cc', async () => {
    const cases = JSON.parse((await inProcess(['route', '--json'])).stdout) as { id: string }[];
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const { id } of cases) {
      const route = JSON.parse((await inProcess(['route', id, '--json'])).stdout);
      expect(route.to?.status ?? 'none').not.toBe('contradicted');
      for (const cc of route.cc) expect(cc.status).not.toBe('contradicted');
    }
  });

  it('prints the same answer as text, the App path before any address', () => {
    const run = ksmail(['route', 'account-appeal']);
    expect(run.status).toBe(0);
    expect(run.stdout.indexOf('菜单 → 头像 → 解封申诉')).toBeLessThan(run.stdout.indexOf('@kuaishou.com'));
    expect(run.stdout).toContain('备用（与公开资料不符）：support@kuaishou.com');
  });

  it('an unknown case: a Chinese message with the case list, exit 2', () => {
    const run = ksmail(['route', '封号']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('没有名为“封号”的案例');
    expect(run.stderr).toContain('account-appeal  账号被封禁或限流');
  });
});

describe('ksmail: one error path for every command', () => {
  const draft = join(dir, 'errors-draft.txt');
  writeFileSync(draft, GOOD);
  const missing = join(dir, 'no-such-file.txt');
  const out = join(dir, 'errors.eml');
  const eml = ['eml', '--to', 'a@b.com', '--subject', 'x', '--out', out];
  const sent = ['--sent', '2026-09-30T18:00', '--type', 'routine'];

  it.each([
    ['draft', ['draft', missing]],
    ['attachments', ['attachments', draft, missing]],
    ['eml, its draft', [...eml, missing]],
    ['eml, an attachment', [...eml, draft, missing]],
  ])('%s: a missing file is one line, "ksmail：文件不存在：<路径>", exit 2', async (_, args) => {
    const run = await inProcess(args);
    expect(run).toEqual({ status: 2, stdout: '', stderr: `ksmail：文件不存在：${missing}\n` });
  });

  it.each([
    ['subject', ['subject', '【账号申诉】']],
    ['draft', ['draft', draft]],
    ['attachments', ['attachments', draft]],
    ['eml', [...eml, draft]],
    ['followup', ['followup', ...sent]],
  ])('%s: an unknown --rules version is the same one-line message, exit 2', async (_, args) => {
    const run = await inProcess([...args, '--rules', '1999.01.0']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^ksmail：找不到规则集版本 1999\.01\.0。可用版本：[^\n]*\n$/);
  });

  it.each([
    [new RulesetError('规则集有误：x'), 'ksmail：规则集有误：x'],
    [new GuideDataError('mailboxes.yaml', null, null, '坏了'), 'ksmail：指南数据有误：mailboxes.yaml：坏了'],
    [new AttachmentReadError('文件不存在：a.png'), 'ksmail：文件不存在：a.png'],
    [new FollowUpInputError('发送时间格式不对'), 'ksmail：发送时间格式不对'],
    [new InputError('无法写入证据包：x'), 'ksmail：无法写入证据包：x'],
    [new DataError('规则集 2026.11.0 没有跟进节奏'), 'ksmail：规则集 2026.11.0 没有跟进节奏'],
  ])('a known error (%s) is its message alone, exit 2', (error, message) => {
    const lines: string[] = [];
    const io = { stdout: () => {}, stderr: (text: string) => lines.push(text), stdin: () => '' };
    expect(reportError(error, io, { help: '帮助', debug: false })).toBe(2);
    expect(lines).toEqual([message]);
  });

  it('a usage error is followed by the help; an unknown error is short, its stack only with KSMAIL_DEBUG=1', () => {
    const lines: string[] = [];
    const io = { stdout: () => {}, stderr: (text: string) => lines.push(text), stdin: () => '' };
    expect(reportError(new UsageError('用错了'), io, { help: '帮助', debug: false })).toBe(2);
    expect(reportError(new TypeError('boom'), io, { help: '帮助', debug: false })).toBe(2);
    expect(lines).toEqual([
      'ksmail：用错了\n\n帮助',
      'ksmail：内部错误：boom\n（设置环境变量 KSMAIL_DEBUG=1 可显示调用栈）',
    ]);
    vi.stubEnv('KSMAIL_DEBUG', '1');
    try {
      expect(reportError(new TypeError('boom'), io, { help: '帮助' })).toBe(2);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(lines[2]).toMatch(/^ksmail：内部错误：boom\n\nTypeError: boom\n\s+at /);
  });
});

describe('ksmail law', () => {
  // In process (runKsmail, as the option tests): the same code path as the bin, without a Node start per case.
  it('prints one article verbatim with its law, version, authority, checked copy and 本站不提供法律意见', async () => {
    const run = await inProcess(['law', 'ndr-24']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('《信息网络传播权保护条例》第二十四条（ndr-24）');
    expect(run.stdout).toContain(
      '因权利人的通知导致网络服务提供者错误删除作品、表演、录音录像制品，或者错误断开与作品、表演、录音录像制品的链接，给服务对象造成损失的，权利人应当承担赔偿责任。',
    );
    expect(run.stdout).toContain('核对：flk.npc.gov.cn');
    expect(run.stdout).toContain(
      '本站核对的副本：LawRefBook/Laws@3cd6e86 行政法规/信息网络传播权保护条例.md',
    );
    expect(run.stdout).toContain('本站不提供法律意见。');
  });

  it('--json gives the registry entry as stored, with the next review date and whether it is overdue', async () => {
    const run = await inProcess(['law', 'pipl-24-3', '--json']);
    expect(run.status).toBe(0);
    const entry = JSON.parse(run.stdout);
    expect(entry).toMatchObject({
      id: 'pipl-24-3',
      law: 'pipl',
      lawName: '《中华人民共和国个人信息保护法》',
      article: '第二十四条第三款',
      paragraphOf: 'pipl-24',
      paragraph: 3,
      authority: 'flk.npc.gov.cn',
      copy: { kind: 'repository', repository: 'LawRefBook/Laws', path: '行政法/个人信息保护法.md' },
      notice: '本站不提供法律意见',
    });
    expect(entry.text).toMatch(/^通过自动化决策方式作出对个人权益有重大影响的决定/);
    expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(entry.reviewDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof entry.stale).toBe('boolean');
  });

  it('without an id lists every id; --json lists every entry', async () => {
    const list = await inProcess(['law']);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('civil-code-1196  《民法典》第一千一百九十六条');
    expect(list.stdout).toContain(
      'spc-ip-reply-3  《最高人民法院关于涉网络知识产权侵权纠纷几个法律适用问题的批复》三、',
    );
    const json = JSON.parse((await inProcess(['law', '--json'])).stdout);
    expect(json.entries.map((entry: { id: string }) => entry.id)).toEqual(
      expect.arrayContaining(['ndr-14', 'civil-code-1195', 'ecommerce-42', 'pipl-65', 'spc-personality-10']),
    );
    expect(json.notice).toBe('本站不提供法律意见');
  });

  it('an unknown id or two ids are usage errors (exit 2) with a Chinese message naming the registered ids', async () => {
    const unknown = await inProcess(['law', 'ndr-99']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('法条登记表中没有 "ndr-99"');
    expect(unknown.stderr).toContain('ndr-14、ndr-15');
    const two = await inProcess(['law', 'ndr-14', 'ndr-15']);
    expect(two.status).toBe(2);
    expect(two.stderr).toContain('law 只接受一个条文编号');
    const foreign = await inProcess(['law', 'ndr-14', '--zip', 'x.zip']);
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toContain('--zip');
  });

  it('the installed bin prints the same (one spawn)', () => {
    const run = ksmail(['law', 'spc-ndr-13']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('书信、传真、电子邮件等方式提交的通知');
  }, 60_000);
});
