import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { Problem } from '../problems.ts';
import { LAYOUT, readCapture, readDocumentFile, readEntryFile, readListFile, type ListCollection, type RawEntry } from './read.ts';
import { contentDir } from './location.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
 * always loaded (pagesLoader, below).
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

/**
 * The MDX analysis pages, stored for Astro to render as `astro/loaders`' glob loader stores
 * them (deferred rendering, so `render(entry)` compiles the MDX with its components), and
 * reloaded in `astro dev` when one changes. Not glob itself: importing `astro/loaders` puts the
 * file loader's YAML and TOML parsers and more through Vite's module runner at every build and
 * dev start (about 0.5 s) for seven files we can list ourselves.
 */
export function pagesLoader(): Loader {
  return {
    name: 'dossier-pages',
    load: async ({ store, parseData, generateDigest, entryTypes, config, watcher, logger }) => {
      const dir = join(contentDir(), LAYOUT.pages);
      const mdx = entryTypes.get('.mdx');
      if (!mdx) return logger.error('The MDX integration is missing: analysis pages cannot be loaded.');
      const root = fileURLToPath(config.root);
      const sync = async (file: string) => {
        const contents = readFileSync(file, 'utf8');
        const { body, data } = await mdx.getEntryInfo({ contents, fileUrl: pathToFileURL(file) });
        const id = basename(file, '.mdx');
        const digest = generateDigest(contents);
        if (store.get(id)?.digest === digest) return;
        const parsed = await parseData({ id, data, filePath: file });
        store.set({ id, data: parsed, body, filePath: relative(root, file).split('\\').join('/'), digest, deferredRender: true });
      };
      const all = files(dir, '.mdx');
      for (const id of store.keys()) if (!all.some((f) => basename(f, '.mdx') === id)) store.delete(id);
      for (const file of all) await sync(file);
      if (!watcher) return;
      watcher.add(dir);
      const inPages = (path: string) => path.startsWith(dir) && path.endsWith('.mdx');
      watcher.on('change', (path) => void (inPages(path) && sync(path)));
      watcher.on('add', (path) => void (inPages(path) && sync(path)));
      watcher.on('unlink', (path) => void (inPages(path) && store.delete(basename(path, '.mdx'))));
    },
  };
}
