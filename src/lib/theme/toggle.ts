/*
 * The header's theme control. public/theme.js applies the saved choice before the first paint;
 * this shows the control (hidden without JavaScript, where it could not work) and saves changes.
 */
const KEY = 'dossier-theme';

export function bindThemeToggles(root: Document = document): void {
  const html = root.documentElement;
  for (const label of root.querySelectorAll<HTMLElement>('[data-theme-toggle]')) {
    const select = label.querySelector('select');
    if (!select) continue;
    select.value = html.dataset.theme ?? 'auto';
    label.hidden = false;
    select.addEventListener('change', () => {
      if (select.value === 'auto') {
        delete html.dataset.theme;
        localStorage.removeItem(KEY);
      } else {
        html.dataset.theme = select.value;
        localStorage.setItem(KEY, select.value);
      }
    });
  }
}
