import type { DraftResult } from '../../lib/rules/check-draft';
import type { CheckOptions } from '../../lib/rules/check-context';
import { highlightLines, isLongDraft } from '../../lib/rules/draft-view';
import { ownValue } from '../../lib/own-value';
import type { CompiledRules } from '../../lib/rules/rules-engine';
import { applyFix, type Finding } from '../../lib/rules/ruleset';
import { keepMirrorAligned, renderHighlights, revealOffset } from './draft-highlights';
import { renderFindings, summarize } from '../shared/findings-view';
import type { LongDraftResult } from '../shared/draft-worker';
import { lazyChunk } from '../shared/lazy-chunk';
import { contextLine } from '../../lib/rules/context-line';
import {
  $attachments,
  $draft,
  $requestType,
  $subject,
  $templateUse,
  type TemplateUse,
} from '../shared/stores';
import { readPageData } from '../shared/page-data';
import { watchStorage } from '../shared/storage-warning';
import { offerOtherTabText } from '../shared/other-tab-text';
import {
  $previousDraft,
  keepPreviousDraft,
  restorePreviousDraft,
  type PreviousDraft,
} from '../shared/previous-draft';
import { el } from '../shared/dom';
import type { TemplateSummary } from '../../data/template-data';
import { defineIsland } from '../shared/define-island';

/**
 * The reader's case (the picker's choice or ?case=), subject and chosen files, for the checker:
 * proof or an authorization attached on the page counts as a notice's element.
 */
function readerCase(): CheckOptions {
  const picked = $requestType.get();
  const subject = $subject.get();
  const attachments = $attachments.get().map((file) => file.name);
  return picked
    ? { context: picked, subject, attachments, unknownContext: 'infer' }
    : { subject, attachments };
}

const engine = lazyChunk(() => import('./draft-engine'), '正文检查的代码');

type TemplateVersions = Record<string, Pick<TemplateSummary, 'title' | 'revision' | 'ruleset' | 'changelog'>>;

/** A draft started from an older revision of a template: say that the rules changed, and where. */
function renderTemplateBanner(
  banner: HTMLElement,
  use: TemplateUse | null,
  templates: TemplateVersions,
  base: string,
) {
  const current = use ? ownValue(templates, use.id) : undefined;
  if (!use || !current || current.revision <= use.revision) {
    banner.hidden = true;
    banner.replaceChildren();
    return;
  }
  const link = (text: string, href: string) => {
    const anchor = document.createElement('a');
    anchor.href = href;
    anchor.textContent = text;
    return anchor;
  };
  const title = document.createElement('strong');
  title.textContent = '规则已更新：';
  banner.replaceChildren(
    title,
    `你的草稿来自模板“${current.title}”修订 ${use.revision}（规则集 ${use.ruleset}），该模板现在是修订 ${current.revision}（规则集 ${current.ruleset}）。`,
    link('查看更新日志', `${base}${current.changelog}`),
    '　',
    link('查看修订差异', `${base}templates/#${use.id}-history`),
  );
  banner.hidden = false;
}

/** The kept previous version (see previous-draft.ts), with its restore and dismiss buttons. */
function renderPreviousDraft(bar: HTMLElement, previous: PreviousDraft | null) {
  bar.hidden = previous === null;
  if (!previous) return bar.replaceChildren();
  const restore = el('button', { type: 'button', 'data-restore-previous': '' }, '恢复上一版本');
  const dismiss = el('button', { type: 'button', 'data-dismiss-previous': '' }, '不需要了');
  restore.addEventListener('click', restorePreviousDraft);
  dismiss.addEventListener('click', () => $previousDraft.set(null));
  const size = previous.draft.length.toLocaleString('zh-CN');
  bar.replaceChildren(
    `已保留${previous.reason}前的草稿（正文 ${size} 字${previous.subject === null ? '' : '，连同主题'}）。`,
    restore,
    ' ',
    dismiss,
  );
}

/**
 * User Timing entries: from a keystroke (its input event) to its findings, highlights, score and
 * status written to the page, and the part of that spent checking and writing (the rest is the
 * wait for the next frame). `npm run bench` reads them in Chromium (goal: under 16 ms median for
 * a 10,000-character draft). One entry each per check, only the latest kept: cheap enough to
 * stay in production code.
 */
const LATENCY_MEASURE = 'ks-draft:input-to-findings';
const WORK_MEASURE = 'ks-draft:check-and-render';
/** A long draft (see LONG_DRAFT) is checked, in a worker, once typing pauses this long. */
const LONG_DRAFT_PAUSE = 400;
/** What can change a long draft, watched instead of its input events (see watchLongDraft). */
const LONG_DRAFT_EVENTS = ['keyup', 'cut', 'drop', 'compositionend'] as const;

/** The checker's elements, looked up once. */
function findElements(root: HTMLElement) {
  const one = <T extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  return {
    input: one<HTMLTextAreaElement>('[data-input]'),
    mirror: one('[data-mirror]'),
    list: one('[data-findings]'),
    status: one('[data-status]'),
    context: one('[data-context]'),
    sections: one('[data-sections]'),
    storageWarning: one('[data-storage-warning]'),
    templateBanner: one('[data-template-banner]'),
    longNotice: one('[data-long-draft]'),
    bands: [...root.querySelectorAll<HTMLElement>('[data-band]')],
  };
}
type DraftElements = ReturnType<typeof findElements>;

/**
 * Writes one check's result to the page: highlights, the long-draft notice, findings,
 * modules, the matching band of table 3 and the status line. Returns whether the draft is long.
 */
function showResult(
  view: DraftElements,
  text: string,
  result: DraftResult | LongDraftResult,
  base: string,
  actions: { select: (finding: Finding) => void; fix: (finding: Finding) => void },
): boolean {
  // A long draft's findings come digested from the worker (see long-draft-check.ts).
  const all = result.findings;
  const digest = Array.isArray(all) ? null : all;
  const findings = Array.isArray(all) ? all : all.listed;
  const long = digest !== null;
  // A long draft is not coloured: a second copy of it laid out in the mirror would double
  // what the browser already spends on the textarea.
  renderHighlights(view.mirror, long ? [] : highlightLines(text, findings), view.input);
  view.longNotice.hidden = !long;
  view.longNotice.textContent = long
    ? `草稿很长（${text.length.toLocaleString('zh-CN')} 字）：为了输入流畅，文中不再用颜色标出问题，停止输入片刻后才检查。问题仍列在下方，点击即可在文中选中。`
    : '';
  renderFindings(view.list, findings, text, base, actions, digest?.total);
  view.sections.textContent = result.sections.length
    ? `模块：${result.sections.map((section) => `${section.name} ${section.length}字`).join('，')}`
    : '';
  for (const band of view.bands) band.hidden = !text.trim() || band.dataset.band !== result.band;
  view.status.textContent = text.trim() ? summarize(digest ?? findings) : '';
  view.context.textContent = text.trim() ? contextLine(result.context) : '';
  return long;
}

/**
 * <draft-checker>: checks on every input within one animation frame (a long draft: in a worker
 * after a pause, without colouring the text); saves after a pause.
 */
class DraftChecker extends HTMLElement {
  #frame = 0;
  #checkTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts checks, so that a long draft's result that arrives after a newer check is dropped. */
  #version = 0;
  /** Whether the long-draft watching (see watchLongDraft) is on, and its poll. */
  #watchingLongDraft = false;
  #poll: ReturnType<typeof setInterval> | undefined;
  /** When the oldest input not yet checked happened (its event's timeStamp), or null. */
  #pendingSince: number | null = null;
  #checkStart = 0;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #unsubscribe: (() => void)[] = [];

  connectedCallback() {
    const data = readPageData('checker');
    let rules: CompiledRules | undefined;
    const base = this.dataset.base ?? '/';
    const view = findElements(this);
    const { input } = view;
    const templates = JSON.parse(this.dataset.templates ?? '{}') as TemplateVersions;

    const actions = {
      select: (finding: Finding) => {
        input.focus();
        input.setSelectionRange(finding.start, finding.end);
        revealOffset(view.mirror, input, finding.start);
      },
      fix: (finding: Finding) => {
        input.value = applyFix(input.value, finding);
        input.focus();
        const caret = finding.fix!.start + finding.fix!.text.length;
        input.setSelectionRange(caret, caret);
        update(true);
      },
    };
    const render = (text: string, result: DraftResult | LongDraftResult) => {
      watchLongDraft(showResult(view, text, result, base, actions));
      this.dataset.checked = String(text.length);
      if (this.#pendingSince !== null) {
        const end = performance.now();
        performance.clearMeasures(LATENCY_MEASURE);
        performance.clearMeasures(WORK_MEASURE);
        performance.measure(LATENCY_MEASURE, { start: this.#pendingSince, end });
        performance.measure(WORK_MEASURE, { start: this.#checkStart, end });
        this.#pendingSince = null;
      }
    };
    const check = () => {
      const code = engine.current;
      if (!code) {
        // The first check waits for the rules code; one clear message if it cannot arrive.
        void engine.load().then(
          () => update(false),
          (error: unknown) =>
            (view.status.textContent = error instanceof Error ? error.message : String(error)),
        );
        return;
      }
      rules ??= code.compileRules(data.ruleset, data.subjectTypes, data.simplified);
      this.#checkStart = performance.now();
      const text = input.value;
      seen = text;
      const version = (this.#version += 1);
      // The reader's case (picked above, or from ?case=) decides which rules apply; without one
      // the checker infers it from the subject and the draft and says so.
      const options = readerCase();
      if (!isLongDraft(text)) return render(text, code.checkDraft(text, rules, options));
      // Checked in a worker; shown only if nothing changed meanwhile.
      void code.checkLongDraft(text, rules, options).then((result) => {
        if (version === this.#version) render(text, result);
      });
    };
    const update = (save: boolean) => {
      cancelAnimationFrame(this.#frame);
      clearTimeout(this.#checkTimer);
      if (isLongDraft(input.value)) this.#checkTimer = setTimeout(check, LONG_DRAFT_PAUSE);
      else this.#frame = requestAnimationFrame(check);
      if (save) {
        clearTimeout(this.#saveTimer);
        this.#saveTimer = setTimeout(() => $draft.set(input.value), 300);
      }
    };

    const edited = (event: Event) => {
      this.#pendingSince ??= event.timeStamp;
      update(true);
    };
    // Chromium spends about a second on each keystroke in a textarea of 10,000 lines or a
    // megabyte whenever anything listens to its input events (measured: the same textarea
    // without such a listener types at once). So a long draft is watched through keys, the
    // clipboard and drops instead, and a slow poll catches the rest (a context menu, spelling).
    let seen = '';
    const noticeChange = (event: Event) =>
      setTimeout(() => {
        if (input.value !== seen) edited(event);
      }, 0);
    const watchLongDraft = (long: boolean) => {
      if (long === this.#watchingLongDraft) return;
      this.#watchingLongDraft = long;
      clearInterval(this.#poll);
      if (long) {
        input.removeEventListener('input', edited);
        for (const type of LONG_DRAFT_EVENTS) input.addEventListener(type, noticeChange);
        this.#poll = setInterval(() => {
          if (input.value !== seen) update(true);
        }, 1_000);
      } else {
        for (const type of LONG_DRAFT_EVENTS) input.removeEventListener(type, noticeChange);
        input.addEventListener('input', edited);
      }
    };
    input.addEventListener('input', edited);
    // Chromium's editing machinery needs about a second to paste a megabyte into a textarea,
    // more than laying it out; setRangeText makes the same edit in a fraction of that. Only for
    // long pastes, because an edit made this way cannot be undone with Ctrl+Z.
    input.addEventListener('paste', (event) => {
      const pasted = event.clipboardData?.getData('text/plain') ?? '';
      if (!isLongDraft(pasted)) return;
      event.preventDefault();
      input.setRangeText(pasted.replace(/\r\n?/g, '\n'), input.selectionStart, input.selectionEnd, 'end');
      watchLongDraft(true);
      edited(event);
    });
    const clearButton = this.querySelector<HTMLButtonElement>('[data-clear]')!;
    // Nothing is cleared for good: the draft stays one step back, with a button to restore it.
    const previousBar = el('p', { class: 'ks-checker__storage', 'data-previous': '', role: 'status' });
    clearButton.parentElement!.after(previousBar);
    clearButton.addEventListener('click', () => {
      clearTimeout(this.#saveTimer);
      $draft.set(input.value);
      keepPreviousDraft('清除', false);
      input.value = '';
      $draft.set('');
      $templateUse.set(null);
      update(false);
      input.focus();
    });
    // Another island (a template, another checker) changed the draft: show it.
    this.#unsubscribe.push(
      $draft.subscribe((value) => {
        if (value !== input.value && document.activeElement !== input) {
          input.value = value;
          update(false);
        }
      }),
      $templateUse.subscribe((use) => renderTemplateBanner(view.templateBanner, use, templates, base)),
      // Another case picked, or another subject: the same draft reads differently.
      $requestType.listen(() => update(false)),
      $subject.listen(() => update(false)),
      $attachments.listen(() => update(false)),
      $previousDraft.subscribe((previous) => renderPreviousDraft(previousBar, previous)),
      watchStorage(view.storageWarning, '草稿', '刷新页面前请自行复制', '检查功能'),
      offerOtherTabText(input, input.parentElement!, $draft, 'ksmail:draft', '草稿', (text) => {
        input.value = text;
        update(false);
      }),
      keepMirrorAligned(view.mirror, input),
    );
    update(false);
  }

  disconnectedCallback() {
    this.#version += 1;
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#checkTimer);
    clearInterval(this.#poll);
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
  }
}

defineIsland('draft-checker', DraftChecker);
