/**
 * Reading rulesets from disk (src/content/rules/<version>.yaml) for the command line, the tests
 * and the build's site-content loader: validated, versions checked against file names, and the
 * chosen version's examples run before anything may check with it.
 */
import { SIMPLIFIED_TABLE } from '../t2s-table';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, YAMLError } from 'yaml';
import type { GuideData } from '../guide-data';
import { compareVersions, type Ruleset } from '../rules/ruleset';
import { parseRuleset, RulesetError } from '../rules/ruleset-schema';
import { checkRuleExamples } from '../rules/rule-examples';
import { loadGuideData } from './load-guide-data';
import { compileRules } from '../rules/rules-engine';
import { subjectTypesWithRoutedReplyTime } from '../routing';
import { compileAttachmentRules } from '../attachments/check-attachments';
import { assertLinearPatterns } from './pattern-safety';

export const DEFAULT_RULES_DIR = resolve(import.meta.dirname, '../../content/rules');

/**
 * With KSMAIL_TRACE_LOADS=1 every read and every examples run is written to stderr, which is how
 * a build is shown to read and validate each ruleset once (tests/e2e/build-once.test.ts).
 */
export function traceLoad(what: string): void {
  if (process.env.KSMAIL_TRACE_LOADS === '1') process.stderr.write(`[ksmail:load] ${what}\n`);
}

/** A YAML file's data; a syntax error names the file, line and column (the build showed only the parser's words). */
function readYaml(path: string, file: string): unknown {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if (!(error instanceof YAMLError)) throw error;
    const at = error.linePos?.[0];
    const where = at ? ` 第 ${at.line} 行第 ${at.col} 列` : '';
    throw new RulesetError(`规则集有误：${file}${where} 不是有效的 YAML：${error.message.split('\n')[0]}`);
  }
}

/** Every ruleset version in `dir`, validated, oldest first. */
export function loadRulesets(dir = DEFAULT_RULES_DIR): Ruleset[] {
  const files = readdirSync(dir).filter((file) => /^\d{4}\.\d{2}\.\d+\.ya?ml$/.test(file));
  const loaded = files.map((file) => {
    traceLoad(`rules ${file}`);
    const ruleset = parseRuleset(readYaml(join(dir, file), file), file);
    if (!file.startsWith(`${ruleset.version}.`))
      throw new RulesetError(`规则集有误：${file} 的 version 是 ${ruleset.version}，与文件名不符`);
    // Every version, not only the current one: `ksmail --rules <old>` runs old patterns too.
    assertLinearPatterns(ruleset);
    return { file, ruleset };
  });
  loaded.sort(
    (a, b) => compareVersions(a.ruleset.version, b.ruleset.version) || a.file.localeCompare(b.file),
  );
  // 2026.11.01 and 2026.11.1 compare equal: which one "2026.11.1" means would depend on file order.
  for (let index = 1; index < loaded.length; index += 1) {
    const [before, after] = [loaded[index - 1]!, loaded[index]!];
    if (compareVersions(before.ruleset.version, after.ruleset.version) === 0)
      throw new RulesetError(
        `规则集有误：${before.file} 和 ${after.file} 是同一个版本号（${before.ruleset.version} = ${after.ruleset.version}），请只保留一个，版本号的最后一段不要补零。`,
      );
  }
  const rulesets = loaded.map(({ ruleset }) => ruleset);
  assertSources(rulesets.at(-1));
  return rulesets;
}

/**
 * The newest ruleset names the authority of every rule (`source`, kinds/common.ts): findings show
 * it. Older versions predate the field and stay as they were published.
 */
export function assertSources(ruleset: Ruleset | undefined) {
  const missing = ruleset?.rules.filter((rule) => !rule.source).map((rule) => rule.id) ?? [];
  if (ruleset && missing.length > 0)
    throw new RulesetError(
      `规则集有误：最新版本 ${ruleset.version} 的每条规则都要写 source（依据），缺少：${missing.join('、')}`,
    );
}

/** The newest version already in effect on `today` (the oldest one if none is yet). */
export function currentOf(rulesets: readonly Ruleset[], today: string): Ruleset {
  const ruleset = rulesets.filter((candidate) => candidate.effective <= today).at(-1) ?? rulesets[0];
  if (!ruleset) throw new RulesetError('找不到任何规则集（src/content/rules/ 下没有 <版本>.yaml 文件）');
  return ruleset;
}

/** Runs a ruleset's examples with the guide's tables; throws RulesetError listing the failures. */
export function assertRuleExamples(
  ruleset: Ruleset,
  guide: Pick<GuideData, 'subjectTypes' | 'attachmentTypes'>,
) {
  traceLoad(`examples ${ruleset.version}`);
  const failures = checkRuleExamples(ruleset, guide.subjectTypes, guide.attachmentTypes);
  if (failures.length > 0)
    throw new RulesetError(`规则集 ${ruleset.version} 的示例未通过：\n${failures.join('\n')}`);
}

/**
 * The ruleset to check with: `version` if given, otherwise the newest one already in effect
 * on `today`. Its examples are checked on load, so broken rule data cannot be used.
 */
export function loadRuleset(
  options: { version?: string; today?: string; dir?: string; dataDir?: string } = {},
): Ruleset {
  const all = loadRulesets(options.dir);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const ruleset = options.version
    ? all.find((candidate) => candidate.version === options.version)
    : currentOf(all, today);
  if (!ruleset) {
    throw new RulesetError(
      `找不到规则集版本 ${options.version ?? ''}。可用版本：${all.map((candidate) => candidate.version).join('、') || '无'}`,
    );
  }
  assertRuleExamples(ruleset, loadGuideData(options.dataDir));
  return ruleset;
}

/** The ruleset compiled with the guide's subject types, ready for checkSubject/checkDraft. */
export function loadCompiledRules(options: Parameters<typeof loadRuleset>[0] = {}) {
  return compileRules(
    loadRuleset(options),
    subjectTypesWithRoutedReplyTime(loadGuideData(options.dataDir)),
    SIMPLIFIED_TABLE,
  );
}

/** The ruleset's attachment rules with the guide's table 4, ready for checkAttachments. */
export function loadCompiledAttachmentRules(options: Parameters<typeof loadRuleset>[0] = {}) {
  return compileAttachmentRules(loadRuleset(options), loadGuideData(options.dataDir).attachmentTypes);
}
