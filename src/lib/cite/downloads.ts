import type { CslItem } from './csl.ts';
import { toBibtex, toCslJson, toRis } from './format.ts';

/** The per-item citation files, served at /cite/<id>.<ext>. */
export const CITE_DOWNLOADS = [
  { ext: 'json', label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json; charset=utf-8', render: (i: CslItem) => toCslJson([i]) },
  { ext: 'bib', label: 'BibTeX', type: 'application/x-bibtex; charset=utf-8', render: (i: CslItem) => toBibtex([i]) },
  { ext: 'ris', label: 'RIS', type: 'application/x-research-info-systems; charset=utf-8', render: (i: CslItem) => toRis([i]) },
] as const;

export const citeHref = (id: string, ext: string) => `/cite/${id}.${ext}`;

export function citeDownload(ext: (typeof CITE_DOWNLOADS)[number]['ext']) {
  return CITE_DOWNLOADS.find((d) => d.ext === ext)!;
}
