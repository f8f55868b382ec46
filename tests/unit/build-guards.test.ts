import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject, runBuild } from '../../scripts/support/build-site';

describe('the build refuses broken sites', () => {
  it('fails on a broken internal link, naming the page and the link', () => {
    const root = fixtureProject('broken-link', (dir) => {
      writeFileSync(
        join(dir, 'src/content/docs/broken.mdx'),
        '---\ntitle: 坏链接\n---\n\n请看[不存在的页面](/no-such-page/)。\n',
      );
    });
    const result = runBuild({ OUT_DIR: join(root, 'dist') }, root);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('/no-such-page/');
    expect(result.output).toMatch(/broken/);
  }, 120_000);

  it('fails on an invalid BASE_PATH with a Chinese message', () => {
    const root = fixtureProject('bad-base', () => {});
    const result = runBuild({ OUT_DIR: join(root, 'dist'), BASE_PATH: '/a b/' }, root);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('BASE_PATH 只能包含');
  }, 120_000);
});

describe('the build refuses broken guide data', () => {
  it('fails on a mailbox address without @, naming the file, record and field', () => {
    const root = fixtureProject('bad-mailbox', (dir) => {
      const file = join(dir, 'src/content/data/mailboxes.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('address: legal@kuaishou.com', 'address: legalkuaishou.com'),
      );
    });
    const result = runBuild({ OUT_DIR: join(root, 'dist') }, root);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('mailboxes.yaml → 记录 "legal" → 字段 "address"');
  }, 120_000);
});

describe('a new ruleset forces the templates it breaks to be upgraded', () => {
  it('a ruleset forbidding a phrase one template uses fails the build naming that template; without it the build passes', () => {
    const root = fixtureProject('template-upgrade', (dir) => {
      const rules = join(dir, 'src/content/rules');
      const newest = readFileSync(join(rules, '2026.11.3.yaml'), 'utf8')
        .replace('version: 2026.11.3', 'version: 2026.11.9')
        .replace(
          'rules:\n  - id: subject.missing-type',
          `rules:
  - id: risk.fixture-phrase
    kind: words
    words: [品牌投放]
    level: error
    appliesTo: [subject, draft]
    message: 测试用规则：不再使用“品牌投放”的说法。
    guide: /guide/risks/
    source: { kind: editorial, note: 测试用 }
    examples:
      match: [咨询品牌投放]
      noMatch: [咨询广告合作]
  - id: subject.missing-type`,
        );
      writeFileSync(join(rules, '2026.11.9.yaml'), newest);
    });
    const failed = runBuild({ OUT_DIR: join(root, 'dist') }, root);
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain('模板未通过当前规则集 2026.11.9 的检查');
    expect(failed.output).toContain(
      '模板「广告投放合作咨询」（ad-cooperation，修订 3）主题：risk.fixture-phrase',
    );
    // Only the template that uses the phrase is named.
    expect(failed.output).not.toContain('account-appeal，修订');

    rmSync(join(root, 'src/content/rules/2026.11.9.yaml'));
    const passed = runBuild({ OUT_DIR: join(root, 'dist') }, root);
    expect(passed.output).not.toContain('模板未通过');
    expect(passed.status).toBe(0);
  }, 240_000);
});

describe('the statute registry pins every quote and its review date', () => {
  const NDR_24_END = '权利人应当承担赔偿责任。';

  it('a one-character change to a quote written on a page fails the build, naming the page, the article and where', () => {
    const root = fixtureProject('law-page-quote', (dir) => {
      const file = join(dir, 'src/content/docs/guide/law.mdx');
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(`${NDR_24_END}"`);
      writeFileSync(file, text.replace(`${NDR_24_END}"`, '权利人应当承担补偿责任。"'));
    });
    const result = runBuild({ OUT_DIR: join(root, 'dist') }, root);
    expect(result.status, result.output.slice(-3000)).not.toBe(0);
    expect(result.output).toContain('页面 /guide/law/');
    expect(result.output).toContain('ndr-24（《信息网络传播权保护条例》第二十四条）的引文与登记正文不同');
    expect(result.output).toMatch(/第 \d+ 个字符起不同：页面 "[^"]*补偿责任。"，登记表 "[^"]*赔偿责任。"/);
  }, 180_000);

  it('a one-character change to a pinned text in the registry fails the build until it is reviewed again', () => {
    const root = fixtureProject('law-registry-text', (dir) => {
      const file = join(dir, 'src/content/law/ndr.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(NDR_24_END, '权利人应当承担补偿责任。'));
    });
    const result = runBuild({ OUT_DIR: join(root, 'dist') }, root);
    expect(result.status, result.output.slice(-3000)).not.toBe(0);
    expect(result.output).toContain('法条登记表有误');
    expect(result.output).toContain(
      'ndr-24（《信息网络传播权保护条例》第二十四条）的正文与登记的 sha256 不符',
    );
  }, 180_000);

  it('a review older than 180 days fails the build', () => {
    const root = fixtureProject('law-stale-review', (dir) => {
      const file = join(dir, 'src/content/law/pipl.yaml');
      const text = readFileSync(file, 'utf8');
      // The first article of the file (pipl-24) was last reviewed 181 days before the build.
      const today = new Date().toISOString().slice(0, 10);
      const stale = new Date(Date.parse(`${today}T00:00:00Z`) - 181 * 86_400_000).toISOString().slice(0, 10);
      writeFileSync(file, text.replace(/lastReviewed: \d{4}-\d{2}-\d{2}/, `lastReviewed: ${stale}`));
    });
    const result = runBuild({ OUT_DIR: join(root, 'dist') }, root);
    expect(result.status, result.output.slice(-3000)).not.toBe(0);
    expect(result.output).toContain('pipl-24（《中华人民共和国个人信息保护法》第二十四条）上次核对是');
    expect(result.output).toContain('已过 181 天（上限 180 天）');
  }, 180_000);
});
