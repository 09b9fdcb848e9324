import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { endSpill, spliceBody, startSpill } from '../lib/print/spill.ts';

/** The folder in the staging output where print documents are written while they render. */
const SPILL_FOLDER = '.print-spill';

/**
 * The print edition's body is written to disk while a build renders it (src/lib/print/spill.ts
 * says why), into the staging output, which a failed build discards with it. Once the pages are
 * written, this puts each body in its page in place of its mark. List it before every integration
 * that reads the pages (search, portable, offline): they see the page whole.
 */
export default function printBody(): AstroIntegration {
  let building = false;
  let folder: string | undefined;
  return {
    name: 'dossier:print-body',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        if (!building) return;
        folder = join(fileURLToPath(config.outDir), SPILL_FOLDER);
        startSpill(folder);
      },
      'astro:build:done': ({ dir, logger }) => {
        const bodies = endSpill();
        try {
          for (const body of bodies) {
            const page = join(fileURLToPath(dir), body.pathname, body.pathname.endsWith('/') ? 'index.html' : '');
            spliceBody(page, body);
            logger.info(`wrote the body of ${body.pathname} into its page`);
          }
          if (folder) rmSync(folder, { recursive: true, force: true });
        } catch (e) {
          // A clear line, not a stack trace: the staging folder is discarded and the last good site stays.
          console.error(`\nPrint edition: could not put the document's body into its page: ${(e as Error).message}\nFix: check that the output folder is writable and has room, then build again.\n`);
          process.exit(1);
        }
      },
    },
  };
}
