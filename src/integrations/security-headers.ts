import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile, hostingHeaders, policyFromHtml, unsafeSources } from '../lib/security/policy.ts';

/**
 * Writes `_headers` (the format Netlify and Cloudflare Pages read) with the Content Security
 * Policy the Base layout put in the pages, plus the directives only a header can carry. Every
 * page has the same policy, so the home page's <meta> is the site's policy; reading it back from
 * the built page, rather than from policy.ts, catches a layout that lost it. List it after the
 * offline integration, so the service worker does not cache `_headers`, and before atomicOutput.
 */
export default function securityHeaders(): AstroIntegration {
  return {
    name: 'dossier:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const home = join(root, 'index.html');
        const policy = existsSync(home) ? policyFromHtml(readFileSync(home, 'utf8')) : undefined;
        if (!policy) fail('index.html carries no Content-Security-Policy <meta>.', 'keep the content-security-policy <meta> that src/layouts/Base.astro writes from pagePolicy() (see docs/hosting.md).');
        const unsafe = unsafeSources(policy);
        if (unsafe.length) fail(`the Content-Security-Policy allows ${unsafe.join(', ')}.`, 'remove these sources from src/lib/security/policy.ts; ship scripts and styles as files instead.');
        writeFileSync(join(root, '_headers'), headersFile(hostingHeaders(policy)));
        logger.info('wrote _headers (Content-Security-Policy and hardening headers for the host)');
      },
    },
  };
}

function fail(problem: string, fix: string): never {
  // A clear line, not a stack trace: the staging folder is discarded and the last good site stays.
  console.error(`\nSecurity headers: ${problem}\nFix: ${fix}\n`);
  process.exit(1);
}
