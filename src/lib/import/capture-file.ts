import { readFileSync, statSync } from 'node:fs';

export type ReadResult = { ok: true; bytes: Buffer; text: string } | { ok: false; message: string; fix: string };

/** Read one capture and make sure it is non-empty UTF-8 text; never throws. */
export function readCaptureFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) return { ok: false, message: 'is a folder, not a capture file', fix: 'Pass the folder itself to import every .txt file in it.' };
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? (e as Error).message})`;
    return { ok: false, message: why, fix: 'Check the path and the file permissions.' };
  }
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') return { ok: false, message: 'is empty', fix: 'Capture the article text again; an empty file cannot become a source.' };
  if (bytes.includes(0)) return { ok: false, message: 'is not text (it contains NUL bytes: a binary file?)', fix: 'Import the captured article as plain UTF-8 text (.txt), not a PDF, image or word-processor file.' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: 'is not UTF-8 text', fix: 'Convert it to UTF-8 first, e.g. iconv -f windows-1252 -t utf-8 FILE > FILE.txt; the capture must be kept byte for byte, so convert before importing.' };
  }
  return { ok: true, bytes, text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
}
