import { checkDraft } from '../lib/check-draft';
import { ownValue } from '../lib/own-value';
import { compileRules } from '../lib/rules-engine';
import { applyFix, type Finding } from '../lib/ruleset';
import type { CheckerData } from './checker-data';
import { renderFindings, renderHighlights, summarize } from './findings-view';
import { $draft, $storageProblem, $templateUse, type TemplateUse } from './stores';
import type { TemplateSummary } from './template-data';

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

/** <draft-checker>: checks on every input within one animation frame; saves after a pause. */
class DraftChecker extends HTMLElement {
  #frame = 0;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #unsubscribe: (() => void)[] = [];

  connectedCallback() {
    const data = JSON.parse(this.dataset.rules!) as CheckerData;
    const rules = compileRules(data.ruleset, data.subjectTypes);
    const base = this.dataset.base ?? '/';
    const input = this.querySelector<HTMLTextAreaElement>('[data-input]')!;
    const mirror = this.querySelector<HTMLElement>('[data-mirror]')!;
    const list = this.querySelector<HTMLElement>('[data-findings]')!;
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    const score = this.querySelector<HTMLElement>('[data-score]')!;
    const sections = this.querySelector<HTMLElement>('[data-sections]')!;
    const storageWarning = this.querySelector<HTMLElement>('[data-storage-warning]')!;
    const templateBanner = this.querySelector<HTMLElement>('[data-template-banner]')!;
    const templates = JSON.parse(this.dataset.templates ?? '{}') as TemplateVersions;

    const select = (finding: Finding) => {
      input.focus();
      input.setSelectionRange(finding.start, finding.end);
    };
    const fix = (finding: Finding) => {
      input.value = applyFix(input.value, finding);
      input.focus();
      const caret = finding.fix!.start + finding.fix!.text.length;
      input.setSelectionRange(caret, caret);
      update(true);
    };
    const check = () => {
      const text = input.value;
      const result = checkDraft(text, rules);
      renderHighlights(mirror, text, result.findings);
      renderFindings(list, result.findings, text, base, { select, fix });
      score.textContent = text.trim() ? `得分：${result.score} / 100` : '得分：—';
      sections.textContent = result.sections.length
        ? `模块：${result.sections.map((section) => `${section.name} ${section.length}字`).join('，')}`
        : '';
      for (const band of this.querySelectorAll<HTMLElement>('[data-band]')) {
        band.hidden = !text.trim() || band.dataset.band !== result.band;
      }
      status.textContent = text.trim() ? summarize(result.findings) : '';
      this.dataset.checked = String(text.length);
    };
    const update = (save: boolean) => {
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(check);
      if (save) {
        clearTimeout(this.#saveTimer);
        this.#saveTimer = setTimeout(() => $draft.set(input.value), 300);
      }
    };

    input.addEventListener('input', () => update(true));
    input.addEventListener('scroll', () => {
      mirror.scrollTop = input.scrollTop;
    });
    this.querySelector('[data-clear]')!.addEventListener('click', () => {
      clearTimeout(this.#saveTimer);
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
      $templateUse.subscribe((use) => renderTemplateBanner(templateBanner, use, templates, base)),
      $storageProblem.subscribe((problem) => {
        storageWarning.hidden = problem === null;
        storageWarning.textContent =
          problem === 'full'
            ? '浏览器存储空间已满：草稿无法保存，刷新页面前请自行复制。检查功能不受影响。'
            : '浏览器禁止了本地存储：草稿不会被保存，刷新页面前请自行复制。检查功能不受影响。';
      }),
    );
    update(false);
  }

  disconnectedCallback() {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
  }
}

customElements.define('draft-checker', DraftChecker);
