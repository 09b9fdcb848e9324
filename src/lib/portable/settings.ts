/**
 * Whether the build writes the portable edition (docs/portable.md). On unless DOSSIER_PORTABLE=0:
 * the bench turns it off to measure what it adds to a build.
 */
export const portableEnabled = (): boolean => process.env.DOSSIER_PORTABLE !== '0';

/** What the web edition's download link says until the zip exists: the build fills both in (src/integrations/portable.ts). */
export const SIZE_PLACEHOLDER = 'PORTABLE-ZIP-SIZE';
export const SHA_PLACEHOLDER = 'PORTABLE-ZIP-SHA256';
