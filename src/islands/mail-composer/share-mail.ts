/**
 * Hands the finished mail to the system share sheet (Web Share API level 2): the subject as the
 * title, the plain-text body as the text, and the attachments as files, for a phone's mail app.
 * Loaded as soon as the composer finds that the browser can share files, so that the share
 * itself starts within the click's user activation. Not the check that it may be offered (the
 * composer's `canShareFiles`), and not the copy flow for browsers without it.
 */
import type { OutgoingFile } from './eml-draft';

export interface ShareRequest {
  subject: string;
  /** The body as plain text (no ** marks). */
  text: string;
  files: readonly OutgoingFile[];
  /** The recipients, to say where to type them: a share sheet cannot carry them. */
  recipients: string;
}

/** Shares the mail; resolves to what to tell the user (never rejects). */
export async function shareMail(request: ShareRequest): Promise<{ ok: boolean; message: string }> {
  const files = request.files.map((file) => new File([file.blob], file.name, { type: file.type }));
  const textOnly: ShareData = { title: request.subject, text: request.text };
  const withFiles: ShareData = { ...textOnly, files };
  // Browsers share only some file types (Chromium's list has no .zip or .eml): the text still
  // goes, and the user is told which files to add by hand.
  const filesGo = files.length > 0 && navigator.canShare(withFiles);
  try {
    await navigator.share(filesGo ? withFiles : textOnly);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError')
      return { ok: false, message: '已取消分享，邮件没有交出。' };
    return {
      ok: false,
      message: `无法打开系统分享（${(error as Error).message}）：请改用下面的逐项复制。`,
    };
  }
  const to = request.recipients
    ? `系统分享不能带上收件人：请在邮件 App 里填写 ${request.recipients}（可点“复制收件人”）`
    : '还没有收件人：请在邮件 App 里填写';
  const leftOut =
    files.length > 0 && !filesGo
      ? `这个浏览器不允许分享 ${request.files.map((file) => file.name).join('、')}：只交出了主题和正文，请在邮件 App 里手动添加附件（先从附件检查的下载链接保存到手机）。`
      : '';
  return { ok: true, message: `已交给系统分享。${to}，核对主题、正文和附件后再发送。${leftOut}` };
}
