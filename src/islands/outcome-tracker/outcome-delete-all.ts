/**
 * “全部删除” of <outcome-tracker>: deleting the whole log cannot be undone, so the button only
 * opens a confirmation (focus on 取消; Escape cancels too).
 */
import { $outcomes, clearOutcomes } from '../shared/outcome-store';

export interface DeleteAllDeps {
  say: (text: string) => void;
  /** Forgets what referred to the deleted entries (the undo line, the entry being edited). */
  onCleared: () => void;
}

export function wireDeleteAll(root: HTMLElement, { say, onCleared }: DeleteAllDeps) {
  const q = <T extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const clear = q<HTMLButtonElement>('[data-clear]');
  const confirm = q('[data-confirm]');
  const closeConfirm = () => {
    confirm.hidden = true;
    clear.setAttribute('aria-expanded', 'false');
    clear.focus();
  };
  const cancel = () => {
    closeConfirm();
    say('已取消，记录都还在。');
  };

  clear.setAttribute('aria-expanded', 'false');
  clear.addEventListener('click', () => {
    const count = $outcomes.get().length;
    if (count === 0) {
      say('没有可删除的记录。');
      return;
    }
    q('[data-confirm-text]').textContent = `确定删除全部 ${count} 条记录吗？删除后无法恢复，建议先导出一份。`;
    confirm.hidden = false;
    clear.setAttribute('aria-expanded', 'true');
    q<HTMLButtonElement>('[data-confirm-no]').focus();
  });
  q('[data-confirm-no]').addEventListener('click', cancel);
  confirm.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') cancel();
  });
  q('[data-confirm-yes]').addEventListener('click', () => {
    const count = $outcomes.get().length;
    clearOutcomes();
    onCleared();
    closeConfirm();
    say(`已删除全部 ${count} 条记录。`);
  });
}
