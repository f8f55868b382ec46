import {
  checkSubject,
  describeCategory,
  phoneCut,
  type SubjectCheckOptions,
} from '../../lib/rules/check-subject';
import { compileRules } from '../../lib/rules/rules-engine';
import { applyFix, type Finding } from '../../lib/rules/ruleset';
import { renderFindings, summarize } from '../shared/findings-view';
import { ownValue } from '../../lib/own-value';
import { $requestType, $subject } from '../shared/stores';
import { readPageData } from '../shared/page-data';
import { watchStorage } from '../shared/storage-warning';
import { offerOtherTabText } from '../shared/other-tab-text';
import { defineIsland } from '../shared/define-island';

/** The type chosen in the form and the reader's case (the picker's choice), for the checker. */
function subjectOptions(type: string): SubjectCheckOptions {
  const route = $requestType.get();
  return {
    ...(type ? { preferredType: type } : {}),
    ...(route ? { context: route, unknownContext: 'infer' as const } : {}),
  };
}

class SubjectChecker extends HTMLElement {
  #unsubscribe: (() => void)[] = [];

  connectedCallback() {
    const data = readPageData('checker');
    const rules = compileRules(data.ruleset, data.subjectTypes, data.simplified);
    const base = this.dataset.base ?? '/';
    const input = this.querySelector<HTMLInputElement>('[data-input]')!;
    const typeSelect = this.querySelector<HTMLSelectElement>('[data-type]')!;
    const parts = this.querySelector<HTMLElement>('[data-parts]')!;
    const category = this.querySelector<HTMLElement>('[data-category]')!;
    const suggestion = this.querySelector<HTMLElement>('[data-suggestion]')!;
    const preview = this.querySelector<HTMLElement>('[data-phone-preview]')!;
    const list = this.querySelector<HTMLElement>('[data-findings]')!;
    const status = this.querySelector<HTMLElement>('[data-status]')!;

    const select = (finding: Finding) => {
      input.focus();
      input.setSelectionRange(finding.start, finding.end);
    };
    const fix = (finding: Finding) => {
      input.value = applyFix(input.value, finding);
      edited();
      // The fix's button went with its finding (focus would drop to the page's start): back to
      // the subject, the caret after the replacement, as in the draft checker.
      input.focus();
      const caret = finding.fix!.start + finding.fix!.text.length;
      input.setSelectionRange(caret, caret);
    };
    // Shows the check of what is in the field; only the reader's own edits save it, so nothing
    // that merely redraws (a request type chosen elsewhere, the page setting up) can overwrite
    // the saved subject with an empty field.
    const check = () => {
      const text = input.value;
      const result = checkSubject(text, rules, subjectOptions(typeSelect.value));
      const empty = text.trim() === '';
      parts.replaceChildren(
        ...result.structure.parts
          .filter((part) => part.name !== 'urgency')
          .map((part) => {
            const item = document.createElement('li');
            item.dataset.part = part.name;
            item.dataset.present = String(part.value !== null);
            item.textContent = `${part.value !== null ? '✓' : '✗'} ${part.label}${part.value ? `：${part.value}` : ''}`;
            return item;
          }),
      );
      parts.hidden = empty;
      category.textContent = result.category
        ? describeCategory(result.category)
        : empty
          ? ''
          : '类型：未识别，请在开头用【】写明类型，或在上方选择诉求类型。';
      category.dataset.category = result.category?.id ?? '';
      suggestion.textContent = empty ? '' : result.suggestion;
      // What a phone's mail list shows: the same measure the subject.width rule enforces.
      const cut = phoneCut(text, rules.subjectWidth);
      preview.textContent = empty
        ? ''
        : `手机上大约显示：${text.slice(0, cut)}${cut < text.length ? '…' : ''}`;
      renderFindings(list, result.findings, text, base, { select, fix });
      status.textContent = empty ? '' : summarize(result.findings);
    };

    const edited = () => {
      $subject.set(input.value);
      check();
    };
    input.addEventListener('input', edited);
    typeSelect.addEventListener('change', check);
    this.querySelector('[data-apply]')!.addEventListener('click', () => {
      if (!suggestion.textContent) return;
      input.value = suggestion.textContent;
      edited();
      input.focus();
      // The suggestion keeps XXX where the ID was missing: selected, so typing replaces it.
      const blank = checkSubject(input.value, rules, subjectOptions(typeSelect.value)).findings.find(
        (finding) => finding.rule === 'placeholder.unfilled',
      );
      if (blank) input.setSelectionRange(blank.start, blank.end);
    });
    this.querySelector('[data-clear]')!.addEventListener('click', () => {
      input.value = '';
      edited();
      input.focus();
    });
    // The saved subject first: everything below may redraw.
    input.value = $subject.get();
    this.#unsubscribe.push(
      $requestType.subscribe((route) => {
        const type = ownValue(data.routeTypes, route);
        if (type) {
          typeSelect.value = type;
          check();
        }
      }),
      $subject.subscribe((value) => {
        if (value !== input.value && document.activeElement !== input) {
          input.value = value;
          check();
        }
      }),
      watchStorage(
        this.querySelector<HTMLElement>('[data-storage-warning]')!,
        '主题',
        '刷新页面前请自行复制',
      ),
      offerOtherTabText(input, input, $subject, 'ksmail:subject', '主题', (text) => {
        input.value = text;
        check();
      }),
    );
    check();
  }

  disconnectedCallback() {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
  }
}

defineIsland('subject-checker', SubjectChecker);
