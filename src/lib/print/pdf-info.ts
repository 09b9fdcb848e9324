/**
 * Sets a PDF's document information (title, author, subject…) by appending an incremental
 * update, the way PDF editors save: Chromium's bytes, bookmarks and tags are kept untouched and
 * a new Info dictionary and trailer are added at the end. Chromium only fills in the title.
 */

export interface DocInfo {
  title: string;
  author: string;
  subject: string;
  keywords?: string;
  creator?: string;
}

/** A PDF text string: plain when ASCII, otherwise UTF-16BE with a byte-order mark. */
export function pdfString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** The last trailer of a PDF with a classic cross-reference table, as Chromium writes it. */
export function readTrailer(pdf: Buffer): { size: number; root: string; info?: string; startxref: number; id?: string } {
  const tail = pdf.subarray(Math.max(0, pdf.length - 4096)).toString('latin1');
  const sx = [...tail.matchAll(/startxref\s+(\d+)/g)].at(-1);
  const trailerAt = tail.lastIndexOf('trailer');
  if (!sx || trailerAt === -1) throw new Error('The PDF has no classic trailer (expected from Chromium); its metadata cannot be set.');
  const trailer = tail.slice(trailerAt, tail.lastIndexOf('startxref'));
  const size = trailer.match(/\/Size\s+(\d+)/);
  const root = trailer.match(/\/Root\s+(\d+\s+\d+\s+R)/);
  if (!size || !root) throw new Error('The PDF trailer has no /Size or /Root.');
  return {
    size: Number(size[1]),
    root: root[1],
    info: trailer.match(/\/Info\s+(\d+\s+\d+\s+R)/)?.[1],
    startxref: Number(sx[1]),
    id: trailer.match(/\/ID\s*(\[[^\]]*\])/)?.[1],
  };
}

/** The value of one entry of the current Info dictionary, as raw PDF syntax, if it can be found. */
function oldEntry(pdf: Buffer, infoRef: string | undefined, key: string): string | undefined {
  if (!infoRef) return undefined;
  const num = infoRef.split(/\s+/)[0];
  const text = pdf.toString('latin1');
  const at = [...text.matchAll(new RegExp(`(?:^|\\s)${num}\\s+0\\s+obj\\s*<<([\\s\\S]*?)>>\\s*endobj`, 'g'))].at(-1);
  return at?.[1].match(new RegExp(`/${key}\\s*(\\([^)]*\\)|<[0-9A-Fa-f]*>)`))?.[1];
}

export function withInfo(pdf: Buffer, info: DocInfo): Buffer {
  const t = readTrailer(pdf);
  const num = t.size;
  const entries = [
    `/Title ${pdfString(info.title)}`,
    `/Author ${pdfString(info.author)}`,
    `/Subject ${pdfString(info.subject)}`,
    info.keywords ? `/Keywords ${pdfString(info.keywords)}` : '',
    `/Creator ${pdfString(info.creator ?? 'Dossier')}`,
    ...['Producer', 'CreationDate', 'ModDate'].map((k) => {
      const v = oldEntry(pdf, t.info, k);
      return v ? `/${k} ${v}` : '';
    }),
  ].filter(Boolean);
  const sep = pdf.at(-1) === 0x0a ? '' : '\n';
  const objAt = pdf.length + sep.length;
  const obj = `${num} 0 obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const xrefAt = objAt + Buffer.byteLength(obj, 'latin1');
  const xref = `xref\n${num} 1\n${String(objAt).padStart(10, '0')} 00000 n \n`;
  const trailer = `trailer\n<</Size ${num + 1}\n/Root ${t.root}\n/Info ${num} 0 R${t.id ? `\n/ID ${t.id}` : ''}\n/Prev ${t.startxref}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(sep + obj + xref + trailer, 'latin1')]);
}
