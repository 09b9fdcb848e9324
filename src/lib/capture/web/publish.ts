/**
 * How a web capture is published beside its derived text (/captures/<id>.txt). A saved HTML page
 * is published as plain text (.html.txt): served as HTML from the dossier's own address, its
 * scripts would run there. The bytes, and so the SHA-256, are the capture's own in every case.
 */
export const PUBLISHED: Record<string, { ext: string; type: string; label: string }> = {
  'warc.gz': { ext: 'warc.gz', type: 'application/gzip', label: 'WARC, gzipped' },
  warc: { ext: 'warc', type: 'application/warc', label: 'WARC' },
  wacz: { ext: 'wacz', type: 'application/wacz', label: 'WACZ' },
  html: { ext: 'html.txt', type: 'text/plain; charset=utf-8', label: 'saved HTML page, published as plain text so that nothing in it runs' },
};

/** The site path of a web capture's archive. */
export const archivePath = (id: string, ext: string) => `captures/${id}.${PUBLISHED[ext]?.ext ?? ext}`;
