/**
 * The data table helper's vocabulary, shared by its stages (data-table.ts runs them; each
 * data-table-*.ts module is one or two of them): what the analysis returns, the problems it can
 * report, and how every stage quotes cells and cuts long lists in its messages. No analysis
 * happens here.
 * The public API is data-table.ts, which re-exports these types; import them from there.
 */
import type { GuideData } from '../guide-data';
import type { PlainTable } from './plain-table';
import type { ChartKind, ChartSpec } from './svg-chart';

export type DataKind = 'time-series' | 'comparison' | 'distribution';
export type ColumnType = 'number' | 'date' | 'text';
/** A row of table 5 (chart-types.yaml): which chart fits which kind of data. */
export type ChartTypeRow = Pick<GuideData['chartTypes'][number], 'id' | 'dataKind' | 'display' | 'chart'>;

export type ProblemCode =
  | 'empty'
  | 'too-large'
  | 'too-many-rows'
  | 'too-many-columns'
  | 'header-only'
  | 'no-header'
  | 'ragged-short'
  | 'ragged-long'
  | 'quotes'
  | 'not-a-number'
  | 'mixed-units'
  | 'missing-unit'
  | 'long-table'
  | 'no-numbers'
  | 'dates-unordered'
  | 'not-shares'
  | 'chart-mismatch'
  | 'too-many-series'
  | 'too-many-slices'
  | 'chart-types'
  | 'unreadable';

export interface DataProblem {
  severity: 'error' | 'warning';
  code: ProblemCode;
  message: string;
  /** 1-based row of the pasted data, as a spreadsheet counts it (the header, if any, is row 1). */
  row?: number;
  /** 1-based column. */
  column?: number;
}

export interface DataColumn {
  /** The header as shown in the table, with the unit added when the cells carried it. */
  header: string;
  /** The header as pasted (or 列N when it was empty or missing). */
  name: string;
  type: ColumnType;
  unit: string;
}

export interface KeyFigure {
  /** Index into `rows` (0-based, the header not counted). */
  row: number;
  column: number;
  reason: string;
}

export interface DataAnalysis {
  /** empty: nothing pasted; refused: an error stops it (nothing to render); ok: a table. */
  status: 'empty' | 'refused' | 'ok';
  problems: DataProblem[];
  /** What separated the cells: tab, comma, semicolon, or a Markdown pipe table. */
  source: 'tsv' | 'csv' | 'semicolon' | 'pipe-table' | null;
  columns: DataColumn[];
  /** Cell text as pasted (trimmed), every row as wide as the header. */
  rows: string[][];
  /** Numbers read from number columns (null elsewhere and for unreadable cells). */
  values: (number | null)[][];
  kind: DataKind | null;
  /** The chart drawn: the user's choice when it fits, else table 5's for the kind. */
  chart: ChartKind | null;
  /** What 自动 would choose. */
  recommended: { kind: DataKind; chart: ChartKind } | null;
  /** Why this kind and chart, in one or two Chinese sentences. */
  kindReason: string;
  /** Whether the data can honestly be shown as a pie (one column of non-negative parts of a whole). */
  pieAllowed: boolean;
  keyFigures: KeyFigure[];
  /** Why these cells are marked, in Chinese ('' when none). */
  keyReason: string;
  table: PlainTable | null;
  chartSpec: ChartSpec | null;
}

export interface AnalyzeOptions {
  /** Table 5 (chart-types.yaml). */
  chartTypes: readonly ChartTypeRow[];
  /** The chart the user asked for; 'auto' (default) follows table 5. */
  chart?: ChartKind | 'auto' | undefined;
}

/** At most this many problems of one kind are listed one by one; the rest are counted. */
export const MAX_LISTED = 5;

/** A cell as a message quotes it: on one line, cut to `columns` characters. */
export function quote(text: string, columns = 16): string {
  const clean = text.replace(/\s+/g, ' ');
  return clean.length > columns ? `“${clean.slice(0, columns)}…”` : `“${clean}”`;
}
