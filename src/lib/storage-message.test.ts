import { describe, expect, it } from 'vitest';
import { pageStorageWarningText, storageWarningText, type StorageItem } from './storage-message';

describe('storageWarningText', () => {
  it('says what is not kept, what to do, and that the tool still works', () => {
    expect(storageWarningText('unavailable', '主题', '刷新页面前请自行复制')).toBe(
      '浏览器禁止了本地存储：主题不会被保存，刷新页面前请自行复制。其他功能不受影响。',
    );
    expect(storageWarningText('full', '粘贴的数据', '刷新页面前请自行复制')).toBe(
      '浏览器存储空间已满或不允许写入：粘贴的数据无法保存，刷新页面前请自行复制。其他功能不受影响。',
    );
  });

  it('takes advice per problem and names what still works (draft checker, composer, outcome log)', () => {
    const advice = { full: '刷新页面前请自行复制', unavailable: '刷新页面后需要重新选择' } as const;
    expect(storageWarningText('full', '收件人', advice)).toBe(
      '浏览器存储空间已满或不允许写入：收件人无法保存，刷新页面前请自行复制。其他功能不受影响。',
    );
    expect(storageWarningText('unavailable', '收件人', advice)).toBe(
      '浏览器禁止了本地存储：收件人不会被保存，刷新页面后需要重新选择。其他功能不受影响。',
    );
    expect(storageWarningText('unavailable', '草稿', '刷新页面前请自行复制', '检查功能')).toBe(
      '浏览器禁止了本地存储：草稿不会被保存，刷新页面前请自行复制。检查功能不受影响。',
    );
  });
});

describe('pageStorageWarningText: one notice for all the tools of a page', () => {
  const tools: StorageItem[] = [
    { what: '你选择的诉求', advice: '刷新页面后需要重新选择' },
    { what: '主题', advice: '刷新页面前请自行复制' },
    { what: '草稿', advice: '刷新页面前请自行复制', unaffected: '检查功能' },
    { what: '收件人', advice: { full: '刷新页面前请自行复制', unavailable: '刷新页面后需要重新选择' } },
    { what: '草稿', advice: '刷新页面前请自行复制' },
  ];

  it.each([
    [
      'unavailable',
      '浏览器禁止了本地存储：这个页面上的你选择的诉求、主题、草稿、收件人都不会被保存。你选择的诉求、收件人：刷新页面后需要重新选择；主题、草稿：刷新页面前请自行复制。各工具的检查功能不受影响。',
    ],
    [
      'full',
      '浏览器存储空间已满或不允许写入：这个页面上的你选择的诉求、主题、草稿、收件人都无法保存。你选择的诉求：刷新页面后需要重新选择；主题、草稿、收件人：刷新页面前请自行复制。各工具的检查功能不受影响。',
    ],
  ] as const)('%s: names each thing once and groups the advice', (problem, text) => {
    expect(pageStorageWarningText(problem, tools)).toBe(text);
  });

  it('is the tool’s own warning when the page has one tool, and nothing when it has none', () => {
    expect(pageStorageWarningText('unavailable', tools.slice(2, 3))).toBe(
      storageWarningText('unavailable', '草稿', '刷新页面前请自行复制', '检查功能'),
    );
    expect(pageStorageWarningText('full', [])).toBe('');
  });
});
