/**
 * `npm run rules:new -- <version> [--effective YYYY-MM-DD] [--title "…"]`: starts a new ruleset
 * version from the current one, and its changelog entry. Both are then edited by hand (see
 * CONTRIBUTING.md); the build checks every template against the new rules.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compareVersions, RULESET_VERSION } from '../src/lib/rules/ruleset';
import { loadRulesets } from '../src/lib/node/load-ruleset';
import { shanghaiDate } from '../src/lib/shanghai-time';

export interface NewRulesetOptions {
  version: string;
  effective?: string | undefined;
  title?: string | undefined;
  rulesDir: string;
  changelogDir: string;
}

export function createRulesetVersion(options: NewRulesetOptions): { ruleset: string; entry: string } {
  const { version } = options;
  if (!RULESET_VERSION.test(version)) throw new Error(`版本号应形如 2026.12.0，收到：${version}`);
  const effective = options.effective ?? shanghaiDate(Date.now());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(effective))
    throw new Error(`生效日期应形如 2026-12-01，收到：${effective}`);
  const rulesets = loadRulesets(options.rulesDir);
  const newest = rulesets.at(-1);
  if (!newest) throw new Error(`${options.rulesDir} 里没有规则集可以作为起点`);
  if (compareVersions(version, newest.version) <= 0)
    throw new Error(`新版本 ${version} 必须比现有的最新版本 ${newest.version} 更新`);
  const slug = `${effective}-ruleset-${version.replaceAll('.', '-')}`;
  const rulesetFile = join(options.rulesDir, `${version}.yaml`);
  const entryFile = join(options.changelogDir, `${slug}.mdx`);
  for (const file of [rulesetFile, entryFile]) if (existsSync(file)) throw new Error(`文件已存在：${file}`);

  // Copy the newest version's file as text, so its comments and layout stay.
  const source = readFileSync(join(options.rulesDir, `${newest.version}.yaml`), 'utf8');
  const replaced = source
    .replace(/^version: .*$/m, `version: ${version}`)
    .replace(/^effective: .*$/m, `effective: ${effective}`)
    .replace(/^changelog: .*$/m, `changelog: ${slug}`);
  writeFileSync(rulesetFile, replaced);
  const title = options.title ?? `规则集 ${version}：（请填写变化）`;
  writeFileSync(
    entryFile,
    `---
title: ${title}
description: （请用一两句话写明这一版改了什么、为什么改。）
changelog:
  kind: release
  date: ${effective}
  ruleset: ${version}
  tags: [规则集]
  rules: []
---

import RulesetDiff from '~/components/RulesetDiff.astro';

（请写明这一版的原因：本站自己的调整；或快手规则的变化——那时另记一条 kind: change 的条目，逐字引用来源并附链接，再从这里链接它。）

<RulesetDiff to="${version}" />
`,
  );
  return { ruleset: rulesetFile, entry: entryFile };
}

if (import.meta.main ?? process.argv[1]?.endsWith('rules-new.ts')) {
  const root = resolve(import.meta.dirname, '..');
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { effective: { type: 'string' }, title: { type: 'string' } },
    });
    if (positionals.length !== 1)
      throw new Error(
        '用法：npm run rules:new -- <版本，如 2026.12.0> [--effective 2026-12-01] [--title "…"]',
      );
    const created = createRulesetVersion({
      version: positionals[0]!,
      effective: values.effective,
      title: values.title,
      rulesDir: join(root, 'src/content/rules'),
      changelogDir: join(root, 'src/content/docs/changelog'),
    });
    console.log(
      `已创建：\n  ${created.ruleset}\n  ${created.entry}\n下一步：编辑规则和更新日志条目，运行 npm test；构建会用新规则检查所有模板。`,
    );
  } catch (error) {
    console.error(`rules:new：${(error as Error).message}`);
    process.exitCode = 2;
  }
}
