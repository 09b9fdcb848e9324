/** The contents list of the print edition, and where each entry landed in the printed PDF. */

export interface ContentsEntry {
  /** The heading's id in /print/. */
  id: string;
  /** "3" or "3.2". */
  number: string;
  title: string;
  level: 1 | 2;
}

export interface OutlineItem {
  title: string;
  page: number;
  depth: number;
}

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const letters = (s: string) => [...s.normalize('NFC').replace(/\s+/g, '')].sort().join('');

/** The text a numbered heading reads as, which is also its PDF bookmark title. */
export function headingText(entry: Pick<ContentsEntry, 'number' | 'title'>): string {
  return norm(`${entry.number} ${entry.title}`);
}

/**
 * The page on which each contents entry starts, read from the PDF's bookmarks. Bookmarks are in
 * document order, as are the entries, so each entry is looked for after the previous match:
 * an analysis page may have a heading with the same words as a later section.
 */
export function pagesFromOutline(entries: ContentsEntry[], outline: OutlineItem[]): Map<string, number> {
  const pages = new Map<string, number>();
  let cursor = 0;
  for (const entry of entries) {
    const want = headingText(entry);
    // Chromium writes the bookmark of a right-to-left heading with its words in visual order
    // ("الزيتون وادي في النهر جسر"): such a title matches by its letters, in document order.
    const at = outline.findIndex((item, i) => i >= cursor && (norm(item.title) === want || (RTL.test(want) && letters(item.title) === letters(want))));
    if (at === -1) continue;
    pages.set(entry.id, outline[at].page);
    cursor = at + 1;
  }
  return pages;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, code: string) => {
    if (code[0] === '#') return String.fromCodePoint(code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
    return ENTITIES[code] ?? whole;
  });
}

/** The bookmarks of a PDF, flattened in document order, from poppler's `pdftohtml -xml` output. */
export function parseOutlineXml(xml: string): OutlineItem[] {
  const start = xml.indexOf('<outline>');
  if (start === -1) return [];
  const items: OutlineItem[] = [];
  let depth = 0;
  for (const m of xml.slice(start).matchAll(/<outline>|<\/outline>|<item page="(\d+)">([\s\S]*?)<\/item>/g)) {
    if (m[0] === '<outline>') depth++;
    else if (m[0] === '</outline>') depth--;
    else items.push({ title: decode(m[2].replace(/<[^>]+>/g, '')), page: Number(m[1]), depth });
  }
  return items;
}

/** Entries the PDF has no bookmark for: a sign the document and its contents list disagree. */
export function unplaced(entries: ContentsEntry[], pages: Map<string, number>): ContentsEntry[] {
  return entries.filter((e) => !pages.has(e.id));
}
