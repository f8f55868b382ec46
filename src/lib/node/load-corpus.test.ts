import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusError, loadCorpus, parseCorpusFile } from './load-corpus';

const MAIL = `  - id: account-appeal-01
    style: paragraphs
    split: tuning
    good: true
    subject: 【账号申诉-快手号:ks_lin2024】请求复核封禁
    body: |
      正文
    fire: []
    quiet: [risk.competitor]
    note: 完整的申诉`;
const file = (mails = MAIL, context = 'account-appeal') => `context: ${context}\nmails:\n${mails}\n`;

function corpusDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('parseCorpusFile', () => {
  it('gives each mail its file’s context', () => {
    expect(parseCorpusFile(file(), 'account-appeal.yaml')).toMatchObject([
      { id: 'account-appeal-01', context: 'account-appeal', quiet: ['risk.competitor'] },
    ]);
  });

  it.each([
    ['not YAML', 'context: [', /account-appeal\.yaml 不是有效的 YAML/],
    ['unknown style', file(MAIL.replace('paragraphs', 'poem')), /邮件 account-appeal-01.*style/],
    ['missing note', file(MAIL.replace(/\n {4}note:.*$/u, '')), /邮件 account-appeal-01.*note/],
    [
      'a rule both fired and quiet',
      file(MAIL.replace('fire: []', 'fire: [risk.competitor]')),
      /既“必须报出”又“不得报出”：risk\.competitor/,
    ],
    ['unknown field', file(`${MAIL}\n    score: 3`), /邮件 account-appeal-01/],
    ['unknown context', file(MAIL, 'weather'), /context/],
    [
      'context not the file name',
      file(MAIL, 'merchant'),
      /context 是 merchant，应与文件名 account-appeal 一致/,
    ],
  ])('%s → a Chinese message naming the file', (_name, text, message) => {
    expect(() => parseCorpusFile(text, 'account-appeal.yaml')).toThrow(CorpusError);
    expect(() => parseCorpusFile(text, 'account-appeal.yaml')).toThrow(message);
  });
});

describe('loadCorpus', () => {
  it('reads every file in name order', () => {
    const dir = corpusDir({
      'merchant.yaml': file(MAIL.replace('account-appeal-01', 'merchant-01'), 'merchant'),
      'account-appeal.yaml': file(),
      'README.txt': 'not a corpus file',
    });
    expect(loadCorpus(dir).map((mail) => mail.id)).toEqual(['account-appeal-01', 'merchant-01']);
  });

  it('refuses an id used twice, naming both files', () => {
    const dir = corpusDir({ 'account-appeal.yaml': file(), 'merchant.yaml': file(MAIL, 'merchant') });
    expect(() => loadCorpus(dir)).toThrow(
      /merchant\.yaml 的邮件 account-appeal-01 与 account-appeal\.yaml 中的邮件重名/,
    );
  });

  it('says so when the folder is missing or empty', () => {
    expect(() => loadCorpus(join(tmpdir(), 'no-such-corpus-dir'))).toThrow(/找不到语料目录/);
    expect(() => loadCorpus(corpusDir({}))).toThrow(/没有 \.yaml 文件/);
  });
});
