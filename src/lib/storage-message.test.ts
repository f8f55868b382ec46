import { describe, expect, it } from 'vitest';
import { storageWarningText } from './storage-message';

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
