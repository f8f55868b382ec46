/**
 * Reading the template gallery from disk (src/content/templates/<id>.yaml) and checking it: routes
 * and rulesets cross-checked, and the newest revision of each passed through the current
 * ruleset's checkers, so a ruleset that breaks a template fails the build naming it.
 */
import { SIMPLIFIED_TABLE } from '../t2s-table';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { GuideData } from '../guide-data';
import { compileRules } from '../rules/rules-engine';
import type { Ruleset } from '../rules/ruleset';
import { assertTemplatesPass, parseTemplate, TemplateError, type Template } from '../templates';
import { loadGuideData } from './load-guide-data';
import { currentOf, loadRulesets } from './load-ruleset';

export const DEFAULT_TEMPLATES_DIR = resolve(import.meta.dirname, '../../content/templates');

/** Every template in `dir`, validated, in file-name order. */
export function loadTemplates(dir = DEFAULT_TEMPLATES_DIR): Template[] {
  return readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => {
      const template = parseTemplate(parse(readFileSync(join(dir, file), 'utf8')), file);
      if (!file.startsWith(`${template.id}.`))
        throw new Error(`模板数据有误：${file} 的 id 是 ${template.id}，与文件名不符`);
      return template;
    });
}

/** Cross-checks templates with the routes and rulesets, then checks them with `current`. */
export function checkTemplates(
  templates: Template[],
  data: { guide: GuideData; rulesets: readonly Ruleset[]; current: Ruleset },
): Template[] {
  const versions = new Set(data.rulesets.map((ruleset) => ruleset.version));
  const routes = new Set(data.guide.requestRoutes.map((route) => route.id));
  for (const template of templates) {
    if (template.route !== undefined && !routes.has(template.route))
      throw new TemplateError(`模板数据有误：${template.id} → route：未知的诉求 id ${template.route}`);
    for (const revision of template.revisions) {
      if (!versions.has(revision.ruleset))
        throw new TemplateError(
          `模板数据有误：${template.id} → 修订 ${revision.revision}：找不到规则集 ${revision.ruleset}`,
        );
    }
  }
  const templateIds = new Set(templates.map((template) => template.id));
  for (const route of data.guide.requestRoutes) {
    if (route.template !== undefined && !templateIds.has(route.template))
      throw new TemplateError(
        `指南数据有误：request-routes.yaml → 记录 "${route.id}" → 字段 "template"：没有 id 为 ${route.template} 的模板`,
      );
  }
  assertTemplatesPass(templates, compileRules(data.current, data.guide.subjectTypes, SIMPLIFIED_TABLE));
  return templates;
}

/** The templates as the build uses them, read from disk (tests and the command line). */
export function loadCheckedTemplates(
  options: { dir?: string; rulesDir?: string; dataDir?: string; today?: string } = {},
): Template[] {
  const rulesets = loadRulesets(options.rulesDir);
  const current = currentOf(rulesets, options.today ?? new Date().toISOString().slice(0, 10));
  return checkTemplates(loadTemplates(options.dir), {
    guide: loadGuideData(options.dataDir),
    rulesets,
    current,
  });
}
