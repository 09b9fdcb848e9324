import type { AstroIntegration } from 'astro';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../lib/content/location.ts';
import { buildIdOnce } from '../lib/print/build-id.ts';
import { keptPdfFor, keptPdfPath, outDir } from '../lib/print/kept.ts';

/**
 * Carries the PDF made by `npm run pdf` into each new build, when it was printed from the same
 * content: every build replaces dist/ whole, and the pages link to /dossier.pdf exactly when
 * this copy happens (src/components/PdfLink.astro applies the same test). List it before
 * atomicOutput, which swaps the finished folder in.
 */
export default function printPdf(): AstroIntegration {
  return {
    name: 'dossier:print-pdf',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = outDir();
        if (!keptPdfFor(out, buildIdOnce(contentDir()))) return;
        copyFileSync(keptPdfPath(out), join(fileURLToPath(dir), 'dossier.pdf'));
        logger.info('carried dossier.pdf into the build');
      },
    },
  };
}
