/**
 * Copying plain text to the clipboard from the islands, and saying how it went where the reader
 * looks. Not the rich-text copies: the composer and the data table helper write their own
 * ClipboardItems.
 */

/** Copies text to the clipboard; falls back to a hidden textarea where the async API is refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The fallback selects a textarea of its own, which takes focus; the reader's place (the
    // button just pressed) is given back afterwards, or focus would fall to the page's start.
    const focused = document.activeElement;
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    area.remove();
    if (focused instanceof HTMLElement) focused.focus();
    return copied;
  }
}

/** How long a success note stays beside its button; a failure (what to do instead) stays. */
const NOTE_MS = 5000;
const noteTimers = new WeakMap<Element, ReturnType<typeof setTimeout>>();

/**
 * Says what `button` did in a small note right after it, where the eye is, and in the island's
 * polite live region `live` for screen readers (an island's status line may be far below the
 * button, or visually hidden). Focus stays where it is: on the button.
 */
export function sayBeside(button: HTMLElement, live: HTMLElement, text: string, ok: boolean) {
  let note = button.nextElementSibling;
  if (!(note instanceof HTMLElement) || !note.matches('[data-copy-note]')) {
    note = document.createElement('span');
    note.className = 'ks-copy-note';
    (note as HTMLElement).dataset.copyNote = '';
    button.after(note);
  }
  const shown = note as HTMLElement;
  shown.dataset.ok = String(ok);
  shown.textContent = text;
  live.textContent = text;
  clearTimeout(noteTimers.get(shown));
  if (ok)
    noteTimers.set(
      shown,
      setTimeout(() => (shown.textContent = ''), NOTE_MS),
    );
}
