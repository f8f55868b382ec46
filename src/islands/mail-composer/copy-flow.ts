/**
 * The composer's copy flow, for a phone's mail app or a web mailbox: the recipients, the
 * subject and the body (plain, or rich with bold figures and tables), each from its own button,
 * each answered beside that button. A chunk loaded once there is text to copy. Not the share
 * sheet (share-mail.ts) and not the refusal of a mail with blanks left (the composer's).
 */
import { plainBody } from '../../lib/mail/plain-text';
import { copyText } from '../shared/clipboard';
import { $draft, $subject } from '../shared/stores';

export interface CopyRequest {
  /** The button pressed: its data-copy says what to copy (to, cc, subject, text, rich). */
  button: HTMLElement;
  /** The composer, whose preview the rich copy falls back to. */
  host: HTMLElement;
  /** Says how it went, beside the button. */
  tell: (text: string, ok: boolean) => void;
  /** True (and said) when blanks are left in the subject or the body. */
  refuseUnfilled: () => Promise<boolean>;
  addresses: (cc: boolean) => string[];
  mailHtml: (body: string) => Promise<string>;
}

export async function copyItem(request: CopyRequest): Promise<void> {
  const { button, tell } = request;
  const kind = button.dataset.copy;
  if (kind === 'to' || kind === 'cc') {
    const label = kind === 'cc' ? '抄送' : '收件人';
    const addresses = request.addresses(kind === 'cc');
    if (addresses.length === 0) return tell(`还没有${label}地址可复制。`, false);
    const copied = await copyText(addresses.join(', '));
    return tell(copied ? `${label}已复制。` : `无法自动复制，请在上面的${label}栏里手动选中复制。`, copied);
  }
  if (kind === 'subject') {
    const subject = $subject.get().trim();
    if (!subject) return tell('还没有主题可复制。', false);
    if (await request.refuseUnfilled()) return;
    const copied = await copyText(subject);
    return tell(copied ? '主题已复制。' : '无法自动复制，请在主题检查里手动选中复制。', copied);
  }
  const body = $draft.get();
  if (!body.trim()) return tell('还没有正文可复制。', false);
  if (await request.refuseUnfilled()) return;
  if (kind === 'rich') return copyRich(request, body);
  // Plain text: **bold** marks go, the figures stay (the rich copy shows them bold).
  const copied = await copyText(plainBody(body));
  tell(copied ? '正文（纯文本）已复制。' : '无法自动复制，请在正文检查里手动选中复制。', copied);
}

/** text/html plus text/plain, so a paste into web mail keeps bold figures and tables. */
async function copyRich(request: CopyRequest, body: string) {
  const { tell, host } = request;
  let html: string;
  try {
    html = await request.mailHtml(body);
  } catch (problem) {
    return tell(`无法复制富文本：${(problem as Error).message}`, false);
  }
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([plainBody(body)], { type: 'text/plain' }),
      }),
    ]);
    tell('正文（富文本）已复制：粘贴到网页邮箱或邮件程序的正文里，加粗和表格会保留。', true);
  } catch {
    // Older browsers: copy the rendered preview as a selection, which carries its formatting.
    const preview = host.querySelector<HTMLElement>('[data-preview]')!;
    host.querySelector('details')!.open = true;
    const range = document.createRange();
    range.selectNodeContents(preview);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    tell(
      copied
        ? '正文（富文本）已复制。'
        : '浏览器不允许自动复制富文本：预览已展开并选中，请按 Ctrl+C（Mac 上按 ⌘C）复制。',
      copied,
    );
  }
}
