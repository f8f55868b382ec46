/**
 * 「已发送，记入案卷」, loaded on that click (the composer's first load is at its budget): the
 * choice of case (this browser's cases on the shelf `ksmail:cases`, newest first, or a new case
 * of the request type chosen in 选择诉求), then the `mail` step — Beijing date and time now,
 * subject, To, Cc, the SHA-256 of the .eml's exact bytes and of the attached evidence package —
 * saved the way the case file saves (saveShelf: merged with another tab's edits, which then sees
 * it). The .eml and the package themselves go to IndexedDB (case-files-store.ts) for the dossier.
 *
 * What it did is said beside the button, with a link to the case; storage full or blocked is
 * said in Chinese, never thrown. Not the mail (eml-draft.ts) nor the case logic (sent-mail.ts).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { parseMailboxEntry } from '../../lib/mail/address-parser';
import { parseAddressList, type MailMessage } from '../../lib/mail/mail-message';
import { shanghaiDate } from '../../lib/shanghai-time';
import { caseChoices, recordSentMail, sentMailStep } from '../../lib/case-file/sent-mail';
import { $foreignShelf, $shelf, CASES_KEY, editToken, randomId, saveShelf } from '../case-file/case-store';
import { keepCaseFiles, type KeptFile } from '../shared/case-files-store';
import { $evidencePackage } from '../shared/package-store';
import { readPageData } from '../shared/page-data';
import { $mailCc, $mailTo, $requestType, $templateUse } from '../shared/stores';
import { emlDraft, handedEml, type OutgoingFile } from './eml-draft';

/** What the composer element offers this chunk (mail-composer.ts). */
export interface RecordHost extends HTMLElement {
  message(): MailMessage;
  outgoingFiles(): OutgoingFile[];
  attachmentPlan(): { mode: 'package' | 'files' };
  readonly boldFigures: boolean;
}

const NEW_CASE = 'new';
const $ = <T extends HTMLElement = HTMLElement>(host: HTMLElement, selector: string) =>
  host.querySelector<T>(selector)!;

const kept = (bytes: Uint8Array): KeptFile => ({ sha256: bytesToHex(sha256(bytes)), bytes });

/** Says what happened under the button (a polite live region), with a link when there is one. */
function tell(host: HTMLElement, text: string, ok: boolean, link?: { href: string; text: string }) {
  const status = $(host, '[data-record-status]');
  status.dataset.ok = String(ok);
  const anchor = link && Object.assign(document.createElement('a'), link);
  status.replaceChildren(text, ...(anchor ? [' ', anchor] : []));
}

/** Whether storage now holds the step: saveShelf keeps the shelf in memory when it cannot save. */
function persisted(stepId: string): boolean {
  try {
    return window.localStorage.getItem(CASES_KEY)?.includes(JSON.stringify(stepId)) ?? false;
  } catch {
    return false;
  }
}

/** Shows the choice of case: the saved ones newest first, then 新建案卷. */
export function openRecord(host: RecordHost) {
  const form = $(host, '[data-record-form]');
  const select = $<HTMLSelectElement>(host, '[data-record-case]');
  const subject = host.message().subject;
  select.replaceChildren(
    ...caseChoices($shelf.get()).map(
      (choice) =>
        new Option(
          `${choice.title}（${shanghaiDate(Date.parse(choice.updatedAt))} 修改，${choice.steps} 步）`,
          choice.id,
        ),
    ),
    new Option(subject ? `新建案卷：${subject}` : '新建案卷', NEW_CASE),
  );
  // Wired once: the form stays in the page, each press only refills the choice.
  if (form.dataset.wired === undefined) {
    form.dataset.wired = '';
    $(host, '[data-record-confirm]').addEventListener('click', () => void record(host));
    $(host, '[data-record-cancel]').addEventListener('click', () => {
      form.hidden = true;
      tell(host, '', true);
      $(host, '[data-record-sent]').focus();
    });
  }
  form.hidden = false;
  tell(host, '选择这封邮件属于哪个案卷，再按“记入这个案卷”。', true);
  select.focus();
}

/** The .eml of the mail as it stands, as bytes; or why there is none (the step is still recorded). */
async function emlBytes(host: RecordHost): Promise<Uint8Array | string> {
  const message = host.message();
  const list = (text: string) => parseAddressList(text, parseMailboxEntry).mailboxes;
  try {
    const request = {
      to: list($mailTo.get()),
      cc: list($mailCc.get()),
      subject: message.subject,
      body: message.body,
      boldFigures: host.boldFigures,
      files: host.outgoingFiles(),
      mailLimits: readPageData('checker').ruleset.mailLimits ?? [],
    };
    // The very file downloaded, when the mail has not changed since (its hash is the one to keep).
    const downloaded = handedEml(request);
    if (downloaded !== null) return new TextEncoder().encode(downloaded);
    const draft = await emlDraft(request);
    return 'refusal' in draft ? draft.refusal : new TextEncoder().encode(draft.eml);
  } catch {
    return '附件文件已被移动或修改，读不到它们。';
  }
}

/** Records the mail into the chosen case; says what it did. */
async function record(host: RecordHost) {
  const confirm = $<HTMLButtonElement>(host, '[data-record-confirm]');
  const choice = $<HTMLSelectElement>(host, '[data-record-case]').value;
  confirm.disabled = true;
  tell(host, '正在记入案卷……', true);
  try {
    const message = host.message();
    const eml = await emlBytes(host);
    const built = $evidencePackage.get();
    const attached = built && host.attachmentPlan().mode === 'package' ? built.blob : null;
    const files = [
      ...(typeof eml === 'string' ? [] : [kept(eml)]),
      ...(attached ? [kept(new Uint8Array(await attached.arrayBuffer()))] : []),
    ];
    const now = Date.now();
    const step = sentMailStep(
      randomId('s'),
      {
        subject: message.subject,
        to: message.to,
        cc: message.cc,
        emlSha256: typeof eml === 'string' ? undefined : files[0]!.sha256,
        packageSha256: attached ? files.at(-1)!.sha256 : undefined,
        template: $templateUse.get(),
      },
      now,
    );
    const target =
      choice === NEW_CASE
        ? { newCase: { id: randomId('c'), requestType: $requestType.get() } }
        : { caseId: choice };
    const result = recordSentMail($shelf.get(), target, step, now, {
      create: editToken(),
      edit: editToken(),
    });
    if (!result.ok) return tell(host, result.message, false);
    saveShelf(result.shelf);
    if (!persisted(step.id))
      return tell(
        host,
        $foreignShelf.get()
          ? '本浏览器里保存的案卷来自本站更新的版本（或已损坏），这里不会覆盖它：这封邮件没有记入案卷。请用最新版本的本站打开。'
          : '浏览器存储已满或不允许本站保存：这封邮件没有记入案卷（只在这个页面里）。请清理浏览器存储后再按一次，或到案卷页手动记下这一步。',
        false,
      );
    const filesKept = await keepCaseFiles(files);
    $(host, '[data-record-form]').hidden = true;
    const names = [typeof eml === 'string' ? '' : '.eml', attached ? '证据包' : '']
      .filter(Boolean)
      .join(' 和');
    tell(
      host,
      [
        `已记入案卷“${result.caseFile.title}”${result.created ? '（新建）' : ''}：${step.date} ${step.time}（北京时间）发出的邮件“${step.subject || '（无主题）'}”`,
        names ? `，已记下 ${names} 的 SHA-256。` : '。',
        typeof eml === 'string' ? `没有生成 .eml：${eml}` : '',
        !files.length
          ? ''
          : filesKept
            ? `${names} 已存进本浏览器，导出案卷（ZIP）时会一并放入。`
            : `${names} 没能存进本浏览器（存储空间不足，或浏览器不允许本站保存文件）：导出的案卷会把它们标为“未放入案卷”，请自己保留这些文件。`,
      ].join(''),
      true,
      {
        href: `${host.dataset.base ?? '/'}tools/case/#case=${encodeURIComponent(result.caseFile.id)}`,
        text: '打开案卷',
      },
    );
  } catch (problem) {
    tell(host, `无法记入案卷：${(problem as Error).message}`, false);
  } finally {
    confirm.disabled = false;
  }
}
