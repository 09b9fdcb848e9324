/**
 * Turn an archived page's bytes into text the way a browser would, but never by guessing: the
 * encoding comes from a byte-order mark, the HTTP Content-Type, or a <meta> in the first 1,024
 * bytes (the HTML standard's prescan). A page that declares nothing is read as UTF-8 only if it is
 * valid UTF-8; otherwise it is refused, since a guessed encoding would change what the dossier quotes.
 */
export type Decoded = { ok: true; text: string; charset: string; declaredBy: string } | { ok: false; message: string; fix: string };

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

function charsetOf(contentType: string | undefined): string | undefined {
  return contentType ? /charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(contentType)?.[1] : undefined;
}

export function decodeHtml(bytes: Uint8Array, contentType?: string): Decoded {
  let label: string | undefined;
  let declaredBy = '';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) [label, declaredBy] = ['utf-8', 'a byte-order mark'];
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) [label, declaredBy] = [bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', 'a byte-order mark'];
  else if (charsetOf(contentType)) [label, declaredBy] = [charsetOf(contentType), 'the HTTP Content-Type header'];
  else {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
    const m = META_CHARSET.exec(head);
    if (m) [label, declaredBy] = [m[1], 'a <meta> charset in the page'];
  }
  if (!label) {
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8', declaredBy: 'nothing (the bytes are valid UTF-8)' };
    } catch {
      return {
        ok: false,
        message: 'holds a page that declares no character encoding (no charset in its Content-Type, no <meta charset>) and is not UTF-8',
        fix: 'Capture the page again from a server that declares its charset, or save it with a <meta charset> line naming its real encoding (e.g. windows-1252); the importer will not guess an encoding, since a wrong guess would change the quoted words.',
      };
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label.toLowerCase(), { fatal: true });
  } catch {
    return { ok: false, message: `declares the character encoding "${label}" (by ${declaredBy}), which is not a known encoding`, fix: 'Capture the page again, or correct the charset declaration to the encoding the bytes really use.' };
  }
  try {
    // A BOM, if present, is dropped by the decoder, as a browser drops it.
    return { ok: true, text: decoder.decode(bytes), charset: decoder.encoding, declaredBy };
  } catch {
    return { ok: false, message: `declares the character encoding "${label}" (by ${declaredBy}), but its bytes are not valid ${decoder.encoding}`, fix: 'The declaration is wrong or the bytes were damaged: capture the page again.' };
  }
}
