/**
 * The subject checker: three-part structure, request type, phone display width, tone. Reads the
 * subject as people write it: several leading 【】 groups (【紧急】【账号申诉】), Traditional labels
 * (【個人資料查閱申請】快手號：…, folded to Simplified with ranges in the text as typed).
 */
import { displayEms, displayWidth, indexAtEms, indexAtWidth } from '../display-width';
import {
  finding,
  foldForMatching,
  runTextRules,
  runsIn,
  type CompiledRules,
  type SubjectTypeInfo,
} from './rules-engine';
import { halfWidthAscii, originalRange, toSimplifiedCharacters } from '../text-normalize';
import { sortFindings, type Finding, type SubjectWidthRule } from './ruleset';
import { resolveContext, type CheckContext, type CheckOptions } from './check-context';

export type SubjectPartName = 'type' | 'id' | 'request' | 'urgency';

export interface SubjectPart {
  name: SubjectPartName;
  label: string;
  value: string | null;
  start: number;
  end: number;
}

export interface SubjectCategory {
  id: string;
  label: string;
  priority: SubjectTypeInfo['priority'];
  replyTime: string | null;
  /** Whether the priority is ours (编辑补充) rather than the article's (原文称). */
  priorityEditorial: boolean;
}

const PRIORITY_LABELS: Record<SubjectCategory['priority'], string> = { high: '高', medium: '中', low: '低' };

/**
 * The recognised type as one line for the checker and ksmail: table 1's priority and reply time
 * are the article's unconfirmed claims, so each carries its mark on the line itself.
 */
export function describeCategory(category: SubjectCategory): string {
  const priority = `处理优先级：${PRIORITY_LABELS[category.priority]}（${category.priorityEditorial ? '编辑补充，原文未给出' : '原文称'}）`;
  // Table 6's commitment for the type's cases (routedReplyTime), the figure the picker and the
  // planner use: not table 1's 平均回复时效 column (6 小时 for 侵权投诉), so not under its name.
  const replyTime = `答复时效：${category.replyTime === null ? '原文未给出' : `${category.replyTime}（原文称，表6）`}`;
  return `类型：${category.label}　${priority}　${replyTime}`;
}

export interface SubjectResult {
  category: SubjectCategory | null;
  structure: { ok: boolean; parts: SubjectPart[] };
  findings: Finding[];
  suggestion: string;
  /** The case the subject was checked in: given or assumed (`inferred`); null: none, every rule ran. */
  context: CheckContext | null;
}

/** Besides the context: the request type chosen on the page, used when the subject names none. */
export interface SubjectCheckOptions extends CheckOptions {
  preferredType?: string;
}

const PART_LABELS: Record<SubjectPartName, string> = {
  type: '事项类型',
  id: '身份标识',
  request: '核心诉求',
  urgency: '紧急程度',
};
const BRACKET = /^\s*[【[［〔]([^】\]］〕]*)[】\]］〕]/u;
/** Between two leading groups: 【紧急】【账号申诉】, 【紧急】 【账号申诉】, 【紧急】-【账号申诉】. */
const BETWEEN_GROUPS = /^[\s\-－—–|｜/／_]*(?=[【[［〔])/u;

/** The leading 【】 groups after `from`, as [start, end) ranges (end after the closing bracket). */
function leadingGroups(text: string, from: number): [number, number][] {
  const groups: [number, number][] = [];
  let cursor = from;
  for (;;) {
    const gap = groups.length === 0 ? '' : (BETWEEN_GROUPS.exec(text.slice(cursor))?.[0] ?? null);
    if (gap === null) break;
    const match = BRACKET.exec(text.slice(cursor + gap.length));
    if (!match) break;
    const start = cursor + gap.length + match.index;
    groups.push([start, cursor + gap.length + match[0].length]);
    cursor = groups[groups.length - 1]![1];
  }
  return groups;
}

/**
 * A test whether [start, end) lies inside one of `ranges`: the ranges are merged into disjoint
 * spans once, and each test is a binary search (a 1 MB subject has tens of thousands of groups
 * and type words; testing every group for every word would be quadratic).
 */
export function insideAny(ranges: readonly [number, number][]): (start: number, end: number) => boolean {
  const spans: [number, number][] = [];
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = spans[spans.length - 1];
    if (last && from < last[1]) last[1] = Math.max(last[1], to);
    else spans.push([from, to]);
  }
  return (start, end) => {
    let low = 0;
    let high = spans.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [from, to] = spans[middle]!;
      if (start < from) high = middle - 1;
      else if (start >= to) low = middle + 1;
      else return end <= to;
    }
    return false;
  };
}

/** Every 【】 group that holds no other bracket, anywhere in the subject, as [start, end) ranges. */
function laterGroups(text: string): [number, number][] {
  return [...text.matchAll(/[【[［〔][^【[［〔】\]］〕]*[】\]］〕]/gu)].map((match) => [
    match.index,
    match.index + match[0].length,
  ]);
}

/**
 * Where the subject stops showing in a phone's mail list, as a UTF-16 index: by em in a
 * proportional font when the rule gives `ems`, by monospace columns for older rulesets.
 */
export function phoneCut(text: string, rule: SubjectWidthRule | undefined): number {
  if (rule?.ems !== undefined) return indexAtEms(text, rule.ems);
  if (rule?.columns !== undefined) return indexAtWidth(text, rule.columns);
  return text.length;
}

/** Whether the first `end` units of the subject fit what the phone shows. */
function fitsPhone(text: string, end: number, rule: SubjectWidthRule): boolean {
  if (rule.ems !== undefined) return displayEms(text.slice(0, end)) <= rule.ems + 1e-9;
  if (rule.columns !== undefined) return displayWidth(text.slice(0, end)) <= rule.columns;
  return true;
}
/**
 * What a reply or a follow-up puts before the original subject (【跟进】, Re:, 回复：); the
 * three-part structure is read after it, and the suggestion keeps it.
 */
const REPLY_PREFIX =
  /^(?:\s*(?:[【[［〔](?:跟进|催办|补充材料|补充|再次提交|二次申诉)[】\]］〕]|(?:re|fw|fwd|回复|答复|转发)\s*[:：]))+\s*/iu;
const SEPARATORS = /[-－—–|｜/／\s_:：,，、]+/gu;

/** Text of the subject outside the recognised parts, without brackets and separators. */
function leftover(text: string, taken: [number, number][]): string {
  let rest = '';
  let cursor = 0;
  for (const [start, end] of [...taken].sort((a, b) => a[0] - b[0])) {
    if (start > cursor) rest += text.slice(cursor, start);
    cursor = Math.max(cursor, end);
  }
  rest += text.slice(cursor);
  return rest
    .replace(/[【】[\]［］〔〕]/gu, ' ')
    .replace(SEPARATORS, ' ')
    .replace(/[!！?？。.]+/gu, ' ')
    .trim();
}

/**
 * `options` may still be the preferred type alone (the islands' older call). Throws
 * UnknownContextError (check-context.ts) for a context id the ruleset does not know.
 */
export function checkSubject(
  text: string,
  compiled: CompiledRules,
  options: SubjectCheckOptions | string = {},
): SubjectResult {
  const { preferredType, ...contextOptions } =
    typeof options === 'string' ? { preferredType: options } : options;
  const folded = foldForMatching(text);
  const context = resolveContext(compiled, contextOptions, folded.text, '');
  // Same length and indices as the text: regular expressions read 快手號 as 快手号.
  const simplified = halfWidthAscii(toSimplifiedCharacters(text));
  const prefix = REPLY_PREFIX.exec(simplified)?.[0] ?? '';
  // Leading groups, and any later group: 【账号申诉-快手号:…】 written at the end is still the type
  // (subject.width reports that it sits too far back; "no type" would be untrue).
  const groups = [...leadingGroups(simplified, prefix.length), ...laterGroups(simplified)];
  const inGroup = insideAny(groups);

  // Type: the longest keyword, preferring one inside the leading 【】.
  const typeHits = compiled.types.findAll(folded.text).map((hit) => {
    const [start, end] = originalRange(folded, hit.start, hit.end);
    return { start, end, type: hit.value, inBracket: inGroup(start, end) };
  });
  typeHits.sort(
    (a, b) =>
      Number(b.inBracket) - Number(a.inBracket) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const typeHit = typeHits[0];

  let idHit: { start: number; end: number; label: string; value: string } | undefined;
  compiled.idPattern.lastIndex = 0;
  const idMatch = compiled.idPattern.exec(simplified);
  if (idMatch) {
    const start = idMatch.index;
    const matchedLabel = idMatch[1]!.toLowerCase();
    const label =
      compiled.ruleset.idLabels.find((entry) =>
        entry.aliases.some((alias) => alias.toLowerCase() === matchedLabel),
      )?.label ?? idMatch[1]!;
    idHit = { start, end: start + idMatch[0].length, label, value: idMatch[2]!.normalize('NFKC') };
  }

  const urgencyHit = compiled.urgency
    .findAll(folded.text)
    .map((hit) => originalRange(folded, hit.start, hit.end))
    .find(([start, end]) => inGroup(start, end));

  const taken: [number, number][] = prefix ? [[0, prefix.length]] : [];
  // A type word inside 【】 is the type; outside it is part of the sentence (我的号被封了).
  if (typeHit?.inBracket) taken.push([typeHit.start, typeHit.end]);
  if (idHit) taken.push([idHit.start, idHit.end]);
  if (urgencyHit) taken.push(urgencyHit);
  const request = leftover(text, taken);

  const part = (
    name: SubjectPartName,
    range: [number, number] | undefined,
    value: string | null,
  ): SubjectPart => ({
    name,
    label: PART_LABELS[name],
    value,
    start: range?.[0] ?? 0,
    end: range?.[1] ?? 0,
  });
  const parts: SubjectPart[] = [
    // The structure's type is the one written in the leading 【】; a type word elsewhere only classifies.
    part(
      'type',
      typeHit?.inBracket ? [typeHit.start, typeHit.end] : undefined,
      typeHit?.inBracket ? text.slice(typeHit.start, typeHit.end) : null,
    ),
    part('id', idHit && [idHit.start, idHit.end], idHit ? `${idHit.label}:${idHit.value}` : null),
    part('request', undefined, request.length >= 2 ? request : null),
    part('urgency', urgencyHit, urgencyHit ? text.slice(urgencyHit[0], urgencyHit[1]) : null),
  ];

  const findings: Finding[] = runTextRules(compiled, text, folded, 'subject', context?.id ?? null);
  if (text.trim().length > 0) {
    for (const rule of compiled.subjectParts) {
      if (!runsIn(rule, context?.id ?? null)) continue;
      if (parts.find((entry) => entry.name === rule.part)?.value === null) findings.push(finding(rule, 0, 0));
    }
    const widthRule = compiled.subjectWidth;
    if (widthRule && (typeHit || idHit)) {
      const keyEnd = Math.max(typeHit?.end ?? 0, idHit?.end ?? 0);
      // Reported when the type or the ID does not begin within what the phone shows: then putting
      // them first helps. A long type and ID already at the front (【个人信息删除申请-快手号:…】)
      // begin in view and are not made more visible by any reordering.
      const laterStart = Math.max(typeHit?.start ?? 0, idHit?.start ?? 0);
      if (!fitsPhone(text, Math.min(text.length, laterStart + 2), widthRule)) {
        findings.push(finding(widthRule, phoneCut(text, widthRule), keyEnd));
      }
    }
  }

  const type =
    typeHit?.type ?? compiled.subjectTypes.find((candidate) => candidate.id === preferredType) ?? null;
  const category = type && {
    id: type.id,
    label: type.label,
    priority: type.priority,
    replyTime: type.replyTime,
    priorityEditorial: type.editorial?.includes('priority') ?? false,
  };
  const idText = idHit
    ? `${idHit.label}:${idHit.value}`
    : `${type?.idLabel ?? compiled.ruleset.idLabels[0]?.label ?? 'ID'}:XXX`;
  const suggestion = `${prefix.trim()}【${type?.label ?? '类型'}-${idText}${urgencyHit ? '-紧急' : ''}】${request}`;

  return {
    category,
    structure: { ok: parts[0]!.value !== null && parts[1]!.value !== null, parts },
    findings: sortFindings(findings),
    suggestion,
    context,
  };
}
