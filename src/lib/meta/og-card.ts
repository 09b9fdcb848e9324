/**
 * The social preview card, drawn as SVG and rasterised to PNG at build time by sharp
 * (already installed with Astro for images), so no browser is needed and the file stays small.
 */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Greedy word wrap by an average glyph width; the last kept line gets an ellipsis if text is cut. */
export function wrap(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i];
    if (next.length <= maxChars || !line) { line = next; continue; }
    lines.push(line);
    line = words[i];
    if (lines.length === maxLines) return [...lines.slice(0, -1), `${lines[maxLines - 1]}…`];
  }
  if (line) lines.push(line);
  return lines;
}

export function ogCardSvg(card: { kicker: string; title: string; subtitle: string; footer: string }): string {
  const title = wrap(card.title, 30, 4);
  const sub = wrap(card.subtitle, 62, 3);
  const titleY = 190;
  const subY = titleY + title.length * 68 + 30;
  const text = (lines: string[], y: number, step: number) => lines.map((l, i) => `<tspan x="72" y="${y + i * step}">${esc(l)}</tspan>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">
<rect width="100%" height="100%" fill="#f7f4ee"/>
<rect x="0" y="0" width="16" height="${OG_HEIGHT}" fill="#8a2d1c"/>
<text x="72" y="110" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="26" letter-spacing="3" fill="#8a2d1c">${esc(card.kicker.toUpperCase())}</text>
<text font-family="DejaVu Serif, Liberation Serif, Georgia, serif" font-size="56" font-weight="bold" fill="#1b1b1b">${text(title, titleY, 68)}</text>
<text font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="26" fill="#444">${text(sub, subY, 36)}</text>
<text x="72" y="${OG_HEIGHT - 56}" font-family="DejaVu Sans Mono, monospace" font-size="24" fill="#555">${esc(card.footer)}</text>
</svg>`;
}
