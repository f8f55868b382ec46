import { describe, expect, it } from 'vitest';
import { contextLine } from './context-line';

describe('contextLine', () => {
  it.each([
    [{ id: 'account-appeal', label: '账号申诉', inferred: false }, '按“账号申诉”检查（你选择的诉求）。'],
    [
      { id: 'merchant', label: '商家与店铺', inferred: true },
      /按“商家与店铺”检查（根据主题和正文推断；不对的话/u,
    ],
    [null, /没有判断出是哪类事：按全部规则检查/u],
  ])('%o → %s', (context, expected) => {
    if (typeof expected === 'string') expect(contextLine(context)).toBe(expected);
    else expect(contextLine(context)).toMatch(expected);
  });
});
