import { ownValue } from '../../lib/own-value';
import type { TemplateSummary } from '../../data/template-data';
import { $draft, $storageProblem, $subject, $templateUse } from '../shared/stores';
import { keepPreviousDraft } from '../shared/previous-draft';
import { copyText, sayBeside } from '../shared/clipboard';
import { defineIsland } from '../shared/define-island';

/** "使用此模板": the template goes into the subject and draft checkers (nanostores, saved in
 * this browser) with its revision, then the tools page opens with both checkers filled. */
class TemplateGallery extends HTMLElement {
  connectedCallback() {
    const templates = JSON.parse(this.dataset.templates!) as Record<string, TemplateSummary>;
    const base = this.dataset.base ?? '/';
    this.addEventListener('click', (event) => {
      const copy = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-copy-template]');
      if (copy) return void this.#copy(copy);
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-use-template]');
      const id = button?.dataset.useTemplate;
      const template = id === undefined ? undefined : ownValue(templates, id);
      if (!button || !id || !template) return;
      // What the reader had is kept one step back; the tools page offers to restore it.
      if ($draft.get() !== template.body) keepPreviousDraft(`使用模板“${template.title}”`, true);
      $subject.set(template.subject);
      $draft.set(template.body);
      $templateUse.set({ id, revision: template.revision, ruleset: template.ruleset });
      const problem = $storageProblem.get();
      if (problem) {
        // Storage is blocked or full: the tools page would open empty. Stay, and say so here.
        this.#sayCannotCarry(button, problem, template.title, base);
        return;
      }
      this.querySelector('[data-status]')!.textContent = `已填入模板“${template.title}”，正在打开检查工具……`;
      location.assign(`${base}tools/`);
    });
  }

  /** 复制主题 / 复制正文: the template as shown (with its 【blanks】), confirmed beside the button. */
  async #copy(button: HTMLButtonElement) {
    const part = button.dataset.copyTemplate === 'subject' ? 'subject' : 'body';
    const shown = button.closest('[data-template]')?.querySelector(`[data-template-${part}]`);
    const what = part === 'subject' ? '主题' : '正文';
    const copied = await copyText(shown?.textContent ?? '');
    sayBeside(
      button,
      this.querySelector<HTMLElement>('[data-status]')!,
      copied ? `已复制${what}。` : `无法自动复制：请手动选中上面的${what}再复制。`,
      copied,
    );
  }

  #sayCannotCarry(button: HTMLButtonElement, problem: 'unavailable' | 'full', title: string, base: string) {
    const row = button.closest('p')!;
    let warning = row.nextElementSibling;
    if (!(warning instanceof HTMLElement) || !warning.matches('[data-storage-warning]')) {
      warning = document.createElement('p');
      warning.className = 'ks-checker__storage';
      (warning as HTMLElement).dataset.storageWarning = '';
      warning.setAttribute('role', 'alert');
      row.after(warning);
    }
    const link = document.createElement('a');
    link.href = `${base}tools/`;
    link.textContent = '打开检查工具';
    const cause = problem === 'full' ? '浏览器存储空间已满或不允许写入' : '浏览器禁止了本地存储';
    warning.replaceChildren(
      `${cause}，模板“${title}”无法带到检查工具页。请复制上面的主题和正文，`,
      link,
      '后粘贴进去。',
    );
  }
}

defineIsland('template-gallery', TemplateGallery);
