import type { Capture, SourceData } from '../../schemas/index.ts';

type Report = (field: (string | number)[], message: string, fix: string) => void;

const PROVENANCE = ['format', 'url', 'captured', 'status', 'payloadDigest', 'tool'] as const;

/**
 * Check a source against its web capture: the same extractor, the same derived text as at import,
 * and provenance that the archive itself records. Returns false when the capture's text cannot be
 * trusted for the usual block-by-block checks (unreadable archive, another extractor), so the
 * author sees the cause once rather than every paragraph reported as missing.
 */
export function checkWebSource(d: SourceData, capture: Capture, report: Report): boolean {
  const c = capture.web;
  if (!d.web && !c) return true;
  if (d.web && !c) {
    report(['web'], `has a web: block, but its capture ${capture.file} is a plain-text capture`, 'Point capture.id at the web capture (the .warc.gz, .wacz or .html in captures/), or remove the web: block.');
    return true;
  }
  if (!c) return true;
  if (c.error) return false; // reported on the capture file itself
  if (!d.web) {
    report(['web'], `uses the web capture ${capture.file} but has no web: block recording its provenance and extractor`, `Import it again to write one: npm run import -- --force ${capture.file}`);
    return false;
  }
  if (d.web.extractor !== c.extractor) {
    report(['web', 'extractor'], `was extracted by ${d.web.extractor}, but this build extracts with ${c.extractor}; the text it quotes might no longer come out of ${capture.file} the same way`,
      `Either install the recorded versions again (npm install --save-exact with the versions above), or re-derive and review: npm run import -- --force ${capture.file}${d.web.url ? ` --url ${d.web.url}` : ''}, then read git diff before committing; quotes that no longer match are then reported by name.`);
    return false;
  }
  if (d.web.textSha256 !== c.textSha256) {
    report(['web', 'textSha256'], `the text derived from ${capture.file} now has SHA-256 ${c.textSha256}, not the ${d.web.textSha256} recorded at import: the same extractor version gave other text (a changed dependency or platform), or the field was edited`,
      `Run npm install to restore the pinned versions; if the text really changed, re-import with npm run import -- --force ${capture.file} and review git diff. The paragraphs that differ are listed below.`);
  }
  for (const k of PROVENANCE) {
    if (d.web[k] !== c[k]) {
      report(['web', k], `${k} is ${JSON.stringify(d.web[k] ?? null)}, but the archive ${capture.file} records ${JSON.stringify(c[k] ?? null)}`, 'Provenance is read from the archive, never typed: copy the value the archive records, or re-import it.');
    }
  }
  return true;
}
