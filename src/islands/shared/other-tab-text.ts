import type { WritableAtom } from 'nanostores';
import { el } from './dom';

/**
 * Another tab saved a different version of a text this page shows (the window's `storage`
 * event; stores.ts does not apply it to typed text). The field keeps what this tab has, and a
 * notice before `place` offers the other version: 载入 puts it in the field, 保留 saves this
 * tab's text (so the other tab now gets the same offer). An empty field simply takes the other
 * version: nothing of this tab's is lost. Not a merge: the reader chooses one whole text.
 * Returns the function that stops watching.
 */
export function offerOtherTabText(
  field: HTMLInputElement | HTMLTextAreaElement,
  place: HTMLElement,
  store: WritableAtom<string>,
  key: string,
  what: string,
  show: (text: string) => void,
): () => void {
  let notice: HTMLElement | null = null;
  const close = () => {
    notice?.remove();
    notice = null;
  };
  const take = (text: string) => {
    close();
    show(text);
    store.set(text);
  };
  const choose = (text: string) => {
    take(text);
    field.focus();
  };
  const offer = (theirs: string) => {
    close();
    const load = el('button', { type: 'button', 'data-load-other-tab': '' }, '载入那个版本');
    const keep = el('button', { type: 'button', 'data-keep-this-tab': '' }, '保留这里的');
    load.addEventListener('click', () => choose(theirs));
    keep.addEventListener('click', () => choose(field.value));
    notice = el(
      'div',
      { class: 'ks-checker__storage ks-other-tab', 'data-other-tab': key },
      el(
        'p',
        { role: 'status' },
        `另一个标签页里有更新的版本：那里的${what}已改为 ${theirs.length.toLocaleString('zh-CN')} 字，这里的 ${field.value.length.toLocaleString('zh-CN')} 字没有被替换。`,
      ),
      load,
      ' ',
      keep,
    );
    place.before(notice);
  };
  const onStorage = (event: StorageEvent) => {
    // key null: the other tab cleared all of this site's storage.
    if (event.key !== key && event.key !== null) return;
    const theirs = event.key === null ? '' : (event.newValue ?? '');
    if (theirs === field.value) close();
    else if (field.value === '') take(theirs);
    else offer(theirs);
  };
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener('storage', onStorage);
    close();
  };
}
