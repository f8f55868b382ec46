import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject, runBuild } from '../support/build-site';

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
