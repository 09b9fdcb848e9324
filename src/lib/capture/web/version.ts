import { createRequire } from 'node:module';

/**
 * Bumped whenever this engine's own part of the extraction (block walking, metadata lines, white
 * space folding in src/lib/capture/web/extract.ts) changes what it derives from the same bytes.
 */
export const DOSSIER_EXTRACTION_REVISION = 1;

const require = createRequire(import.meta.url);
const versionOf = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;

let cached: string | undefined;
/**
 * Everything that turns archived bytes into a source's text, with exact versions. A source records
 * it at import; a build whose extractor differs refuses the source rather than quote other words.
 */
export function extractorVersion(): string {
  return (cached ??= `@mozilla/readability@${versionOf('@mozilla/readability')} linkedom@${versionOf('linkedom')} dossier-web@${DOSSIER_EXTRACTION_REVISION}`);
}
