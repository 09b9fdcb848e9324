/*
 * The citation block's copy buttons. Progressive enhancement: without JavaScript or a clipboard
 * the buttons stay hidden and the citation text stays selectable.
 */
export function bindCopyButtons(root: Document = document): void {
  if (!navigator.clipboard) return;
  for (const button of root.querySelectorAll<HTMLButtonElement>('.cite-copy')) {
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const text = root.getElementById(button.dataset.copy ?? '')?.textContent?.trim() ?? '';
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = 'Copied';
      } catch {
        button.textContent = 'Select the text to copy';
      }
      setTimeout(() => (button.textContent = label), 2000);
    });
  }
}
