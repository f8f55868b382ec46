import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GuideDataError, guideTables, parseGuideData, type GuideTableName } from './guide-data';
import { DEFAULT_DATA_DIR, loadGuideData } from './node/load-guide-data';

const realTables = Object.fromEntries(
  Object.values(guideTables).map(({ file }) => [
    file,
    parse(readFileSync(join(DEFAULT_DATA_DIR, file), 'utf8')),
  ]),
) as Record<string, unknown[]>;

/** The real data with one table's records changed by `edit`. */
function withEdit(table: GuideTableName, edit: (records: Record<string, unknown>[]) => void) {
  const copy = structuredClone(realTables);
  edit(copy[guideTables[table].file] as Record<string, unknown>[]);
  return () => parseGuideData((file) => copy[file]);
}

describe('the guide data as shipped', () => {
  const data = loadGuideData();

  it('loads and cross-checks every table', () => {
    expect(data.mailboxes.length).toBeGreaterThanOrEqual(5);
    expect(data.subjectTypes.map((type) => type.id)).toEqual(
      expect.arrayContaining([
        'basic-inquiry',
        'infringement',
        'tech-fault',
        'ad-cooperation',
        'account-appeal',
      ]),
    );
  });

  it('restores the @ of every address the article printed without it', () => {
    for (const mailbox of data.mailboxes) {
      expect(mailbox.address).toContain('@');
      // Every mailbox is from the article's table 2, which printed each address without its @.
      expect(mailbox.articleSpelling, `${mailbox.id}: articleSpelling`).toEqual(expect.any(String));
      expect(mailbox.articleSpelling!.replace(/kuaishou\.com$/, '@kuaishou.com'), mailbox.id).toBe(
        mailbox.address,
      );
    }
  });

  it('shows no mailbox as verified without a source', () => {
    const verifiedWithoutSource = data.mailboxes
      .filter((mailbox) => mailbox.status === 'verified' && mailbox.sources.length === 0)
      .map((mailbox) => mailbox.id);
    expect(verifiedWithoutSource).toEqual([]);
    expect(data.mailboxes.find((mailbox) => mailbox.id === 'support')?.status).toBe('contradicted');
  });

  it('fills the cells the article lost and marks them editorial', () => {
    const document = data.attachmentTypes.find((type) => type.id === 'document')!;
    expect(document.formats).toEqual(['PDF']);
    expect(document.editorial).toContain('formats');
    const complex = data.followUps.find((row) => row.id === 'complex-appeal')!;
    expect(complex.followUp).toBe('第 8 个工作日');
    expect(complex.editorial).toContain('followUp');
  });

  it('keeps the article priorities of table 1', () => {
    const priority = Object.fromEntries(data.subjectTypes.map((type) => [type.id, type.priority]));
    expect(priority).toMatchObject({ infringement: 'high', 'tech-fault': 'medium', 'basic-inquiry': 'low' });
  });
});

describe('a broken record names its file, record and field', () => {
  it.each<[string, () => unknown, RegExp]>([
    [
      'an address without @',
      withEdit('mailboxes', (rows) => (rows[0]!.address = 'supportkuaishou.com')),
      /mailboxes\.yaml → 记录 "support" → 字段 "address"：邮箱地址必须形如/,
    ],
    [
      'a duplicate id',
      withEdit('channels', (rows) => rows.push({ ...rows[0]! })),
      /channels\.yaml → 记录 "help-feedback" → 字段 "id"：id 重复/,
    ],
    [
      'an unknown status',
      withEdit('mailboxes', (rows) => (rows[1]!.status = 'probably')),
      /mailboxes\.yaml → 记录 "advertising" → 字段 "status"：状态只能是/,
    ],
    [
      'a missing field',
      withEdit('followUps', (rows) => delete rows[0]!.escalation),
      /follow-ups\.yaml → 记录 "emergency-fault" → 字段 "escalation"：必填字段（缺少该字段）/,
    ],
    [
      'a verified mailbox without a source',
      withEdit('mailboxes', (rows) => (rows[2]!.status = 'verified')),
      /mailboxes\.yaml → 记录 "business" → 字段 "sources"：标为 verified 的邮箱必须/,
    ],
    [
      'a route to an unknown mailbox',
      withEdit('requestRoutes', (rows) => (rows[0]!.to = 'nobody')),
      /request-routes\.yaml → 记录 "account-appeal" → 字段 "to"：未知的邮箱 id：nobody/,
    ],
    [
      "a contradicted mailbox as a route's To",
      withEdit('requestRoutes', (rows) => (rows[0]!.to = 'support')),
      /request-routes\.yaml → 记录 "account-appeal" → 字段 "to"：邮箱 support 与公开资料不符，不能作为收件人/,
    ],
    [
      'a route without a first step',
      withEdit('requestRoutes', (rows) => {
        for (const cell of rows[0]!.channels as { role: string }[])
          if (cell.role === 'first') cell.role = 'also';
      }),
      /request-routes\.yaml → 记录 "account-appeal" → 字段 "channels"：每个案例至少要有一个 role: first 的渠道/,
    ],
    [
      'a route cell naming an unknown channel',
      withEdit(
        'requestRoutes',
        (rows) => ((rows[1]!.channels as { channel: string }[])[0]!.channel = 'nowhere'),
      ),
      /request-routes\.yaml → 记录 "copyright" → 字段 "channels"：未知的渠道 id：nowhere/,
    ],
    [
      'an App channel without its path',
      withEdit('channels', (rows) => {
        delete rows.find((row) => row.id === 'app-ban-appeal')!.path;
      }),
      /channels\.yaml → 记录 "app-ban-appeal" → 字段 "path"：App 内渠道必须给出 path/,
    ],
    [
      'a web channel without its address',
      withEdit('channels', (rows) => delete rows[0]!.url),
      /channels\.yaml → 记录 "help-feedback" → 字段 "url"/,
    ],
    [
      'an unknown editorial field',
      withEdit('attachmentTypes', (rows) => (rows[0]!.editorial = ['colour'])),
      /attachment-types\.yaml → 记录 "image" → 字段 "editorial\.0"/,
    ],
    [
      'a file that is not a list',
      () => parseGuideData(() => ({ id: 'x' })),
      /subject-types\.yaml：文件内容应为记录列表/,
    ],
  ])('%s', (_name, load, message) => {
    expect(load).toThrow(GuideDataError);
    expect(load).toThrow(message);
  });
});
