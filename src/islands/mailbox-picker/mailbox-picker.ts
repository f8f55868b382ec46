import { matchCase, unknownCaseText, withoutCaseParam } from '../../lib/case-param';
import { copyText, sayBeside } from '../shared/clipboard';
import { $requestType } from '../shared/stores';
import { caseParam } from '../shared/case-param';
import { watchStorage } from '../shared/storage-warning';
import { defineIsland } from '../shared/define-island';

/**
 * <mailbox-picker>: shows the panel of the chosen case and shares the choice via $requestType;
 * `?case=<id>` chooses it from a link. An unknown id is said (as text) with the list of cases,
 * and the stored choice stays.
 */
class MailboxPicker extends HTMLElement {
  #unsubscribe: (() => void)[] = [];

  connectedCallback() {
    const status = this.querySelector<HTMLElement>('[data-picker-status]')!;
    this.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      if (input.name !== 'ks-request-type') return;
      $requestType.set(input.value);
      this.#hideUnknown();
      // The panel that appears is the answer; said politely for those who cannot see it appear.
      // It names the first channel and a To only when there is one: a contradicted fallback is
      // never announced as the recipient.
      const panel = this.querySelector<HTMLElement>(`[data-route-panel="${CSS.escape(input.value)}"]`);
      const to = panel?.dataset.to ? `邮件收件人 ${panel.dataset.to}` : '邮件收件人留空';
      status.textContent = `已选择“${input.parentElement?.textContent?.trim() ?? ''}”：先做这一步——${panel?.dataset.first ?? ''}；${to}。下面列出详情。`;
    });
    this.addEventListener('click', async (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-copy]');
      if (!button) return;
      const text = button.dataset.copy ?? '';
      // Beside the button: the status line is for screen readers only, and the panel is long.
      const copied = await copyText(text);
      sayBeside(
        button,
        status,
        copied ? `已复制：${text}` : `无法自动复制：请手动选中这一行的 ${text} 再复制。`,
        copied,
      );
    });
    this.#applyCaseParam();
    this.#unsubscribe.push(
      $requestType.subscribe((id) => this.#show(id)),
      watchStorage(
        this.querySelector<HTMLElement>('[data-storage-warning]')!,
        '你选择的诉求',
        '刷新页面后需要重新选择',
      ),
    );
  }

  disconnectedCallback() {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
  }

  /** `?case=<id>`: a known id becomes the choice (and leaves the address bar, so a reload keeps
   * what the reader changed since); an unknown one is reported and changes nothing. */
  #applyCaseParam() {
    if (caseParam === null) return;
    const match = matchCase(caseParam, JSON.parse(this.dataset.cases ?? '[]') as string[]);
    if (match.kind === 'known') {
      $requestType.set(match.id);
      history.replaceState(
        history.state,
        '',
        `${location.pathname}${withoutCaseParam(location.search)}${location.hash}`,
      );
      return;
    }
    const box = this.querySelector<HTMLElement>('[data-case-unknown]')!;
    box.querySelector('[data-case-unknown-text]')!.textContent = unknownCaseText(match.shown);
    box.hidden = false;
  }

  #hideUnknown() {
    this.querySelector<HTMLElement>('[data-case-unknown]')!.hidden = true;
  }

  #show(id: string) {
    let found = false;
    for (const panel of this.querySelectorAll<HTMLElement>('[data-route-panel]')) {
      const match = panel.dataset.routePanel === id;
      panel.hidden = !match;
      found ||= match;
    }
    for (const input of this.querySelectorAll<HTMLInputElement>('input[name="ks-request-type"]')) {
      input.checked = input.value === id;
    }
    this.querySelector<HTMLElement>('[data-picker-empty]')!.hidden = found;
  }
}

defineIsland('mailbox-picker', MailboxPicker);
