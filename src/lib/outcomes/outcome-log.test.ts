import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolve } from 'node:path';
import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { WorkCalendar } from '../work-calendar';
import { expectLinearTime, repeatTo } from '../../../tests/support/linear-time';
import { loadGuideData } from '../node/load-guide-data';
import {
  csvSafe,
  csvUnsafe,
  decodeText,
  exportCsv,
  exportJson,
  importOutcomes,
  normalizeDate,
} from './outcome-files';
import {
  isOutcomeList,
  mergeOutcomes,
  validateEntry,
  type OutcomeContext,
  type OutcomeEntry,
} from './outcome-log';
import { median, replyWorkingDays, summarize } from './outcome-summary';

const calendar = new WorkCalendar(holidayData);
const guide = loadGuideData(resolve(import.meta.dirname, '../../content/data'));
const context: OutcomeContext = {
  requestTypes: guide.requestRoutes.map((route) => ({
    id: route.id,
    label: route.need,
    formerNames: route.formerNames,
  })),
  templates: [
    { id: 'account-appeal', title: '账号申诉（封禁、限流复核）', revisions: 2 },
    { id: 'follow-up', title: '跟进 / 催办', revisions: 1 },
  ],
  today: '2026-11-30',
};

const entry = (fields: Partial<OutcomeEntry> & Pick<OutcomeEntry, 'id'>): OutcomeEntry => ({
  requestType: 'account-appeal',
  sent: '2026-11-02',
  resolved: 'pending',
  ...fields,
});

describe('validateEntry', () => {
  it('accepts a full record and cleans it', () => {
    const result = validateEntry(
      {
        id: ' a1 ',
        requestType: 'copyright',
        template: { id: 'account-appeal', revision: 2 },
        matter: ' 视频被搬运 ',
        sent: '2026-11-20',
        firstReply: '2026-11-25',
        resolved: 'yes',
        satisfaction: 4,
        note: ' 第一行\r\n第二行 ',
        extra: 'dropped',
      },
      context,
    );
    expect(result).toEqual({
      ok: true,
      entry: {
        id: 'a1',
        requestType: 'copyright',
        sent: '2026-11-20',
        resolved: 'yes',
        template: { id: 'account-appeal', revision: 2 },
        matter: '视频被搬运',
        firstReply: '2026-11-25',
        satisfaction: 4,
        note: '第一行\n第二行',
      },
    });
  });

  it('leaves empty optional fields out', () => {
    const result = validateEntry(
      {
        id: 'x',
        requestType: 'copyright',
        sent: '2026-11-20',
        resolved: 'no',
        firstReply: '',
        note: '  ',
        satisfaction: '',
      },
      context,
    );
    expect(result).toEqual({
      ok: true,
      entry: { id: 'x', requestType: 'copyright', sent: '2026-11-20', resolved: 'no' },
    });
  });

  it.each([
    [{ firstReply: '2026-11-19' }, 'firstReply', '首次人工回复日期 2026-11-19 早于发送日期 2026-11-20'],
    [{ sent: '2026-12-01' }, 'sent', '发送日期 2026-12-01 晚于今天（北京时间 2026-11-30）'],
    [{ firstReply: '2026-12-01' }, 'firstReply', '晚于今天'],
    [{ sent: '2026-02-30' }, 'sent', '发送日期 2026-02-30 不存在'],
    [{ sent: '2026/11/20' }, 'sent', '发送日期应写成 2026-09-30 这样的日期，这里是“2026/11/20”'],
    [{ sent: undefined }, 'sent', '发送日期应写成 2026-09-30 这样的日期'],
    [{ sent: '1999-12-31' }, 'sent', '超出记录范围'],
    [{ requestType: 'refund' }, 'requestType', '未知的诉求类型“refund”，可选：账号被封禁或限流、'],
    [{ requestType: '' }, 'requestType', '请选择诉求类型'],
    [{ satisfaction: 6 }, 'satisfaction', '满意度应为 1 到 5 的整数，这里是“6”'],
    [{ satisfaction: 0 }, 'satisfaction', '满意度应为 1 到 5 的整数'],
    [{ satisfaction: 2.5 }, 'satisfaction', '满意度应为 1 到 5 的整数'],
    [{ satisfaction: '3' }, 'satisfaction', '满意度应为 1 到 5 的整数，这里是“3”'],
    [{ resolved: 'maybe' }, 'resolved', '结果应为 已解决、未解决 或 处理中，这里是“maybe”'],
    [{ template: { id: 'account-appeal', revision: 3 } }, 'template', '没有修订 3（最新是修订 2）'],
    [{ template: { id: 'nope', revision: 1 } }, 'template', '未知的模板“nope”'],
    [{ template: { id: 'follow-up', revision: 0 } }, 'template', '模板修订号应为正整数'],
    [{ template: { id: 'follow-up' } }, 'template', '请写明模板的修订号'],
    [{ id: '' }, 'id', '缺少编号'],
    [{ id: 'x'.repeat(65) }, 'id', '编号最长 64 个字符'],
    [{ note: 'x'.repeat(1001) }, 'note', '备注最多 1000 字'],
    [{ matter: 'x'.repeat(101) }, 'matter', '事项名称最长 100 字'],
  ])('%o → %s: %s', (change, field, message) => {
    const result = validateEntry(
      { id: 'e1', requestType: 'copyright', sent: '2026-11-20', resolved: 'pending', ...change },
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field)).toContain(field);
    expect(result.errors.map((error) => error.message).join('\n')).toContain(message);
  });

  it('refuses what is not a record', () => {
    for (const value of [null, 3, 'x', [], undefined]) expect(validateEntry(value).ok).toBe(false);
  });

  it('without site data checks only the shape (stored logs from an older site still load)', () => {
    expect(validateEntry({ id: 'a', requestType: 'gone-type', sent: '2099-01-01', resolved: 'no' }).ok).toBe(
      true,
    );
    expect(isOutcomeList([entry({ id: 'a' }), entry({ id: 'b' })])).toBe(true);
    expect(isOutcomeList([entry({ id: 'a' }), entry({ id: 'a' })])).toBe(false);
    expect(isOutcomeList([{ id: 'a' }])).toBe(false);
    expect(isOutcomeList({})).toBe(false);
  });
});

describe('reply time in working days (the follow-up chapter’s counting)', () => {
  it.each([
    ['2026-11-20', '2026-11-25', 3, 'the chapter’s example row 001 (Friday → Wednesday)'],
    ['2026-11-20', '2026-11-20', 0, 'a reply on the sending day'],
    [
      '2026-09-30',
      '2026-10-12',
      4,
      'across 国庆 and the make-up day (the calendar’s own cases: work-calendar.test.ts)',
    ],
  ])('%s → %s: %i (%s)', (sent, firstReply, days) => {
    expect(replyWorkingDays({ sent, firstReply }, calendar)).toBe(days);
  });

  it('is null without a reply', () => {
    expect(replyWorkingDays({ sent: '2026-11-20' }, calendar)).toBeNull();
  });

  it.each([
    [[], null],
    [[3], 3],
    [[4, 0, 3], 3],
    [[1, 4, 2, 3], 2.5],
  ])('median of %o is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('summarize', () => {
  const log: OutcomeEntry[] = [
    entry({ id: 'a', sent: '2026-09-30', firstReply: '2026-10-12', resolved: 'yes', satisfaction: 4 }),
    entry({ id: 'b', sent: '2026-09-30', firstReply: '2026-10-08', resolved: 'no', satisfaction: 2 }),
    entry({ id: 'c', sent: '2026-09-30', resolved: 'pending' }),
    entry({
      id: 'd',
      requestType: 'copyright',
      sent: '2026-11-20',
      firstReply: '2026-11-25',
      resolved: 'yes',
    }),
  ];

  it('per request type: reply rate, median working days, unanswered, resolution and satisfaction', () => {
    const summary = summarize(log, calendar, 'requestType');
    expect(summary.groups.map((group) => group.key)).toEqual(['account-appeal', 'copyright']);
    expect(summary.groups[0]).toEqual({
      key: 'account-appeal',
      sent: 3,
      replied: 2,
      unanswered: 1,
      replyRate: 2 / 3,
      medianReplyDays: 2.5,
      matters: 3,
      resolved: 1,
      unresolved: 1,
      pending: 1,
      decided: 2,
      resolutionRate: 0.5,
      satisfaction: { mean: 3, count: 2 },
      smallSample: true,
    });
    expect(summary.total).toMatchObject({
      sent: 4,
      replied: 3,
      replyRate: 0.75,
      medianReplyDays: 3,
      resolved: 2,
    });
    expect(summary.replyDays).toEqual({ a: 4, b: 1, d: 3 });
    expect(summary.notices).toEqual([]);
  });

  it('per template revision, with mails without a template in their own group', () => {
    const summary = summarize(
      [
        entry({ id: 'a', template: { id: 'account-appeal', revision: 1 }, firstReply: '2026-11-03' }),
        entry({ id: 'b', template: { id: 'account-appeal', revision: 2 } }),
        entry({ id: 'c', template: { id: 'account-appeal', revision: 2 }, firstReply: '2026-11-02' }),
        entry({ id: 'd' }),
      ],
      calendar,
      'template',
    );
    expect(summary.groups.map((group) => [group.key, group.sent, group.replyRate])).toEqual([
      ['', 1, 0],
      ['account-appeal@1', 1, 1],
      ['account-appeal@2', 2, 0.5],
    ]);
  });

  it('counts a matter once for the resolution rate: resolved if any mail says so, else its latest mail', () => {
    const summary = summarize(
      [
        entry({ id: 'a1', matter: '封禁', sent: '2026-11-02', resolved: 'no', satisfaction: 1 }),
        entry({ id: 'a2', matter: '封禁', sent: '2026-11-09', resolved: 'yes', satisfaction: 4 }),
        entry({ id: 'b1', matter: '限流', sent: '2026-11-02', resolved: 'no' }),
        entry({ id: 'b2', matter: '限流', sent: '2026-11-05', resolved: 'pending' }),
        entry({ id: 'c', sent: '2026-11-05', resolved: 'no', satisfaction: 2 }),
      ],
      calendar,
      'requestType',
    );
    expect(summary.total).toMatchObject({
      sent: 5,
      matters: 3,
      resolved: 1,
      unresolved: 1,
      pending: 1,
      resolutionRate: 0.5,
      satisfaction: { mean: 3, count: 2 },
    });
  });

  it('flags small samples and says when a date is outside the holiday data', () => {
    const many = Array.from({ length: 10 }, (_, i) => entry({ id: `m${i}`, firstReply: '2026-11-03' }));
    expect(summarize(many, calendar, 'requestType').total.smallSample).toBe(false);
    expect(summarize(many.slice(1), calendar, 'requestType').total.smallSample).toBe(true);
    const late = summarize(
      [entry({ id: 'x', sent: '2026-12-31', firstReply: '2027-01-04' })],
      calendar,
      'requestType',
    );
    expect(late.notices).toEqual([
      expect.stringMatching(/^2027 年不在节假日数据范围内（本站数据覆盖 2004–2026 年）/),
    ]);
    expect(late.replyDays.x).toBe(2); // 1 January 2027 is a Friday, guessed a working day
  });

  it('any id is just a key', () => {
    const summary = summarize(
      [
        entry({ id: '__proto__', firstReply: '2026-11-04' }),
        entry({ id: 'constructor', firstReply: '2026-11-03' }),
      ],
      calendar,
      'requestType',
    );
    expect(summary.replyDays['__proto__']).toBe(2);
    expect(summary.total.medianReplyDays).toBe(1.5);
  });

  it('an empty log has no ratios', () => {
    expect(summarize([], calendar, 'template').total).toMatchObject({
      sent: 0,
      replyRate: null,
      medianReplyDays: null,
      resolutionRate: null,
      satisfaction: { mean: null, count: 0 },
    });
  });
});

describe('export and import: our own files read back', () => {
  const log: OutcomeEntry[] = [
    entry({
      id: 'a',
      requestType: 'copyright',
      template: { id: 'account-appeal', revision: 2 },
      matter: '搬运',
      sent: '2026-11-20',
      firstReply: '2026-11-25',
      resolved: 'yes',
      satisfaction: 4,
      note: '=HYPERLINK("http://example.com","点我")',
    }),
    entry({ id: 'b', note: '含逗号, "引号"\n和换行' }),
    entry({ id: '-c', note: '@SUM(A1)' }),
  ];

  it('JSON is versioned and reads back', () => {
    const text = exportJson(log, new Date('2026-11-30T01:02:03Z'));
    expect(JSON.parse(text)).toEqual({
      format: 'ksmail-outcomes',
      version: 1,
      exported: '2026-11-30T01:02:03.000Z',
      entries: log,
    });
    expect(importOutcomes(text, context)).toEqual({ kind: 'json', entries: log, read: 3, problems: [] });
  });

  it('CSV has a BOM, a Chinese header, labels, and cells that cannot run as formulas', () => {
    const text = exportCsv(log, context);
    expect(
      text.startsWith(
        '\uFEFF编号,诉求类型,诉求类型代码,模板,模板代码,模板修订,事项,发送日期,首次人工回复日期,结果,满意度,备注\r\n',
      ),
    ).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toBe(
      `a,作品被搬运或盗用（我是权利人）,copyright,账号申诉（封禁、限流复核）,account-appeal,2,搬运,2026-11-20,2026-11-25,已解决,4,"'=HYPERLINK(""http://example.com"",""点我"")"`,
    );
    expect(text).toContain(`'-c,账号被封禁或限流,account-appeal`);
    expect(text).toContain(`'@SUM(A1)`);
    expect(importOutcomes(text, context)).toEqual({ kind: 'csv', entries: log, read: 3, problems: [] });
  });

  it('csvSafe and csvUnsafe undo each other, apostrophes included', () => {
    for (const cell of ['=1', "'=1", "''+x", "'plain", 'plain', '', '-', '\tx', "'"]) {
      expect(csvUnsafe(csvSafe(cell))).toBe(cell);
      expect(/^[=+\-@\t\r]/.test(csvSafe(cell))).toBe(false);
    }
  });
});

describe('export and import: files from spreadsheets and other sources', () => {
  it('CSV written by a spreadsheet: slashed dates, labels instead of codes, blank lines, other columns', () => {
    const text = [
      '序号,渠道,诉求类型,模板,模板版本,发送日期,首次人工回复,结果,满意度,备注',
      '001,邮件,账号申诉,账号申诉（封禁、限流复核）,v2,2026/9/30,2026/10/12,已解决,4.0,',
      '',
      '002,邮件,广告投放合作,,,2026-11-23,未回复,,,',
      '003,邮件,退款,,,2026-11-23,,处理中,,',
      '004,邮件,账号申诉,,3,2026-11-23,,处理中,9,',
      '005,邮件,账号申诉,,,2026-11-24,2026-11-20,完成,,',
    ].join('\n');
    const result = importOutcomes(text, context);
    expect(result.kind).toBe('csv');
    expect(result.entries).toEqual([
      {
        id: '001',
        requestType: 'account-appeal',
        sent: '2026-09-30',
        resolved: 'yes',
        template: { id: 'account-appeal', revision: 2 },
        firstReply: '2026-10-12',
        satisfaction: 4,
      },
      { id: '002', requestType: 'ad-cooperation', sent: '2026-11-23', resolved: 'pending' },
    ]);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^第 5 行：未知的诉求类型“退款”/),
      '第 6 行：模板应写明模板和修订号；满意度应为 1 到 5 的整数，这里是“9”',
      '第 7 行：首次人工回复日期 2026-11-20 早于发送日期 2026-11-24；结果应为 已解决、未解决 或 处理中，这里是“完成”',
    ]);
  });

  it.each([
    ['', '文件是空的。'],
    ['{"a":1}', '这不是本站导出的效果记录'],
    [
      '{"format":"ksmail-outcomes","version":2,"entries":[]}',
      '文件的格式版本是 2，本页面只能读取版本 1（文件来自更新的版本',
    ],
    ['{"format":"ksmail-outcomes","version":1}', '文件里没有记录列表'],
    ['{not json', '文件不是有效的 JSON'],
    ['a,b\n1,2', '表头里缺少“发送日期”或“诉求类型”列'],
  ])('a file that cannot be read says why: %s', (text, message) => {
    const result = importOutcomes(text, context);
    expect(result.entries).toEqual([]);
    expect(result.problems[0]!.message).toContain(message);
  });

  it('JSON records are numbered 第 n 条; duplicate ids are skipped', () => {
    const result = importOutcomes(
      JSON.stringify([entry({ id: 'a' }), { id: 'b' }, entry({ id: 'a', resolved: 'yes' })]),
      context,
    );
    expect(result.entries).toEqual([entry({ id: 'a' })]);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^第 2 条：请选择诉求类型；发送日期应写成/),
      '第 3 条：编号“a”与第 1 条重复',
    ]);
  });

  it.each([
    ['an array', '['.repeat(100_000) + ']'.repeat(100_000), '字段“note”嵌套超过 8 层'],
    ['an object', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000), '字段“note”嵌套超过 8 层'],
  ])(
    'a field nested 100,000 deep (%s) skips its row, not the file (was: Maximum call stack size exceeded)',
    (_kind, deep, message) => {
      const text = `{"format":"ksmail-outcomes","version":1,"entries":[${JSON.stringify(entry({ id: 'a' }))},{"sent":"2026-11-01","requestType":"account-appeal","note":${deep}}]}`;
      const result = importOutcomes(text, context);
      expect(result.entries).toEqual([entry({ id: 'a' })]);
      expect(result.problems.map((problem) => problem.message)).toEqual([expect.stringContaining(message)]);
      expect(
        importOutcomes(`{"format":"ksmail-outcomes","version":${deep}}`, context).problems[0]!.message,
      ).toContain('嵌套过深');
    },
  );

  it('decodes a UTF-16 CSV (with BOM), which lacked its 发送日期 column before', () => {
    const text = '\uFEFF发送日期,诉求类型,结果\r\n2026-11-02,账号申诉,处理中\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i += 1) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    expect(importOutcomes(decodeText(bytes), context).entries).toHaveLength(1);
    expect(() => decodeText(new Uint8Array([0xff, 0xff, 0x80]))).toThrow(/无法识别文件的编码/);
  });

  it('decodes UTF-8 with BOM and GB18030 (Excel’s “CSV” in China)', () => {
    const text = '发送日期,诉求类型,结果\r\n2026-11-02,账号申诉,处理中\r\n';
    expect(decodeText(new TextEncoder().encode(`\uFEFF${text}`))).toBe(text);
    // 发送日期 in GB18030.
    const gbk = new Uint8Array([0xb7, 0xa2, 0xcb, 0xcd, 0xc8, 0xd5, 0xc6, 0xda]);
    expect(decodeText(gbk)).toBe('发送日期');
  });

  it.each([
    ['2026/9/30', '2026-09-30'],
    ['2026.10.1', '2026-10-01'],
    ['2026年10月1日', '2026-10-01'],
    [' 2026-10-01 ', '2026-10-01'],
    ['昨天', '昨天'],
  ])('normalizeDate(%s) = %s', (text, expected) => {
    expect(normalizeDate(text)).toBe(expected);
  });
});

describe('export and import: merging an import into the log', () => {
  it('rows without an id get the same id every time, so importing twice adds nothing', () => {
    const text =
      '发送日期,诉求类型,结果\n2026-11-02,账号申诉,处理中\n2026-11-02,账号申诉,处理中\n2026-11-03,技术故障,未解决\n';
    const first = importOutcomes(text, context);
    const second = importOutcomes(text, context);
    expect(first.entries).toHaveLength(3);
    expect(new Set(first.entries.map((item) => item.id)).size).toBe(3);
    expect(second.entries).toEqual(first.entries);
    const merged = mergeOutcomes(mergeOutcomes([], first.entries).entries, second.entries);
    expect(merged).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect(merged.entries).toHaveLength(3);
  });

  it('merges by id: new ids are added, changed ones replaced, equal ones left', () => {
    const existing = [entry({ id: 'a' }), entry({ id: 'b' })];
    const result = mergeOutcomes(existing, [
      entry({ id: 'b', resolved: 'yes' }),
      entry({ id: 'a' }),
      entry({ id: 'c' }),
    ]);
    expect(result).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(result.entries.map((item) => [item.id, item.resolved])).toEqual([
      ['a', 'pending'],
      ['b', 'yes'],
      ['c', 'pending'],
    ]);
  });
});

// ---------------------------------------------------------------- properties

const isoDay = fc
  .integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2026, 10, 30) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
const text = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength }),
    fc.constantFrom('=1+1', "'=x", '-', '@a', ' , "', '含逗号, "引号"\n和换行', '\t制表'),
  );
const rawEntry = fc.record(
  {
    id: fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('=id', "'+id", '001')),
    requestType: fc.constantFrom(...context.requestTypes!.map((type) => type.id)),
    template: fc.option(
      fc.oneof(
        fc.record({ id: fc.constant('account-appeal'), revision: fc.integer({ min: 1, max: 2 }) }),
        fc.record({ id: fc.constant('follow-up'), revision: fc.constant(1) }),
      ),
      { nil: undefined },
    ),
    matter: fc.option(text(20), { nil: undefined }),
    sent: isoDay,
    reply: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    resolved: fc.constantFrom('yes', 'no', 'pending'),
    satisfaction: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    note: fc.option(text(60), { nil: undefined }),
  },
  { requiredKeys: ['id', 'requestType', 'sent', 'resolved'] },
);
/** Valid logs: raw records cleaned by validateEntry, unique ids. */
const validLog = fc.array(rawEntry, { maxLength: 25 }).map((raws) => {
  const seen = new Set<string>();
  const entries: OutcomeEntry[] = [];
  for (const { reply, ...raw } of raws) {
    const firstReply =
      reply === undefined
        ? undefined
        : [
            new Date(Date.parse(`${raw.sent}T00:00:00Z`) + reply * 86_400_000).toISOString().slice(0, 10),
          ].find((date) => date <= context.today!);
    const checked = validateEntry({ ...raw, firstReply }, context);
    if (checked.ok && !seen.has(checked.entry.id)) {
      seen.add(checked.entry.id);
      entries.push(checked.entry);
    }
  }
  return entries;
});

describe('properties', () => {
  it('import never throws, whatever the text, and only returns valid entries', () => {
    const csvish = fc
      .array(
        fc.array(
          fc.oneof(fc.string({ maxLength: 12 }), isoDay, fc.constantFrom('账号申诉', '已解决', '"', '\r\n')),
          { maxLength: 12 },
        ),
        {
          maxLength: 8,
        },
      )
      .map((rows) =>
        [
          '编号,诉求类型,发送日期,首次人工回复日期,结果,满意度,模板,模板修订,备注',
          ...rows.map((row) => row.join(',')),
        ].join('\n'),
      );
    const jsonish = fc
      .oneof(
        fc.jsonValue(),
        fc.record({
          format: fc.constant('ksmail-outcomes'),
          version: fc.constant(1),
          entries: fc.array(fc.jsonValue()),
        }),
        fc.array(rawEntry),
      )
      .map((value) => JSON.stringify(value) ?? '');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), csvish, jsonish), (input) => {
        const result = importOutcomes(input, context);
        expect(isOutcomeList(result.entries)).toBe(true);
        for (const item of result.entries)
          expect(validateEntry(item, context)).toEqual({ ok: true, entry: item });
      }),
      { numRuns: 400 },
    );
  });

  it('export → import gives back the same log, as JSON and as CSV', () => {
    fc.assert(
      fc.property(validLog, (log) => {
        for (const exported of [exportJson(log), exportCsv(log, context), exportCsv(log)]) {
          const result = importOutcomes(exported, context);
          expect(result.problems).toEqual([]);
          expect(result.entries).toEqual(log);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('figures do not depend on the order of the log and stay within range', () => {
    fc.assert(
      fc.property(
        validLog,
        fc.constantFrom('requestType', 'template') as fc.Arbitrary<'requestType' | 'template'>,
        (log, groupBy) => {
          const summary = summarize(log, calendar, groupBy);
          expect(summarize([...log].reverse(), calendar, groupBy)).toEqual(summary);
          const groups = [...summary.groups, summary.total];
          expect(summary.groups.reduce((sum, group) => sum + group.sent, 0)).toBe(log.length);
          for (const group of groups) {
            expect(group.replied + group.unanswered).toBe(group.sent);
            expect(group.resolved + group.unresolved + group.pending).toBe(group.matters);
            expect(group.matters).toBeLessThanOrEqual(group.sent);
            for (const rate of [group.replyRate, group.resolutionRate]) {
              if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
            }
            if (group.medianReplyDays !== null) expect(group.medianReplyDays).toBeGreaterThanOrEqual(0);
            expect(group.medianReplyDays === null).toBe(group.replied === 0);
            const { mean, count } = group.satisfaction;
            expect(mean === null).toBe(count === 0);
            if (mean !== null) expect(mean >= 1 && mean <= 5).toBe(true);
            expect(group.smallSample).toBe(group.sent < 10);
          }
          for (const item of log) {
            const days = summary.replyDays[item.id];
            if (item.firstReply) expect(days).toBe(replyWorkingDays(item, calendar));
            else expect(days).toBeUndefined();
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('outcome files: more properties', () => {
  it('dates, bytes and cells: no throw, deterministic; csvUnsafe undoes csvSafe for any cell', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.uint8Array({ maxLength: 200 }),
        (text, bytes) => {
          expect(normalizeDate(text)).toBe(normalizeDate(text));
          expect(csvUnsafe(csvSafe(text))).toBe(text);
          // Text, or a Chinese reason (binary, undecodable) thrown as an Error: nothing else.
          const decode = () => {
            try {
              return decodeText(bytes);
            } catch (error) {
              return `refused: ${(error as Error).message}`;
            }
          };
          expect(decode()).toBe(decode());
        },
      ),
    );
  });

  it('imports a 1 MB CSV, and 1 MB of anything, in linear time', () => {
    const header = '编号,诉求类型,发送日期,首次人工回复日期,结果,满意度,模板,模板修订,备注\n';
    const row = 'a1,账号申诉,2026/9/30,2026-10-09,已解决,4,,,"备注, ""引号"""\n';
    expectLinearTime(
      (size) => header + repeatTo(row, size - header.length),
      (text) => importOutcomes(text, context),
    );
    expectLinearTime(
      (size) => repeatTo('{"entries":[[",\n\r\u0000\ud800', size),
      (text) => importOutcomes(text, context),
    );
  });
});
