import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BundleError, portableScripts } from '../../src/integrations/portable-bundle.ts';
import { removeFully } from '../../src/lib/discard.ts';

let site = '';
afterEach(() => removeFully(site));

describe('portable scripts', () => {
  it('refuses a build that lacks a file the scripts need with a message naming it, not esbuild’s bare error', async () => {
    site = mkdtempSync(join(tmpdir(), 'bundle-'));
    mkdirSync(join(site, '_astro'));
    mkdirSync(join(site, 'pagefind'));
    const failure = await portableScripts(site).then(() => undefined, (e: unknown) => e);
    expect(failure).toBeInstanceOf(BundleError);
    expect((failure as Error).message).toMatch(/(search-results\.\*\.css|pagefind-component-ui\.js|pagefind\.js): not in the build[^\n]*\nFix: /);
    expect((failure as Error).message).not.toMatch(/did not bundle/);
  });
});
