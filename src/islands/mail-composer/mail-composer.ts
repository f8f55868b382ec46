import type { FindingsDigest } from '../../lib/rules/draft-view';
import { formatBytes } from '../../lib/byte-size';
import type { MailBlock, Run } from '../../lib/mail/mail-body';
import { mailtoLink, parseAddressList, type MailMessage } from '../../lib/mail/mail-message';
import { plainBody } from '../../lib/mail/plain-text';
import {
  readinessProblems,
  unfilledPlaceholders,
  type KnownMailbox,
  type ReadinessTarget,
} from '../../lib/mail/mail-readiness';
import { ownValue } from '../../lib/own-value';
import type { CompiledRules } from '../../lib/rules/rules-engine';
import { SEVERITY_LABELS, type Finding } from '../../lib/rules/ruleset';
import { shanghaiDate } from '../../lib/shanghai-time';
import type { CheckerData } from '../../data/site-data';
import { copyText } from '../shared/clipboard';
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
  $templateUse,
} from '../shared/stores';
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

// Code needed only once there is a body to show or hand over, or a mail to log.
const richText = lazyChunk(() => import('../../lib/mail/mail-body'), '富文本正文的代码');
const emlCode = lazyChunk(() => import('../../lib/mail/eml'), '生成 .eml 的代码');
// The shared size refusal (input-limit-messages.ts) is needed only when a draft is downloaded.
const limitsCode = lazyChunk(() => import('../../lib/input-limit-messages'), '检查附件大小的代码');
// The RFC 5322 parser for recipients with display names (张三 <a@b.com>): 3.4 KB gzip, loaded
// when the island starts; until then such entries are neither valid nor invalid (pending).
const addressCode = lazyChunk(() => import('../../lib/mail/address-parser'), '读取收件人地址的代码');
const addressList = (text: string) => parseAddressList(text, addressCode.current?.parseMailboxEntry);
// Drafts long enough to need the worker are rare: its code loads the first time one appears.
const checksCode = lazyChunk(() => import('./composer-checks'), '检查主题和正文的代码');
const longDraftCode = lazyChunk(() => import('../shared/long-draft-check'), '检查长草稿的代码');
const outcomeCode = lazyChunk(() => import('./log-sent'), '效果记录的代码');

// Checking the whole draft again on every keystroke would double the draft checker's work:
// the composer catches up once typing pauses.
const UPDATE_DELAY_MS = 250;
/** Characters of the body the rich-text preview shows. */
const PREVIEW_LIMIT = 20_000;

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
      if (target.matches('[data-copy-subject]')) void this.copySubject();
      else if (target.matches('[data-copy-text]')) void this.copyPlain();
      else if (target.matches('[data-copy-rich]')) void this.copyRich();
      else if (target.matches('[data-download-eml]')) void this.downloadEml();
      else if (target.matches('[data-log-sent]')) void this.logSent();
      else if (target.matches('[data-go]')) this.goTo(target.dataset.go as ReadinessTarget);
    });
    this.querySelector('[data-bold-figures]')!.addEventListener('change', () => this.update());

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

  /** The mail as it stands, from the stores. */
  message(): MailMessage {
    return {
      to: addressList($mailTo.get()).addresses,
      cc: addressList($mailCc.get()).addresses,
      subject: $subject.get().trim(),
      body: $draft.get(),
      attachments: $attachments
        .get()
        .filter((attachment) => !attachment.blocked)
        .map((attachment) => ({ name: attachment.name, size: attachment.file.size })),
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
    const attachments = $attachments.get();
    const problems = readinessProblems({
      to: addressList($mailTo.get()),
      cc: addressList($mailCc.get()),
      knownMailboxes: this.#mailboxes,
      subject,
      subjectFindings: checked.subjectFindings,
      body,
      draftFindings: checked.draftFindings,
      attachments,
      attachmentFindings: $attachmentFindings.get(),
    });

    this.querySelector('[data-subject]')!.textContent = subject || '（还没有主题）';
    this.querySelector('[data-attachments]')!.replaceChildren(
      ...(attachments.length
        ? attachments.map((attachment) => {
            const item = document.createElement('li');
            item.textContent = `${attachment.name}（${formatBytes(attachment.file.size)}）${attachment.blocked ? '：不会放进邮件' : ''}`;
            return item;
          })
        : [Object.assign(document.createElement('li'), { textContent: '没有选择附件' })]),
    );

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
    if (richText.current) return this.drawPreview(richText.current.mailBlocks(shown, options), truncated);
    richText.load().then(
      (code) => {
        if (generation === this.#previewGeneration)
          this.drawPreview(code.mailBlocks(shown, options), truncated);
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
  drawPreview(blocks: MailBlock[], truncated: boolean) {
    const strong = (runs: Run[]) =>
      runs.map((run) => {
        if (!run.strong) return document.createTextNode(run.text);
        const bold = document.createElement('b');
        bold.textContent = run.text;
        return bold;
      });
    const nodes = blocks.map((block) => {
      if (block.kind === 'paragraph') {
        const paragraph = document.createElement('p');
        block.lines.forEach((runs, index) => {
          if (index) paragraph.append(document.createElement('br'));
          paragraph.append(...strong(runs));
        });
        return paragraph;
      }
      const table = document.createElement('table');
      table.className = 'ks-three-line';
      const head = table.createTHead().insertRow();
      for (const cell of block.table.header) {
        const th = document.createElement('th');
        th.textContent = cell;
        head.append(th);
      }
      const tbody = table.createTBody();
      block.table.rows.forEach((row, rowIndex) => {
        const tr = tbody.insertRow();
        row.forEach((cell, column) => {
          const td = tr.insertCell();
          td.textContent = cell;
          if (block.table.align[column] === 'right') td.style.textAlign = 'right';
          if (block.table.highlight[rowIndex]?.[column]) td.dataset.highlight = '';
        });
      });
      return table;
    });
    if (truncated) {
      const note = document.createElement('p');
      note.textContent = `……（预览只显示正文的前 ${PREVIEW_LIMIT.toLocaleString('zh-CN')} 字；复制和 .eml 草稿包含全文。）`;
      nodes.push(note);
    }
    this.querySelector('[data-preview]')!.replaceChildren(...nodes);
  }

  say(text: string) {
    this.querySelector('[data-status]')!.textContent = text;
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
  async refuseUnfilled(): Promise<boolean> {
    if (($subject.get().trim() || $draft.get().trim()) && !checksCode.current) {
      try {
        await checksCode.load();
      } catch (error) {
        this.say((error as Error).message);
        return true;
      }
    }
    this.update();
    const unfilled = this.unfilled();
    if (unfilled) this.say(unfilled);
    return unfilled !== null;
  }

  async copySubject() {
    const subject = $subject.get().trim();
    if (!subject) return this.say('还没有主题可复制。');
    if (await this.refuseUnfilled()) return;
    this.say((await copyText(subject)) ? '主题已复制。' : '无法自动复制，请在主题检查里手动选中复制。');
  }

  async copyPlain() {
    const body = $draft.get();
    if (!body.trim()) return this.say('还没有正文可复制。');
    if (await this.refuseUnfilled()) return;
    // Plain text: **bold** marks go, the figures stay (the rich copy shows them bold).
    this.say(
      (await copyText(plainBody(body)))
        ? '正文（纯文本）已复制。'
        : '无法自动复制，请在正文检查里手动选中复制。',
    );
  }

  /** text/html plus text/plain, so a paste into web mail keeps bold figures and tables. */
  async copyRich() {
    const body = $draft.get();
    if (!body.trim()) return this.say('还没有正文可复制。');
    if (await this.refuseUnfilled()) return;
    let html: string;
    try {
      // Loaded already: the preview needed it as soon as the draft had text.
      html = (await richText.load()).mailHtml(body, { boldFigures: this.boldFigures });
    } catch (problem) {
      return this.say(`无法复制富文本：${(problem as Error).message}`);
    }
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([plainBody(body)], { type: 'text/plain' }),
        }),
      ]);
      this.say('正文（富文本）已复制：粘贴到网页邮箱或邮件程序的正文里，加粗和表格会保留。');
    } catch {
      // Older browsers: copy the rendered preview as a selection, which carries its formatting.
      const preview = this.querySelector<HTMLElement>('[data-preview]')!;
      this.querySelector('details')!.open = true;
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
      this.say(
        copied
          ? '正文（富文本）已复制。'
          : '浏览器不允许自动复制富文本：预览已展开并选中，请按 Ctrl+C（Mac 上按 ⌘C）复制。',
      );
    }
  }

  /** Adds today's mail to the outcome log (chapter 9); the log's code loads only now. */
  async logSent() {
    const requestType = $requestType.get();
    if (!requestType) return this.say('请先在“选择诉求”里选择这封邮件的诉求类型，再记入效果评估。');
    try {
      const { addOutcome } = await outcomeCode.load();
      const use = $templateUse.get();
      const entry = addOutcome({
        requestType,
        ...(use ? { template: { id: use.id, revision: use.revision } } : {}),
      });
      this.say(`已记入效果评估：${entry.sent} 发送。收到回复后，请到“效果评估”一章补记回复日期和结果。`);
    } catch (problem) {
      this.say(`无法记入效果评估：${(problem as Error).message}`);
    }
  }

  async downloadEml() {
    if (await this.refuseUnfilled()) return;
    const message = this.message();
    const chosen = $attachments.get().filter((attachment) => !attachment.blocked);
    this.say('正在生成 .eml 草稿……');
    try {
      const [{ buildEml }, { mailHtml }, , { mailAttachmentsTooLarge }] = await Promise.all([
        emlCode.load(),
        richText.load(),
        addressCode.load(),
        limitsCode.load(),
      ]);
      // The same refusal as `ksmail eml`, from one place, before any file is read.
      const tooLarge = mailAttachmentsTooLarge(
        chosen.map((attachment) => ({ name: attachment.name, size: attachment.file.size })),
        this.#data.ruleset.mailLimits ?? [],
      );
      if (tooLarge) return this.say(tooLarge);
      const attachments = await Promise.all(
        chosen.map(async (attachment) => ({
          name: attachment.name,
          contentType: attachment.type,
          bytes: new Uint8Array(await attachment.file.arrayBuffer()),
        })),
      );
      // With the display names typed (张三 <a@b.com>); the mailto: link takes addresses only.
      const eml = buildEml({
        to: addressList($mailTo.get()).mailboxes,
        cc: addressList($mailCc.get()).mailboxes,
        subject: message.subject,
        text: message.body,
        html: mailHtml(message.body, { boldFigures: this.boldFigures }),
        attachments,
        date: new Date(),
      });
      const name = `${shanghaiDate(Date.now()).replaceAll('-', '')}_邮件草稿.eml`;
      downloadBlob(new Blob([eml], { type: 'message/rfc822' }), name);
      // A draft without To still opens as a new mail; the reader fills it in there.
      const noTo =
        message.to.length === 0 ? `草稿没有收件人，请在邮件程序里填写。${this.noMailboxText() ?? ''}` : '';
      this.say(
        `已生成 ${name}（${formatBytes(eml.length)}，${attachments.length} 个附件）：用桌面邮件程序打开，核对后发送。${noTo}`,
      );
    } catch (problem) {
      this.say(
        `无法生成 .eml 草稿：${problem instanceof DOMException && problem.name === 'NotReadableError' ? '附件文件已被移动或修改，请重新选择附件。' : (problem as Error).message}`,
      );
    }
  }
}

defineIsland('mail-composer', MailComposer);
