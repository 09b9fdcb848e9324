/**
 * The official APA, MLA and Chicago styles print an access date only for an undated item (their
 * guides' rule for pages that change). A dossier quotes one archived version of a page, so the
 * time of that capture belongs in the citation even of a dated article: these rewrites make each
 * style print "Retrieved …" (APA) or "Accessed …" (MLA, Chicago) whenever the item has an
 * `accessed` date. Items without one (every plain-text capture) format exactly as before.
 */
const REWRITES: [RegExp, string][] = [
  // APA: the source-DOI-URL macro's "Retrieved <date>, from".
  [/<if match="none" variable="issued status">(<text term="retrieved")/g, '<if variable="accessed">$1'],
  // MLA's accessed macro, and Chicago's two accessed groups.
  [/<if variable="issued" match="none">(\s*<group delimiter=" ">\s*<text term="accessed")/g, '<if variable="accessed">$1'],
];

export function withAccessDate(xml: string): string {
  let out = xml;
  for (const [re, to] of REWRITES) out = out.replace(re, to);
  return out;
}
