import { $draft, $subject, $templateUse, persistentJson, type TemplateUse } from './stores';

/**
 * The draft that a destructive action (清除我的草稿, 使用此模板 over a draft) replaced, kept in
 * this browser so it can be brought back: one step of undo that survives the page change a
 * template causes. Restoring swaps, so the restore itself can be undone. Not a history: only
 * the last replaced version is kept.
 */
export interface PreviousDraft {
  draft: string;
  /** The subject it replaced too (a template fills both), or null when only the draft went. */
  subject: string | null;
  template: TemplateUse | null;
  /** Why it was replaced, shown as “…前的草稿”. */
  reason: string;
}

const isPreviousDraft = (value: unknown): value is PreviousDraft | null => {
  if (value === null) return true;
  const candidate = value as PreviousDraft;
  return (
    typeof value === 'object' &&
    typeof candidate.draft === 'string' &&
    (candidate.subject === null || typeof candidate.subject === 'string') &&
    typeof candidate.reason === 'string'
  );
};

export const $previousDraft = persistentJson<PreviousDraft | null>(
  'ksmail:previous-draft',
  null,
  isPreviousDraft,
);

const current = (withSubject: boolean, reason: string): PreviousDraft => ({
  draft: $draft.get(),
  subject: withSubject ? $subject.get() : null,
  template: $templateUse.get(),
  reason,
});

const worthKeeping = (kept: PreviousDraft) => kept.draft.trim() !== '' || !!kept.subject?.trim();

/** Keeps what is there now before it is replaced; an empty draft (and subject) replaces nothing. */
export function keepPreviousDraft(reason: string, withSubject: boolean): void {
  const kept = current(withSubject, reason);
  if (worthKeeping(kept)) $previousDraft.set(kept);
}

/** Brings the kept version back, keeping the one it replaces in its place. */
export function restorePreviousDraft(): void {
  const previous = $previousDraft.get();
  if (!previous) return;
  const replaced = current(previous.subject !== null, '恢复上一版本');
  $draft.set(previous.draft);
  if (previous.subject !== null) $subject.set(previous.subject);
  $templateUse.set(previous.template ?? null);
  $previousDraft.set(worthKeeping(replaced) ? replaced : null);
}
