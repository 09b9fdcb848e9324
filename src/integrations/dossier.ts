import type { AstroIntegration } from 'astro';
import { verifyContent } from '../lib/content/verify.ts';
import { reportProblems } from '../lib/content/report.ts';
import { contentDir } from '../lib/content/location.ts';

/**
 * Verifies the whole dossier before Astro loads a single collection, so an author sees every
 * problem at once, as file + field + fix, and never a stack trace. A failed check ends the
 * build before anything is written.
 */
export default function dossier(): AstroIntegration {
  return {
    name: 'dossier:verify',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev' && command !== 'sync') return;
        const { problems, dossier } = verifyContent(contentDir());
        if (problems.length === 0) {
          logger.info(`verified ${dossier!.sources.size} sources, ${dossier!.claims.size} claims, ${dossier!.responses.size} responses`);
          return;
        }
        reportProblems(problems);
        if (command !== 'dev') process.exit(1);
      },
    },
  };
}
