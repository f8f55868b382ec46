import type { TemplateSummary } from './template-data';
import { $draft, $subject, $templateUse } from './stores';

/** "使用此模板": the template goes into the subject and draft checkers (nanostores, saved in
 * this browser) with its revision, then the tools page opens with both checkers filled. */
class TemplateGallery extends HTMLElement {
  connectedCallback() {
    const templates = JSON.parse(this.dataset.templates!) as Record<string, TemplateSummary>;
    const base = this.dataset.base ?? '/';
    this.addEventListener('click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-use-template]');
      const template = button && templates[button.dataset.useTemplate!];
      if (!template) return;
      $subject.set(template.subject);
      $draft.set(template.body);
      $templateUse.set({
        id: button.dataset.useTemplate!,
        revision: template.revision,
        ruleset: template.ruleset,
      });
      this.querySelector('[data-status]')!.textContent = `已填入模板“${template.title}”，正在打开检查工具……`;
      location.assign(`${base}tools/`);
    });
  }
}

customElements.define('template-gallery', TemplateGallery);
