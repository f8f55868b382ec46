import { beforeEach, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../lib/shanghai-time';

// The store runs as in a browser whose storage is disabled: in memory (stores.ts's engine).
// @nanostores/persistent listens to window events, so a window without storage is enough.
(globalThis as { window?: unknown }).window ??= { addEventListener() {}, removeEventListener() {} };
const {
  $outcomes,
  addOutcome,
  clearOutcomes,
  importIntoLog,
  OutcomeInputError,
  removeOutcome,
  restoreOutcome,
  updateOutcome,
} = await import('./outcome-store');
const { $storageProblem } = await import('./stores');

describe('the outcome store (the API the composer calls)', () => {
  beforeEach(() => clearOutcomes());

  it('works without storage, and says so', () => {
    expect($storageProblem.get()).toBe('unavailable');
  });

  it('addOutcome({ requestType, template }) records a mail sent today, still 处理中', () => {
    const entry = addOutcome({
      requestType: 'account-appeal',
      template: { id: 'account-appeal', revision: 2 },
    });
    expect(entry).toEqual({
      id: expect.stringMatching(/^o-[a-z0-9-]+$/),
      requestType: 'account-appeal',
      sent: shanghaiDate(Date.now()),
      resolved: 'pending',
      template: { id: 'account-appeal', revision: 2 },
    });
    expect($outcomes.get()).toEqual([entry]);
    expect(addOutcome({ requestType: 'copyright', sent: '2026-11-20' }).id).not.toBe(entry.id);
  });

  it('refuses a malformed mail with a Chinese message', () => {
    expect(() => addOutcome({ requestType: 'copyright', sent: '2026/11/20' })).toThrow(OutcomeInputError);
    expect(() => addOutcome({ requestType: 'copyright', sent: '2099-01-01' })).toThrow(/晚于今天/);
    expect(() => addOutcome({ requestType: '' })).toThrow('请选择诉求类型');
    expect($outcomes.get()).toEqual([]);
  });

  it('updateOutcome changes and clears fields; removeOutcome and restoreOutcome undo each other', () => {
    const first = addOutcome({ requestType: 'copyright', sent: '2026-11-20', note: '备注' });
    const second = addOutcome({ requestType: 'copyright', sent: '2026-11-21' });
    const updated = updateOutcome(first.id, { firstReply: '2026-11-25', resolved: 'yes', note: undefined });
    expect(updated).toEqual({ ...first, firstReply: '2026-11-25', resolved: 'yes', note: undefined });
    expect('note' in updated).toBe(false);
    expect(() => updateOutcome(first.id, { firstReply: '2026-11-19' })).toThrow('早于发送日期');
    expect(() => updateOutcome('missing', {})).toThrow('找不到编号为“missing”的记录');

    expect(removeOutcome(first.id)).toEqual(updated);
    expect(removeOutcome(first.id)).toBeNull();
    expect($outcomes.get()).toEqual([second]);
    restoreOutcome(updated, 0);
    expect($outcomes.get()).toEqual([updated, second]);
  });

  it('importIntoLog merges by id', () => {
    const entry = { id: 'x', requestType: 'copyright', sent: '2026-11-20', resolved: 'no' as const };
    expect(importIntoLog([entry])).toMatchObject({ added: 1, updated: 0, unchanged: 0 });
    expect(importIntoLog([entry])).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    expect(importIntoLog([{ ...entry, resolved: 'yes' }])).toMatchObject({ added: 0, updated: 1 });
    expect($outcomes.get()).toEqual([{ ...entry, resolved: 'yes' }]);
    clearOutcomes();
    expect($outcomes.get()).toEqual([]);
  });
});
