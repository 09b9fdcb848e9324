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
/**
 * The one form a heading and its PDF bookmark are compared in. Where a heading wraps onto a second
 * line, Chromium's outline drops the space at the break ("electrical fault" → "electricalfault"),
 * so white space is dropped; and it writes a right-to-left heading's words in visual order
 * ("الزيتون وادي في النهر جسر"), so such a title is compared by its letters, sorted.
 */
export function bookmarkKey(s: string): string {
  const compact = s.normalize('NFC').replace(/\s+/g, '');
  return RTL.test(compact) ? [...compact].sort().join('') : compact;
}

/** The text a numbered heading reads as, which is also its PDF bookmark title. */
export function headingText(entry: Pick<ContentsEntry, 'number' | 'title'>): string {
  return norm(`${entry.number} ${entry.title}`);
}

/**
 * The page on which each contents entry starts, read from the PDF's bookmarks. Bookmarks are in
 * document order, as are the entries, so each entry is looked for after the previous match:
 * an analysis page may have a heading with the same words as a later section. Titles are
 * compared by bookmarkKey().
 */
export function pagesFromOutline(entries: ContentsEntry[], outline: OutlineItem[]): Map<string, number> {
  const pages = new Map<string, number>();
  // Folded once: a dossier of 1,000 sources has thousands of bookmarks, looked through per entry.
  const titles = outline.map((item) => bookmarkKey(item.title));
  let cursor = 0;
  for (const entry of entries) {
    const at = titles.indexOf(bookmarkKey(headingText(entry)), cursor);
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

/**
 * The message for entries with no bookmark. Each is shown beside the bookmark nearest to where it
 * should have been (the first of its level after the last entry placed before it), so that the reader sees how
 * the two differ: the contents list and the headings are made from the same titles, so a
 * difference means the page was changed after the build or the engine has a fault.
 */
export function unplacedMessage(entries: ContentsEntry[], pages: Map<string, number>, outline: OutlineItem[]): string {
  const lines = unplaced(entries, pages).map((entry) => {
    const before = entries.slice(0, entries.indexOf(entry)).filter((e) => pages.has(e.id)).at(-1);
    const from = before ? outline.findIndex((o) => bookmarkKey(o.title) === bookmarkKey(headingText(before))) + 1 : 0;
    // A bookmark of the entry's own level (a source's sub-headings are deeper), else any.
    const near = outline.slice(from).find((o) => o.depth === entry.level) ?? outline[from];
    return `  "${headingText(entry)}": the nearest bookmark reads ${near ? `"${norm(near.title)}" (page ${near.page})` : 'nothing (no bookmark follows)'}`;
  });
  return `The PDF's bookmarks do not match its contents list for ${lines.length} heading${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}\n` +
    'The contents list and the section headings of /print/ are made from the same titles, so they should match. ' +
    'Build again (npm run build) and run npm run pdf once more; if the same headings are named, this is a fault in the engine: report it with this message.';
}
