import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { assertTemplatesPass, parseTemplate, TemplateError, type Template } from '../templates';
import { loadGuideData } from './load-guide-data';
import { loadCompiledRules, loadRulesets } from './load-ruleset';

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

/**
 * The templates as the build uses them: validated, their routes and rulesets cross-checked, and
 * the newest revision of each passed through the current ruleset's checkers (errors throw).
 */
export function loadCheckedTemplates(
  options: { dir?: string; rulesDir?: string; dataDir?: string; today?: string } = {},
): Template[] {
  const templates = loadTemplates(options.dir);
  const versions = loadRulesets(options.rulesDir).map((ruleset) => ruleset.version);
  const routes = new Set(loadGuideData(options.dataDir).requestRoutes.map((route) => route.id));
  for (const template of templates) {
    if (template.route !== undefined && !routes.has(template.route))
      throw new TemplateError(`模板数据有误：${template.id} → route：未知的诉求 id ${template.route}`);
    for (const revision of template.revisions) {
      if (!versions.includes(revision.ruleset))
        throw new TemplateError(
          `模板数据有误：${template.id} → 修订 ${revision.revision}：找不到规则集 ${revision.ruleset}`,
        );
    }
  }
  const ruleOptions = {
    ...(options.rulesDir ? { dir: options.rulesDir } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.today ? { today: options.today } : {}),
  };
  assertTemplatesPass(templates, loadCompiledRules(ruleOptions));
  return templates;
}
