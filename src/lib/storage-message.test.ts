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
});
