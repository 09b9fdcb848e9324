/** Adds a stylesheet once, before the site's own sheets so that those win ties. For code loaded on demand. */
export function addStylesheet(href: string): void {
  if (document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) return;
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = href;
  document.head.prepend(css);
}
