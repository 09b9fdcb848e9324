import { sha256 } from '../../hash.ts';
import type { WebProvenance } from '../../schemas/web.ts';
import { readArchive, type ArchiveRead, type Refusal } from './archive.ts';
import { decodeHtml } from './decode.ts';
import { derivedText, extractArticle, type Extracted } from './extract.ts';
import { extractorVersion } from './version.ts';

export interface Derived {
  /** The archive file itself. */
  sha256: string;
  bytes: number;
  provenance: WebProvenance;
  /** Every HTML page the archive holds (for --url). */
  pages: ArchiveRead['pages'];
  extractor: string;
  extracted: Extracted;
  /** The text a web source's body is verified against; see derivedText(). */
  text: string;
  textSha256: string;
}

export type DeriveResult = ({ ok: true } & Derived) | Refusal;

/** Read an archive, pick its page, decode it and extract the article: the whole path from bytes to text. */
export async function deriveWebCapture(path: string, url?: string): Promise<DeriveResult> {
  const archive = await readArchive(path, url);
  if (!archive.ok) return archive;
  const decoded = decodeHtml(archive.html, archive.page.contentType);
  if (!decoded.ok) return decoded;
  const x = extractArticle(decoded.text);
  if (!x.ok) return x;
  const text = derivedText(x.extracted);
  const { page } = archive;
  const provenance: WebProvenance = { format: archive.format };
  if (page.url) provenance.url = page.url;
  if (page.captured) provenance.captured = page.captured;
  if (page.status) provenance.status = page.status;
  if (page.payloadDigest) provenance.payloadDigest = page.payloadDigest;
  if (archive.tool) provenance.tool = archive.tool;
  return {
    ok: true,
    sha256: archive.sha256,
    bytes: archive.bytes,
    provenance,
    pages: archive.pages,
    extractor: extractorVersion(),
    extracted: x.extracted,
    text,
    textSha256: sha256(text),
  };
}
