/*
 * The citation block's copy buttons. Progressive enhancement: without JavaScript or a clipboard
 * the buttons stay hidden and the citation text stays selectable.
 */
import { messagesOf } from '../i18n/client.ts';

/** `root`: where the buttons are; the dev server's page swap (src/lib/dev/client.ts) binds those of a new <main>. */
export function bindCopyButtons(root: Document | Element = document): void {
  if (!navigator.clipboard) return;
  for (const button of root.querySelectorAll<HTMLButtonElement>('.cite-copy')) {
    const label = button.textContent;
    // The catalogue's client.cite.* messages, from the citation block (Cite.astro).
    const m = messagesOf(button.closest('[data-messages]'));
    button.hidden = false;
    button.addEventListener('click', async () => {
      const text = (root.ownerDocument ?? (root as Document)).getElementById(button.dataset.copy ?? '')?.textContent?.trim() ?? '';
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = m.copied ?? '';
      } catch {
        button.textContent = m.select ?? '';
      }
      setTimeout(() => (button.textContent = label), 2000);
    });
  }
}
