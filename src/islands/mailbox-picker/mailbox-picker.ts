import { copyText, sayBeside } from '../shared/clipboard';
import { $requestType } from '../shared/stores';
import { watchStorage } from '../shared/storage-warning';

/** <mailbox-picker>: shows the panel of the chosen need and shares the choice via $requestType. */
class MailboxPicker extends HTMLElement {
  #unsubscribe: (() => void)[] = [];

  connectedCallback() {
    const status = this.querySelector<HTMLElement>('[data-picker-status]')!;
    this.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      if (input.name !== 'ks-request-type') return;
      $requestType.set(input.value);
      // The panel that appears is the answer; said politely for those who cannot see it appear.
      const panel = this.querySelector<HTMLElement>(`[data-route-panel="${CSS.escape(input.value)}"]`);
      const to = panel?.querySelector('[data-field="to"]')?.textContent ?? '';
      status.textContent = `已选择“${input.parentElement?.textContent?.trim() ?? ''}”：收件人 ${to}，下面列出抄送、主题写法和官方网页渠道。`;
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

customElements.define('mailbox-picker', MailboxPicker);
