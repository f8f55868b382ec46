import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-site';

const BIN = resolve(ROOT, 'bin/ksmail.mjs');
const ksmail = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'ksmail-'));

const GOOD = `问题描述：视频ID：3xk9a2b7 于 **11月20日** 被下架，该视频为本人原创。
影响说明：账号日均播放量下降 **60%**。
诉求清单：请复核该视频的判定。
联系方式：13800138000`;

describe('ksmail subject', () => {
  it('prints the promised JSON for the article sample and exits 0', () => {
    const run = ksmail(['subject', '【版权投诉】视频ID:XXX侵权取证', '--json']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.category).toEqual({
      id: 'infringement',
      label: '侵权投诉',
      priority: 'high',
      replyTime: '6小时内',
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
    expect(run.stdout).toContain('建议主题：【账号申诉-创作者ID:XXX】');
  });
});

describe('ksmail draft', () => {
  it('checks a file: sections, findings and score as JSON', () => {
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
    expect(result.score).toBe(100);
    for (const finding of result.findings)
      expect(Object.keys(finding).sort()).toEqual(['end', 'message', 'rule', 'severity', 'start']);
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
