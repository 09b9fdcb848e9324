/*
 * The header's theme control. /theme.js (themeScript) applies the saved choice before the first
 * paint; bindThemeToggles shows the control (hidden without JavaScript, where it could not work)
 * and saves changes.
 */
const KEY = 'dossier-theme';

/**
 * The classic script every page runs in <head>, before the first paint. It is a file, so the
 * Content Security Policy needs no hash, and it is written out already small: it is not bundled.
 */
export const themeScript = (): string =>
  `try{var t=localStorage.getItem(${JSON.stringify(KEY)});if(t==="light"||t==="dark")document.documentElement.setAttribute("data-theme",t)}catch(e){}\n`;

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
