/**
 * The "记一步" form: shows the fields of the chosen kind of step and reads them into a step.
 * Only what the form can tell (a missing date, a mail without a subject); the schema checks the
 * rest when the case is saved (case-file.ts), with its Chinese messages.
 */
import type { CaseStep, StepKind } from '../../lib/case-file/case-schema';

export function showStepFields(form: HTMLFormElement, kind: string) {
  for (const row of form.querySelectorAll<HTMLElement>('[data-for]')) row.hidden = row.dataset.for !== kind;
}

const list = (text: string) =>
  text
    .split(/[,，;；\s]+/)
    .map((item) => item.trim())
    .filter(Boolean);

/** The step the form describes, or a message saying what is missing. */
export function readStepForm(form: HTMLFormElement, id: string): CaseStep | string {
  const value = (name: string) =>
    ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '').trim();
  const optional = (name: string) => value(name) || undefined;
  const kind = value('kind') as StepKind;
  const date = value('date');
  if (!date) return '请填写这一步的日期（北京时间）。';
  const base = {
    id,
    date,
    ...(value('time') ? { time: value('time') } : {}),
    ...(value('note') ? { note: value('note') } : {}),
    ...(value('clock') ? { clock: value('clock') } : {}),
  };
  const clean = <T extends object>(step: T) =>
    Object.fromEntries(Object.entries(step).filter(([, field]) => field !== undefined)) as T;
  switch (kind) {
    case 'appeal':
      return clean({
        ...base,
        kind,
        reference: optional('appealReference'),
        screenshot: optional('screenshot'),
      });
    case 'mail': {
      if (!value('subject')) return '请填写邮件主题：跟进和升级时要引用它。';
      const cc = list(value('cc'));
      return clean({
        ...base,
        kind,
        subject: value('subject'),
        to: list(value('to')),
        cc: cc.length ? cc : undefined,
        emlSha256: optional('emlSha256')?.toLowerCase(),
        packageSha256: optional('packageSha256')?.toLowerCase(),
      });
    }
    case 'call':
      return clean({ ...base, kind, who: optional('who'), ticket: optional('ticket') });
    case 'reply':
      return {
        ...base,
        kind,
        said: value('said'),
        result: value('result') as 'resolved' | 'rejected' | 'pending',
      };
    case 'escalation':
      return clean({
        ...base,
        kind,
        channel: value('channel') || 'other',
        reference: optional('escalationReference'),
      });
    default:
      return '请选择做了什么。';
  }
}
