import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import type { Problem } from '../problems.ts';
import { LAYOUT, readCapture, readDocumentFile, readEntryFile, readListFile, type ListCollection, type RawEntry } from './read.ts';
import { contentDir } from './location.ts';
import { existsSync, readdirSync } from 'node:fs';
import { takeHandoff } from './handoff.ts';

/*
 * Astro content-layer loaders over the same readers the verifier uses, so the site and
 * `npm run check` see identical data. Faults are reported by the verifier before Astro
 * loads anything (see src/integrations/dossier.ts); here they are simply skipped.
 *
 * When the verifier has just verified the same, unchanged folder in this process, getDossier()
 * takes its graph directly, so nothing reads these collections: they are left empty rather
 * than copied into Astro's data store, which the build would otherwise serialise and bundle
 * into the page code (8 MB at 1,000 sources). Only the MDX pages, which Astro renders, are
 * always loaded (by the glob loader in src/content.config.ts).
 */

type Store = Parameters<Loader['load']>[0];

const handedOver = () => takeHandoff(contentDir()) !== undefined;

async function put(ctx: Store, entries: RawEntry[]) {
  ctx.store.clear();
  if (handedOver()) return;
  for (const e of entries) {
    const data = await ctx.parseData({ id: e.id, data: e.data as Record<string, unknown>, filePath: e.file });
    ctx.store.set({ id: e.id, data, body: e.body, filePath: e.file });
  }
}

const files = (dir: string, ext: string) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext) && !f.startsWith('.') && !f.startsWith('_')).sort().map((f) => join(dir, f)) : [];

export function settingsLoader(): Loader {
  return {
    name: 'dossier-settings',
    load: async (ctx) => {
      if (handedOver()) return put(ctx, []);
      const entry = readEntryFile(join(contentDir(), LAYOUT.dossier), process.cwd(), []);
      await put(ctx, entry && !entry.unreadable ? [{ ...entry, id: 'dossier' }] : []);
    },
  };
}

export function listLoader(name: ListCollection): Loader {
  return {
    name: `dossier-${name}`,
    load: async (ctx) => put(ctx, handedOver() ? [] : readListFile(join(contentDir(), LAYOUT[name]), process.cwd(), [] as Problem[])),
  };
}

export function documentLoader(name: 'sources' | 'claims' | 'responses'): Loader {
  return {
    name: `dossier-${name}`,
    load: async (ctx) => {
      const dir = join(contentDir(), LAYOUT[name]);
      const read = name === 'sources' ? readDocumentFile : readEntryFile;
      if (handedOver()) return put(ctx, []);
      const entries = files(dir, name === 'sources' ? '.md' : '.yaml').map((p) => read(p, process.cwd(), [])).filter((e): e is RawEntry => !!e && !e.unreadable);
      await put(ctx, entries);
    },
  };
}

export function captureLoader(): Loader {
  return {
    name: 'dossier-captures',
    load: async (ctx) => {
      ctx.store.clear();
      if (handedOver()) return;
      for (const c of files(join(contentDir(), LAYOUT.captures), '.txt').map((p) => readCapture(p, process.cwd()))) {
        ctx.store.set({ id: c.id, data: await ctx.parseData({ id: c.id, data: { ...c } }), filePath: c.file });
      }
    },
  };
}
