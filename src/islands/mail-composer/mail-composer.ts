import type { FindingsDigest } from '../../lib/rules/draft-view';
import { formatBytes } from '../../lib/byte-size';
import type { MailBlock } from '../../lib/mail/mail-body';
import { mailtoLink, parseAddressList, type MailMessage } from '../../lib/mail/mail-message';
import { plainBody } from '../../lib/mail/plain-text';
import {
  readinessProblems,
  unfilledPlaceholders,
  type KnownMailbox,
  type ReadinessTarget,
} from '../../lib/mail/mail-readiness';
import { mailAttachmentPlan, type MailAttachmentPlan } from '../../lib/mail/mail-attachments';
import { ownValue } from '../../lib/own-value';
import type { CompiledRules } from '../../lib/rules/rules-engine';
import { SEVERITY_LABELS, type Finding } from '../../lib/rules/ruleset';
import { shanghaiDate } from '../../lib/shanghai-time';
import type { CheckerData } from '../../data/site-data';
import { sayBeside } from '../shared/clipboard';
import { downloadBlob } from '../shared/download';
import { lazyChunk } from '../shared/lazy-chunk';
import {
  $attachmentFindings,
  $attachments,
  $draft,
  $mailCc,
  $mailTo,
  $requestType,
  $subject,
} from '../shared/stores';
import { $evidencePackage, $evidencePackageGone } from '../shared/package-store';
import { caseParam } from '../shared/case-param';
import { readPageData } from '../shared/page-data';
import { watchStorage } from '../shared/storage-warning';
import { offerOtherTabText } from '../shared/other-tab-text';
import { defineIsland } from '../shared/define-island';

interface RouteAddresses {
  need: string;
  /** '' where the routing table has no usable mailbox: the fallback is never pre-filled. */
  to: string;
  cc: string[];
  subjectType: string;
  /** The channel(s) to use first, with where they are (App path or address). */
  first: string;
}

/** Where each problem is fixed: the checker on this page, or the tools page. */
const TARGETS: Record<ReadinessTarget, { selector: string; label: string }> = {
  to: { selector: 'mail-composer [data-to]', label: '修改收件人' },
  cc: { selector: 'mail-composer [data-cc]', label: '修改抄送' },
  subject: { selector: 'subject-checker [data-input]', label: '去修改主题' },
  draft: { selector: 'draft-checker [data-input]', label: '去修改正文' },
  attachments: { selector: 'attachment-checker input[type="file"]', label: '去检查附件' },
};

// Code needed only once there is a body to show or hand over, or a mail to record into a case.
const richText = lazyChunk(() => import('./rich-preview'), '富文本正文的代码');
// The MIME writer and the shared size refusal: only when a draft is downloaded.
const emlCode = lazyChunk(() => import('./eml-draft'), '生成 .eml 的代码');
// The copy flow (recipients, subject, plain and rich body): loaded once there is text to copy.
const copyCode = lazyChunk(() => import('./copy-flow'), '复制的代码');
const shareCode = lazyChunk(() => import('./share-mail'), '系统分享的代码');
// The RFC 5322 parser for recipients with display names (张三 <a@b.com>): 3.4 KB gzip, loaded
// when the island starts; until then such entries are neither valid nor invalid (pending).
const addressCode = lazyChunk(() => import('../../lib/mail/address-parser'), '读取收件人地址的代码');
const addressList = (text: string) => parseAddressList(text, addressCode.current?.parseMailboxEntry);
// Drafts long enough to need the worker are rare: its code loads the first time one appears.
const checksCode = lazyChunk(() => import('./composer-checks'), '检查主题和正文的代码');
const longDraftCode = lazyChunk(() => import('../shared/long-draft-check'), '检查长草稿的代码');
const recordCode = lazyChunk(() => import('./record-sent'), '记入案卷的代码');

// Checking the whole draft again on every keystroke would double the draft checker's work:
// the composer catches up once typing pauses.
const UPDATE_DELAY_MS = 250;
/** Characters of the body the rich-text preview shows. */
const PREVIEW_LIMIT = 20_000;

/**
 * Whether this browser's share sheet takes files (Web Share API level 2: phones, some desktops).
 * Feature-tested with a plain text file; the real files are tested again when shared.
 */
function canShareFiles(): boolean {
  try {
    return (
      typeof navigator.share === 'function' &&
      typeof navigator.canShare === 'function' &&
      navigator.canShare({ files: [new File(['.'], 'a.txt', { type: 'text/plain' })] })
    );
  } catch {
    return false;
  }
}

/** <mail-composer>: reads the shared stores, shows what is wrong, hands the mail over. */
class MailComposer extends HTMLElement {
  #unsubscribe: (() => void)[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #data!: CheckerData;
  /** Compiled the first time there is something to check. */
  #rules: CompiledRules | undefined;
  #routes: Record<string, RouteAddresses> = {};
  #mailboxes: KnownMailbox[] = [];
  /** The draft and subject last checked, with their findings (checked again only on change). */
  #checked = {
    subject: '',
    type: '',
    /** The reader's case the findings were made in (the picker's choice). */
    route: '',
    subjectFindings: [] as Finding[],
    body: '',
    draftFindings: [] as Finding[] | FindingsDigest,
  };
  #base = '/';
  /** Counts preview requests, so a preview that waited for its code is dropped if a newer one came. */
  #previewGeneration = 0;
  /** The long draft being checked in the worker, if any. */
  #pendingBody: string | null = null;

  connectedCallback() {
    this.#data = readPageData('checker');
    this.#routes = JSON.parse(this.dataset.routes!) as Record<string, RouteAddresses>;
    this.#mailboxes = JSON.parse(this.dataset.mailboxes!) as KnownMailbox[];
    this.#base = this.dataset.base ?? '/';
    if (canShareFiles()) {
      this.querySelector<HTMLElement>('[data-share]')!.hidden = false;
      // Loaded now, so that a click shares at once, within its user activation.
      void shareCode.load().catch(() => undefined);
    }
    addressCode.load().then(
      () => this.update(),
      (error: unknown) => this.say((error as Error).message),
    );
    const to = this.querySelector<HTMLInputElement>('[data-to]')!;
    const cc = this.querySelector<HTMLInputElement>('[data-cc]')!;

    // The picker's choice fills the recipients; what the user typed is kept until they choose again.
    const fillFromRoute = (routeId: string) => {
      const route = ownValue(this.#routes, routeId);
      if (!route) return;
      $mailTo.set(route.to);
      $mailCc.set(route.cc.join(', '));
    };
    // A link's ?case= fills in the recipients of that case whichever island starts first (the
    // picker makes it the choice); otherwise an empty To takes the stored choice's.
    if (caseParam !== null && ownValue(this.#routes, caseParam)) fillFromRoute(caseParam);
    else if ($mailTo.get() === '' && $requestType.get()) fillFromRoute($requestType.get());
    to.value = $mailTo.get();
    cc.value = $mailCc.get();
    to.addEventListener('input', () => $mailTo.set(to.value));
    cc.addEventListener('input', () => $mailCc.set(cc.value));

    this.addEventListener('click', (event) => {
      const target = (event.target as HTMLElement).closest<HTMLElement>('button, a');
      if (!target) return;
      if (target.matches('[data-copy]')) void this.copy(target);
      else if (target.matches('[data-share]')) void this.share();
      else if (target.matches('[data-download-eml]')) void this.downloadEml();
      else if (target.matches('[data-record-sent]')) void this.recordSent();
      else if (target.matches('[data-go]')) this.goTo(target.dataset.go as ReadinessTarget);
    });
    this.querySelector('[data-bold-figures]')!.addEventListener('change', () => this.update());
    this.querySelector('[data-attach-loose]')!.addEventListener('change', () => this.update());

    const schedule = () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.update(), UPDATE_DELAY_MS);
    };
    const storageWarning = this.querySelector<HTMLElement>('[data-storage-warning]')!;
    this.#unsubscribe.push(
      $requestType.listen((routeId) => {
        fillFromRoute(routeId);
        schedule();
      }),
      $mailTo.listen((value) => {
        if (to.value !== value) to.value = value;
        schedule();
      }),
      $mailCc.listen((value) => {
        if (cc.value !== value) cc.value = value;
        schedule();
      }),
      $subject.listen(schedule),
      $draft.listen(schedule),
      $attachments.listen(schedule),
      $attachmentFindings.listen(schedule),
      $evidencePackage.listen(() => this.update()),
      $evidencePackageGone.listen(() => this.update()),
      watchStorage(storageWarning, '收件人', {
        full: '刷新页面前请自行复制',
        unavailable: '刷新页面后需要重新选择',
      }),
      // Recipients typed in another tab are offered, not written over these (see stores.ts).
      offerOtherTabText(to, to, $mailTo, 'ksmail:to', '收件人', (text) => (to.value = text)),
      offerOtherTabText(cc, cc, $mailCc, 'ksmail:cc', '抄送', (text) => (cc.value = text)),
    );
    this.update();
  }

  disconnectedCallback() {
    clearTimeout(this.#timer);
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
  }

  get boldFigures() {
    return this.querySelector<HTMLInputElement>('[data-bold-figures]')!.checked;
  }

  /** Package or loose files (mail-attachments.ts), from the stores and the reader's choice. */
  attachmentPlan(): MailAttachmentPlan {
    const built = $evidencePackage.get();
    return mailAttachmentPlan(
      $attachments.get().map(({ name, file, blocked }) => ({ name, size: file.size, blocked })),
      $attachmentFindings.get(),
      built && {
        name: built.name,
        size: built.blob.size,
        fileCount: built.fileCount,
        findings: built.findings,
      },
      this.querySelector<HTMLInputElement>('[data-attach-loose]')!.checked,
    );
  }

  /** The attachments as they go out, with their bytes: the package, or each chosen file. */
  outgoingFiles() {
    const built = $evidencePackage.get();
    if (built && this.attachmentPlan().mode === 'package')
      return [{ name: built.name, type: 'application/zip', blob: built.blob as Blob }];
    return $attachments
      .get()
      .filter((attachment) => !attachment.blocked)
      .map((attachment) => ({ name: attachment.name, type: attachment.type, blob: attachment.file as Blob }));
  }

  /** The mail as it stands, from the stores. */
  message(): MailMessage {
    return {
      to: addressList($mailTo.get()).addresses,
      cc: addressList($mailCc.get()).addresses,
      subject: $subject.get().trim(),
      body: $draft.get(),
      attachments: this.attachmentPlan().attachments,
    };
  }

  update() {
    clearTimeout(this.#timer);
    const subject = $subject.get().trim();
    const body = $draft.get();
    const type = ownValue(this.#routes, $requestType.get())?.subjectType ?? '';
    const checked = this.#checked;
    const code = checksCode.current;
    if (!code) {
      // Until the checks have loaded, the other problems are listed; update() runs again then.
      if (subject || body.trim())
        checksCode.load().then(
          () => this.update(),
          (error: unknown) => this.say((error as Error).message),
        );
    } else this.checkText(code, subject, type, body);
    // Copying starts within the click's user activation only if its code is already here.
    if ((subject || body.trim()) && !copyCode.current) void copyCode.load().catch(() => undefined);
    const plan = this.attachmentPlan();
    const problems = readinessProblems({
      to: addressList($mailTo.get()),
      cc: addressList($mailCc.get()),
      knownMailboxes: this.#mailboxes,
      subject,
      subjectFindings: checked.subjectFindings,
      body,
      draftFindings: checked.draftFindings,
      attachments: plan.listed,
      attachmentFindings: plan.findings,
    });

    this.querySelector('[data-subject]')!.textContent = subject || '（还没有主题）';
    this.renderAttachments(plan);

    const noMailbox = this.noMailboxText();
    const toNote = this.querySelector<HTMLElement>('[data-to-note]')!;
    toNote.hidden = noMailbox === null;
    toNote.textContent = noMailbox ?? '';
    const list = this.querySelector<HTMLElement>('[data-problems]')!;
    list.replaceChildren(
      ...problems.map((problem) => {
        if (noMailbox && problem.target === 'to' && problem.message.startsWith('还没有收件人'))
          problem = { ...problem, message: `还没有收件人。${noMailbox}` };
        const item = document.createElement('li');
        item.dataset.severity = problem.severity;
        item.dataset.target = problem.target;
        const badge = document.createElement('strong');
        badge.textContent = `${SEVERITY_LABELS[problem.severity]}：`;
        item.append(badge, problem.message, ' ', this.fixLink(problem.target));
        return item;
      }),
    );
    this.querySelector<HTMLElement>('[data-ready]')!.hidden = problems.length > 0;

    const mailto = mailtoLink(this.message());
    // A mail with blanks left is never handed over, by link either.
    const unfilled = this.unfilled();
    const link = this.querySelector<HTMLAnchorElement>('[data-mailto]')!;
    link.hidden = mailto.url === null || unfilled !== null;
    // Hidden without a usable link, yet still a link: an <a> without href is a dead placeholder
    // to crawlers, and a stale address must not linger in it.
    link.href = mailto.url && !unfilled ? mailto.url : 'mailto:';
    const note = this.querySelector<HTMLElement>('[data-mailto-note]')!;
    note.dataset.verdict = unfilled ? 'unfilled' : mailto.verdict;
    note.textContent =
      unfilled ??
      (noMailbox && mailto.verdict === 'no-recipient'
        ? `没有收件人，所以没有邮件链接。${noMailbox}`
        : mailto.message);

    this.renderPreview(body);
  }

  /** The attachment list, the package-or-files choice and what became of an earlier package. */
  renderAttachments(plan: MailAttachmentPlan) {
    const built = $evidencePackage.get();
    this.querySelector('[data-attachments]')!.replaceChildren(
      ...(plan.listed.length
        ? plan.listed.map((attachment) => {
            const item = document.createElement('li');
            item.dataset.name = attachment.name;
            item.textContent = `${attachment.name}（${formatBytes(attachment.size)}${attachment.isPackage ? `，证据包，含 ${built?.fileCount ?? 0} 个文件` : ''}）${attachment.blocked ? '：不会放进邮件' : ''}`;
            return item;
          })
        : [Object.assign(document.createElement('li'), { textContent: '没有选择附件' })]),
    );
    const loose = $attachments.get().filter((attachment) => !attachment.blocked).length;
    this.querySelector<HTMLElement>('[data-package-choice]')!.hidden = !built;
    this.querySelector('[data-loose-label]')!.textContent = `不用证据包，单独附上 ${loose} 个文件`;
    const gone = $evidencePackageGone.get();
    const note = this.querySelector<HTMLElement>('[data-package-note]')!;
    // The wording is in the markup (data-built, data-reload, data-stale): text there costs no script.
    const key = built ? 'built' : gone === 'reload' || (gone === 'stale' && loose > 0) ? gone : null;
    note.textContent = key ? note.dataset[key]! : '';
    note.hidden = note.textContent === '';
  }

  /**
   * Why To is empty, when it is empty because the chosen case has no usable mailbox: names the
   * channel to use first and leaves typing an address to the reader. Null otherwise.
   */
  noMailboxText(): string | null {
    const route = ownValue(this.#routes, $requestType.get());
    if (!route || route.to !== '' || addressList($mailTo.get()).addresses.length > 0) return null;
    return `“${route.need}”：原文没有给出可用的邮箱，收件人留空。请先走官方渠道：${route.first}。如果你有核实过的地址，可以自己填写。`;
  }

  /** Checks the subject and the draft again where they changed. */
  checkText(code: NonNullable<typeof checksCode.current>, subject: string, type: string, body: string) {
    const checked = this.#checked;
    const rules = (this.#rules ??= code.compileRules(
      this.#data.ruleset,
      this.#data.subjectTypes,
      this.#data.simplified,
    ));
    // The same case the checkers above use: a first-publication statement is evidence in an
    // infringement notice, and no object ID is asked for before an ad account exists.
    const route = $requestType.get();
    const inCase = route ? { context: route, unknownContext: 'infer' as const } : {};
    if (route !== checked.route) {
      checked.route = route;
      checked.subject = checked.body = '\u0000';
    }
    if (subject !== checked.subject || type !== checked.type) {
      const options = { ...inCase, ...(type ? { preferredType: type } : {}) };
      checked.subjectFindings = subject ? code.checkSubject(subject, rules, options).findings : [];
      checked.subject = subject;
      checked.type = type;
    }
    if (body !== checked.body && !code.isLongDraft(body)) {
      checked.draftFindings = body.trim()
        ? code.checkDraft(body, rules, { ...inCase, subject }).findings
        : [];
      checked.body = body;
    } else if (body !== checked.body && this.#pendingBody !== body) {
      // A long draft is checked in a worker (a megabyte would freeze the page); until the
      // answer comes the previous findings stand.
      this.#pendingBody = body;
      void longDraftCode
        .load()
        .then((longDraft) => longDraft.checkLongDraft(body, rules, { ...inCase, subject }))
        .then(
          (result) => {
            if ($draft.get() !== body) return;
            checked.draftFindings = result.findings;
            checked.body = body;
            this.update();
          },
          (error: unknown) => {
            this.#pendingBody = null;
            this.say((error as Error).message);
          },
        );
    }
  }

  /** A button that focuses the field to fix, when it is on this page; else a link to the tools page. */
  fixLink(target: ReadinessTarget): HTMLElement {
    const { selector, label } = TARGETS[target];
    if (document.querySelector(selector)) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.go = target;
      button.textContent = label;
      return button;
    }
    const link = document.createElement('a');
    link.href = `${this.#base}tools/`;
    link.textContent = `${label}（检查工具页）`;
    return link;
  }

  goTo(target: ReadinessTarget) {
    const field = document.querySelector<HTMLElement>(TARGETS[target].selector);
    if (!field) return;
    field.scrollIntoView({ block: 'center' });
    field.focus();
  }

  /**
   * The rich-text preview. Its code is loaded the first time the draft has text, so a composer
   * that has nothing to show yet (the usual first visit) does not download it.
   */
  renderPreview(body: string) {
    const preview = this.querySelector<HTMLElement>('[data-preview]')!;
    const generation = ++this.#previewGeneration;
    if (!body.trim()) return preview.replaceChildren();
    const options = { boldFigures: this.boldFigures };
    // Laying out a megabyte of preview would freeze the page: a long draft shows its beginning.
    const shown = body.length > PREVIEW_LIMIT ? body.slice(0, PREVIEW_LIMIT) : body;
    const truncated = shown !== body;
    if (richText.current)
      return this.drawPreview(richText.current, richText.current.mailBlocks(shown, options), truncated);
    richText.load().then(
      (code) => {
        if (generation === this.#previewGeneration)
          this.drawPreview(code, code.mailBlocks(shown, options), truncated);
      },
      (error: unknown) => {
        if (generation === this.#previewGeneration)
          preview.replaceChildren(
            Object.assign(document.createElement('p'), { textContent: (error as Error).message }),
          );
      },
    );
  }

  /** The rich-text body, rendered with DOM nodes from the same blocks as the HTML. */
  drawPreview(code: NonNullable<typeof richText.current>, blocks: MailBlock[], truncated: boolean) {
    this.querySelector('[data-preview]')!.replaceChildren(
      ...code.previewNodes(blocks, truncated, PREVIEW_LIMIT),
    );
  }

  say(text: string) {
    this.querySelector('[data-status]')!.textContent = text;
  }

  /** Says what a copy button did beside it (where the eye is on a phone) and in the live region. */
  tell(button: HTMLElement, text: string, ok: boolean) {
    sayBeside(button, this.querySelector<HTMLElement>('[data-status]')!, text, ok);
  }

  /** The blanks left in the subject and body as last checked, named; null when there are none. */
  unfilled(): string | null {
    const checked = this.#checked;
    return unfilledPlaceholders(
      checked.subject,
      checked.subjectFindings,
      checked.body,
      checked.draftFindings,
    );
  }

  /**
   * Says why the mail cannot be handed over yet, when blanks remain; checks the text as it is
   * now first (typing may be newer than the last check, and the checks may not have loaded).
   */
  async refuseUnfilled(button?: HTMLElement): Promise<boolean> {
    const say = (text: string) => (button ? this.tell(button, text, false) : this.say(text));
    if (($subject.get().trim() || $draft.get().trim()) && !checksCode.current) {
      try {
        await checksCode.load();
      } catch (error) {
        say((error as Error).message);
        return true;
      }
    }
    this.update();
    const unfilled = this.unfilled();
    if (unfilled) say(unfilled);
    return unfilled !== null;
  }

  /** One item of the copy flow (the button says which); its code loads with the first copy. */
  async copy(button: HTMLElement) {
    try {
      const { copyItem } = await copyCode.load();
      await copyItem({
        button,
        host: this,
        tell: (text, ok) => this.tell(button, text, ok),
        refuseUnfilled: () => this.refuseUnfilled(button),
        addresses: (cc) => addressList((cc ? $mailCc : $mailTo).get()).addresses,
        mailHtml: async (body) => (await richText.load()).mailHtml(body, { boldFigures: this.boldFigures }),
      });
    } catch (problem) {
      this.tell(button, (problem as Error).message, false);
    }
  }

  /** 已发送，记入案卷: the choice of case and the record load only now (record-sent.ts). */
  async recordSent() {
    try {
      (await recordCode.load()).openRecord(this);
    } catch (problem) {
      // Beside the button, where the reader looks (the status above is a screen away on a phone).
      this.querySelector('[data-record-status]')!.textContent = (problem as Error).message;
    }
  }

  /** To, and Cc when there is one, to name where a share sheet cannot carry them. */
  recipientsText(): string {
    const { to, cc } = this.message();
    return to.join(', ') + (cc.length ? `（抄送 ${cc.join(', ')}）` : '');
  }

  /** The system share sheet: subject, plain text and the attachments (see share-mail.ts). */
  async share() {
    if (await this.refuseUnfilled()) return;
    try {
      const { shareMail } = await shareCode.load();
      const result = await shareMail({
        subject: $subject.get().trim(),
        text: plainBody($draft.get()),
        files: this.outgoingFiles(),
        recipients: this.recipientsText(),
      });
      this.say(result.message);
    } catch (problem) {
      this.say((problem as Error).message);
    }
  }

  async downloadEml() {
    if (await this.refuseUnfilled()) return;
    const message = this.message();
    this.say('正在生成 .eml 草稿……');
    try {
      const [{ emlDraft, rememberHanded }] = await Promise.all([emlCode.load(), addressCode.load()]);
      // With the display names typed (张三 <a@b.com>); the mailto: link takes addresses only.
      const files = this.outgoingFiles();
      const request = {
        to: addressList($mailTo.get()).mailboxes,
        cc: addressList($mailCc.get()).mailboxes,
        subject: message.subject,
        body: message.body,
        boldFigures: this.boldFigures,
        files,
        mailLimits: this.#data.ruleset.mailLimits ?? [],
      };
      const draft = await emlDraft(request);
      if ('refusal' in draft) return this.say(draft.refusal);
      rememberHanded(request, draft.eml);
      const name = `${shanghaiDate(Date.now()).replaceAll('-', '')}_邮件草稿.eml`;
      downloadBlob(new Blob([draft.eml], { type: 'message/rfc822' }), name);
      // A draft without To still opens as a new mail; the reader fills it in there.
      const noTo =
        message.to.length === 0 ? `草稿没有收件人，请在邮件程序里填写。${this.noMailboxText() ?? ''}` : '';
      this.say(
        `已生成 ${name}（${formatBytes(draft.eml.length)}，${files.length} 个附件）：用桌面邮件程序打开，核对后发送。${noTo}`,
      );
    } catch (problem) {
      this.say(
        `无法生成 .eml 草稿：${problem instanceof DOMException && problem.name === 'NotReadableError' ? '附件文件已被移动或修改，请重新选择附件。' : (problem as Error).message}`,
      );
    }
  }
}

defineIsland('mail-composer', MailComposer);
