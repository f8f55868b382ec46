/**
 * How each guide table is shown: caption, columns, and which cells are article claims
 * (原文称) or editorial additions (编辑补充). The rows come from src/content/data.
 */
import { priorityLabels, type GuideData } from '../lib/guide-data';

export interface Cell {
  text: string;
  claim?: boolean;
  code?: boolean;
  editorial?: boolean;
  href?: string;
}

interface TableSpec<Row> {
  caption: string;
  /** The whole table is our editorial addition, not the article's: why, in a few words. */
  editorial?: string;
  columns: { label: string; cell: (row: Row) => Cell }[];
}

const claimOrMissing = (value: string | null): Cell =>
  value === null ? { text: '原文未给出' } : { text: value, claim: true };

const isEditorial = (row: { editorial?: readonly string[] }, field: string) =>
  row.editorial?.includes(field) ?? false;

/** A cell the article filled is its claim (原文称); one we filled is marked 编辑补充. */
const claimOrEditorial = (row: { editorial?: readonly string[] }, field: string, text: string): Cell =>
  isEditorial(row, field) ? { text, editorial: true } : { text, claim: true };

/** 「05-20」 → 「5 月 20 日」, 「2025-12-26」 → 「2025 年 12 月 26 日」: prose dates, not machine ones. */
export function proseDate(date: string): string {
  const parts = date.split('-').map(Number);
  const [month, day] = parts.slice(-2);
  return `${parts.length === 3 ? `${parts[0]} 年 ` : ''}${month} 月 ${day} 日`;
}

type Row<K extends keyof GuideData> = GuideData[K][number];

export const tableSpecs = {
  subjectTypes: {
    caption: '表1　主题类型、回复时效与处理优先级',
    columns: [
      { label: '主题类型', cell: (row) => ({ text: row.label }) },
      {
        label: '样本案例',
        cell: (row) => ({ text: row.sample, code: true, editorial: isEditorial(row, 'sample') }),
      },
      { label: '平均回复时效', cell: (row) => claimOrMissing(row.replyTime) },
      {
        label: '处理优先级',
        cell: (row) => claimOrEditorial(row, 'priority', priorityLabels[row.priority]),
      },
    ],
  } satisfies TableSpec<Row<'subjectTypes'>>,
  bodyStructures: {
    caption: '表3　正文结构类型与回复情况',
    columns: [
      { label: '结构类型', cell: (row) => ({ text: row.type }) },
      { label: '样本特征', cell: (row) => ({ text: row.features }) },
      { label: '回复率', cell: (row) => claimOrMissing(row.replyRate) },
      { label: '处理周期', cell: (row) => claimOrMissing(row.cycle) },
    ],
  } satisfies TableSpec<Row<'bodyStructures'>>,
  attachmentTypes: {
    caption: '表4　附件类型、格式与命名规范',
    columns: [
      { label: '附件类型', cell: (row) => ({ text: row.kind, editorial: isEditorial(row, 'kind') }) },
      {
        label: '最佳格式',
        cell: (row) => ({ text: row.formats.join(' / '), editorial: isEditorial(row, 'formats') }),
      },
      {
        label: '命名规范',
        cell: (row) => ({ text: row.exampleName, code: true, editorial: isEditorial(row, 'exampleName') }),
      },
      { label: '处理效率影响', cell: (row) => claimOrMissing(row.effect) },
    ],
  } satisfies TableSpec<Row<'attachmentTypes'>>,
  chartTypes: {
    caption: '表5　数据类型与呈现方式',
    columns: [
      { label: '数据类型', cell: (row) => ({ text: row.dataKind }) },
      { label: '展示方式', cell: (row) => ({ text: row.display }) },
      { label: '认知效率', cell: (row) => claimOrMissing(row.efficiency) },
      { label: '官方偏好度', cell: (row) => claimOrMissing(row.preference) },
    ],
  } satisfies TableSpec<Row<'chartTypes'>>,
  followUps: {
    caption: '表6　响应时效承诺与跟进节点',
    columns: [
      {
        label: '响应时效承诺',
        cell: (row) => ({
          text:
            'hours' in row.commitment
              ? `${row.commitment.hours}小时内`
              : `${row.commitment.workingDays}个工作日`,
          claim: true,
        }),
      },
      { label: '业务类型', cell: (row) => ({ text: row.business }) },
      { label: '跟进时间节点', cell: (row) => claimOrEditorial(row, 'followUp', row.followUp) },
      { label: '升级路径', cell: (row) => claimOrEditorial(row, 'escalation', row.escalation) },
    ],
  } satisfies TableSpec<Row<'followUps'>>,
  risks: {
    caption: '表7　风险类型与触发特征',
    editorial: '原文表7是空表，按原文第三、七节整理',
    columns: [
      { label: '风险类型', cell: (row) => ({ text: row.type }) },
      { label: '触发特征', cell: (row) => ({ text: row.triggers }) },
      { label: '后果', cell: (row) => ({ text: row.consequence, claim: row.claim }) },
      { label: '详见', cell: (row) => ({ text: '相关章节', href: row.guide }) },
    ],
  } satisfies TableSpec<Row<'risks'>>,
  salesPeriods: {
    caption: '电商大促时段',
    editorial: '原文未给出日期',
    columns: [
      { label: '活动', cell: (row) => ({ text: row.name }) },
      {
        label: '大致时段',
        cell: (row) => ({
          text: row.recurring
            ? `每年 ${proseDate(row.recurring.start)}至 ${proseDate(row.recurring.end)}`
            : (row.periods ?? [])
                .map((span) => `${proseDate(span.start)}至 ${proseDate(span.end)}`)
                .join('；'),
        }),
      },
      { label: '说明', cell: (row) => ({ text: row.note }) },
    ],
  } satisfies TableSpec<Row<'salesPeriods'>>,
};

export type TableName = keyof typeof tableSpecs;

/** Renders the rows of one table to cells; pure so that tests can check it without a build. */
export function tableCells<K extends TableName>(name: K, rows: readonly Row<K>[]): Cell[][] {
  const spec = tableSpecs[name] as unknown as TableSpec<Row<K>>;
  return rows.map((row) => spec.columns.map((column) => column.cell(row)));
}
