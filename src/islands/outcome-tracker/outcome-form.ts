/**
 * The entry form of <outcome-tracker>: records a mail that was sent, or changes an entry of the
 * log. It shows each problem next to its field and saves to the outcome store; the log and the
 * figures follow the store, not the form.
 */
import {
  validateEntry,
  type OutcomeContext,
  type OutcomeEntry,
  type OutcomeField,
  type Resolution,
  type Satisfaction,
} from '../../lib/outcomes/outcome-log';
import { el } from '../shared/dom';
import { $outcomes, addOutcome, updateOutcome } from '../shared/outcome-store';
import type { Labels } from './outcome-labels';

export interface FormDeps {
  labels: Labels;
  today: () => string;
  context: () => OutcomeContext;
  /** Announces a result in the tracker's status region. */
  say: (text: string) => void;
}

export class OutcomeForm {
  readonly #root: HTMLElement;
  readonly #deps: FormDeps;
  readonly #form: HTMLFormElement;
  readonly #type: HTMLSelectElement;
  readonly #template: HTMLSelectElement;
  readonly #sent: HTMLInputElement;
  readonly #reply: HTMLInputElement;
  readonly #resolved: HTMLFieldSetElement;
  readonly #satisfaction: HTMLSelectElement;
  readonly #matter: HTMLInputElement;
  readonly #note: HTMLTextAreaElement;
  readonly #fieldOf: Partial<Record<OutcomeField, HTMLElement>>;
  readonly #errors: HTMLElement;
  readonly #submit: HTMLButtonElement;
  readonly #cancelEdit: HTMLButtonElement;
  readonly #title: HTMLElement;
  #editing: string | null = null;

  constructor(root: HTMLElement, deps: FormDeps) {
    this.#root = root;
    this.#deps = deps;
    const form = root.querySelector<HTMLFormElement>('[data-form]')!;
    const field = <T extends HTMLElement>(name: string) => form.querySelector<T>(`[data-field="${name}"]`)!;
    this.#form = form;
    this.#type = field('requestType');
    this.#template = field('template');
    this.#sent = field('sent');
    this.#reply = field('firstReply');
    this.#resolved = field('resolved');
    this.#satisfaction = field('satisfaction');
    this.#matter = field('matter');
    this.#note = field('note');
    this.#fieldOf = {
      requestType: this.#type,
      template: this.#template,
      sent: this.#sent,
      firstReply: this.#reply,
      resolved: this.#resolved,
      satisfaction: this.#satisfaction,
      matter: this.#matter,
      note: this.#note,
    };
    this.#errors = root.querySelector<HTMLElement>('[data-form-errors]')!;
    this.#submit = root.querySelector<HTMLButtonElement>('[data-submit]')!;
    this.#cancelEdit = root.querySelector<HTMLButtonElement>('[data-cancel-edit]')!;
    this.#title = root.querySelector<HTMLElement>('[data-form-title]')!;

    const day = deps.today();
    this.#sent.max = day;
    this.#reply.max = day;
    if (!this.#sent.value) this.#sent.value = day;

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#save();
    });
    this.#cancelEdit.addEventListener('click', () => {
      this.#stopEditing(this.#editing ?? undefined);
      deps.say('已取消编辑。');
    });
  }

  /** The id of the entry being changed, or null while the form records a new mail. */
  get editing(): string | null {
    return this.#editing;
  }

  /** Opens an entry of the log in the form, to be changed. */
  edit(entry: OutcomeEntry) {
    this.#fill(entry);
    this.#setEditing(entry.id);
    this.#form.scrollIntoView({ block: 'start' });
    this.#type.focus();
  }

  /** Back to recording a new mail, without moving the focus. */
  reset() {
    this.#setEditing(null);
    this.#fill(null);
  }

  #save() {
    const { labels, context, say } = this.#deps;
    this.#clearErrors();
    const values = this.#read();
    const checked = validateEntry({ ...values, id: this.#editing ?? 'new' }, context());
    if (!checked.ok) {
      for (const error of checked.errors) {
        this.#errors.append(el('li', {}, error.message));
        this.#fieldOf[error.field]?.setAttribute('aria-invalid', 'true');
      }
      const first = checked.errors.map((error) => this.#fieldOf[error.field]).find(Boolean);
      (first instanceof HTMLFieldSetElement ? first.querySelector('input') : first)?.focus();
      return;
    }
    try {
      if (this.#editing) {
        const id = this.#editing;
        const entry = updateOutcome(id, values);
        say(`已保存修改：${labels.entry(entry)}。`);
        this.#stopEditing(id);
      } else {
        const entry = addOutcome(values);
        this.#fill(null);
        say(`已记下：${labels.entry(entry)}。共 ${$outcomes.get().length} 条记录。`);
      }
    } catch (problem) {
      this.#errors.append(el('li', {}, (problem as Error).message));
    }
  }

  #read() {
    const [templateId, revision] = this.#template.value.split('@');
    const resolved =
      this.#resolved.querySelector<HTMLInputElement>('input[name="resolved"]:checked')?.value ?? '';
    return {
      requestType: this.#type.value,
      template: this.#template.value ? { id: templateId!, revision: Number(revision) } : undefined,
      sent: this.#sent.value,
      firstReply: this.#reply.value || undefined,
      resolved: resolved as Resolution,
      satisfaction: this.#satisfaction.value ? (Number(this.#satisfaction.value) as Satisfaction) : undefined,
      matter: this.#matter.value || undefined,
      note: this.#note.value || undefined,
    };
  }

  #clearErrors() {
    this.#errors.replaceChildren();
    for (const element of Object.values(this.#fieldOf)) element.removeAttribute('aria-invalid');
  }

  /** Shows an entry, or (null) empties the form for the next mail. */
  #fill(entry: OutcomeEntry | null) {
    this.#clearErrors();
    const radios = this.#resolved.querySelectorAll<HTMLInputElement>('input');
    if (!entry) {
      // Keep the type and template: the next mail is often of the same kind.
      this.#reply.value = '';
      this.#satisfaction.value = '';
      this.#matter.value = '';
      this.#note.value = '';
      this.#sent.value = this.#deps.today();
      for (const radio of radios) radio.checked = radio.value === 'pending';
      return;
    }
    this.#type.value = entry.requestType;
    this.#template.value = entry.template ? `${entry.template.id}@${entry.template.revision}` : '';
    this.#sent.value = entry.sent;
    this.#reply.value = entry.firstReply ?? '';
    for (const radio of radios) radio.checked = radio.value === entry.resolved;
    this.#satisfaction.value = entry.satisfaction ? String(entry.satisfaction) : '';
    this.#matter.value = entry.matter ?? '';
    this.#note.value = entry.note ?? '';
  }

  #setEditing(id: string | null) {
    this.#editing = id;
    this.#title.textContent = id ? '修改这条记录' : '记一封已发出的邮件';
    this.#submit.textContent = id ? '保存修改' : '保存这条记录';
    this.#cancelEdit.hidden = !id;
    for (const row of this.#root.querySelectorAll<HTMLElement>('[data-log-body] tr'))
      row.toggleAttribute('data-editing', row.dataset.id === id);
  }

  /** Leaves editing; the focus returns to the entry's edit button, or to the form's first field. */
  #stopEditing(focusId?: string) {
    this.reset();
    const button = focusId
      ? this.#root.querySelector<HTMLElement>(
          `[data-log-body] tr[data-id="${CSS.escape(focusId)}"] [data-edit]`,
        )
      : null;
    (button ?? this.#type).focus();
  }
}
