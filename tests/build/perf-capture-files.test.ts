import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { siteDir } from '../helpers/site.ts';
import { verifyContent } from '../../src/lib/content/verify.ts';
import siteFiles from '../../src/integrations/site-files.ts';

// The raw captures are copied by an integration, not rendered as 1,000 routes.
describe('/captures/ files', () => {
  const { dossier } = verifyContent('src/content');
  const captures = [...dossier!.captures.values()];

  it('are the capture files, byte for byte', () => {
    expect(captures.length).toBeGreaterThan(0);
    for (const c of captures) {
      expect(readFileSync(join(siteDir(), 'captures', `${c.id}.txt`)).equals(readFileSync(join('src/content/captures', `${c.id}.txt`))), c.id).toBe(true);
    }
  });

  it('are the only files in /captures/', () => {
    expect(new Set(readdirSync(join(siteDir(), 'captures')))).toEqual(new Set(captures.map((c) => `${c.id}.txt`)));
  });

  it('stay out of the sitemap', () => {
    const maps = readdirSync(siteDir()).filter((f) => /^sitemap-\d+\.xml$/.test(f)).map((f) => readFileSync(join(siteDir(), f), 'utf8'));
    expect(maps.length).toBeGreaterThan(0);
    for (const xml of maps) expect(xml).not.toMatch(/\/captures\//);
  });

  it('are served byte for byte by `astro dev`, and other paths are passed on', async () => {
    type Handler = (req: { url: string }, res: PassThrough & { setHeader: (k: string, v: string) => void }, next: () => void) => void;
    let handler: Handler | undefined;
    const setup = siteFiles().hooks['astro:server:setup'] as unknown as (o: unknown) => void;
    setup({ server: { middlewares: { use: (h: Handler) => (handler = h) } } });
    const get = (url: string) => new Promise<{ body?: Buffer; type?: string; passed: boolean }>((resolve) => {
      const res = Object.assign(new PassThrough(), { type: undefined as string | undefined, setHeader(_: string, v: string) { res.type = v; } });
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ body: Buffer.concat(chunks), type: res.type, passed: false }));
      handler!({ url }, res, () => resolve({ passed: true }));
    });
    const c = captures[0];
    const served = await get(`/captures/${c.id}.txt?x=1`);
    expect(served.passed).toBe(false);
    expect(served.type).toBe('text/plain; charset=utf-8');
    expect(served.body!.equals(readFileSync(join('src/content/captures', `${c.id}.txt`)))).toBe(true);
    expect((await get('/captures/no-such-capture.txt')).passed).toBe(true);
    expect((await get('/sources/')).passed).toBe(true);
    // /dossier.json, which a build writes straight to the output too, served as the build wrote it.
    const graph = await get('/dossier.json');
    expect(graph.passed).toBe(false);
    expect(graph.type).toBe('application/json; charset=utf-8');
    expect(graph.body!.equals(readFileSync(join(siteDir(), 'dossier.json')))).toBe(true);
  });
});
