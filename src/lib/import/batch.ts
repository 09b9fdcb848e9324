import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse } from 'yaml';
import { sha256 } from '../content/read.ts';
import { readCaptureFile } from './capture-file.ts';
import { atLeast, detect, type KnownOutlet } from './detect.ts';
import { writeDraft } from './draft.ts';
import { classifyLines } from './lines.ts';
import type { ImportRules } from './types.ts';

export interface ImportOptions {
  contentDir: string;
  rules: ImportRules;
  force?: boolean;
  /** The year to assume when a dateline gives only the day and month. */
  year?: number;
  /** Append a stub to outlets.yaml for an outlet it does not know yet. */
  createOutlets?: boolean;
}

export interface ImportResult {
  file: string;
  status: 'imported' | 'skipped' | 'failed';
  id?: string;
  message: string;
  fix?: string;
  review: string[];
}

/** Expand folders into their .txt files, in name order; plain files pass through. */
export function expandInputs(inputs: string[]): string[] {
  return inputs.flatMap((p) => {
    try {
      if (statSync(p).isDirectory()) return readdirSync(p).filter((f) => f.endsWith('.txt') && !f.startsWith('.')).sort().map((f) => join(p, f));
    } catch {
      // A missing path is reported by readCaptureFile, in its turn.
    }
    return [p];
  });
}

export function readKnownOutlets(contentDir: string): KnownOutlet[] {
  const file = join(contentDir, 'outlets.yaml');
  if (!existsSync(file)) return [];
  try {
    const list = parse(readFileSync(file, 'utf8'));
    return Array.isArray(list) ? list.filter((o) => typeof o?.id === 'string').map((o) => ({ id: o.id, name: String(o.name ?? o.id) })) : [];
  } catch {
    return []; // the verifier reports a broken outlets.yaml with its own message
  }
}

/**
 * Imports captures into one content folder. It remembers what the folder already holds
 * (by id and by hash) so a batch of thousands stays linear and never overwrites anything
 * without --force.
 */
export class Importer {
  private readonly byHash = new Map<string, string>();
  private readonly taken = new Set<string>();
  private readonly known: KnownOutlet[];
  private readonly opts: ImportOptions;
  constructor(opts: ImportOptions) {
    this.opts = opts;
    for (const dir of ['captures', 'sources']) mkdirSync(join(opts.contentDir, dir), { recursive: true });
    for (const f of readdirSync(join(opts.contentDir, 'captures')).filter((f) => f.endsWith('.txt'))) {
      const id = basename(f, '.txt');
      this.taken.add(id);
      this.byHash.set(sha256(readFileSync(join(opts.contentDir, 'captures', f))), id);
    }
    for (const f of readdirSync(join(opts.contentDir, 'sources')).filter((f) => f.endsWith('.md'))) this.taken.add(basename(f, '.md'));
    this.known = readKnownOutlets(opts.contentDir);
  }

  importFile(path: string): ImportResult {
    const file = path;
    const read = readCaptureFile(path);
    if (!read.ok) return { file, status: 'failed', message: read.message, fix: read.fix, review: [] };
    const hash = sha256(read.bytes);
    const existing = this.byHash.get(hash);
    if (existing && !this.opts.force) {
      return { file, status: 'skipped', id: existing, message: `already imported as "${existing}" (same SHA-256)`, fix: 'Nothing to do; pass --force to rewrite its draft source from the capture.', review: [] };
    }
    const classified = classifyLines(read.text, this.opts.rules);
    const detected = detect(classified, this.opts.rules, this.known, this.opts.year, basename(path));
    // A forced re-import recomputes the id from what is detected now (the rules may have improved);
    // the old id is free again for it.
    if (existing) this.taken.delete(existing);
    const id = this.freeId(this.idFor(path, detected));
    const captureFile = join(this.opts.contentDir, 'captures', `${id}.txt`);
    const sourceFile = join(this.opts.contentDir, 'sources', `${id}.md`);
    const outletName = this.known.find((o) => o.id === detected.outlet.value)?.name ?? detected.outlet.name;
    const stub = Boolean(detected.outlet.value && !detected.outlet.known && this.opts.createOutlets);
    const draft = writeDraft({ id, sha256: hash, originalName: basename(path), classified, detected, outletName, outletStubAdded: stub });
    writeFileSync(captureFile, read.bytes); // the original bytes, not the decoded text
    writeFileSync(sourceFile, draft.markdown);
    let moved = '';
    if (existing && existing !== id) {
      // The capture and its draft move to the new id; nothing else refers to a draft's id yet, unless the author did.
      for (const f of [join(this.opts.contentDir, 'captures', `${existing}.txt`), join(this.opts.contentDir, 'sources', `${existing}.md`)]) rmSync(f, { force: true });
      moved = ` (was ${existing}; update any claim, response, event or page that names "${existing}")`;
    }
    this.byHash.set(hash, id);
    this.taken.add(id);
    if (stub) this.addOutletStub(detected.outlet.value!, outletName ?? detected.outlet.value!, detected.outlet.nameFrom ?? 'the id');
    return { file, status: 'imported', id, message: `${existing ? 're-imported' : 'imported'} as ${id}${moved}`, review: draft.review };
  }

  /** "<outlet>-<date>" when both are known well enough, as the curated sources are named; else the file name. */
  private idFor(path: string, d: ReturnType<typeof detect>): string {
    if (d.outlet.value && d.date.value && atLeast(d.outlet.confidence, 'low') && atLeast(d.date.confidence, 'low')) return `${d.outlet.value}-${d.date.value}`;
    const stem = basename(path, extname(path)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return stem || 'capture';
  }

  private freeId(base: string): string {
    if (!this.taken.has(base)) return base;
    for (let n = 2; ; n++) if (!this.taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  private addOutletStub(id: string, name: string, nameFrom: string) {
    const file = join(this.opts.contentDir, 'outlets.yaml');
    const note = `Added by npm run import --create-outlets; the name was taken from ${nameFrom}: check it, and describe the outlet.`;
    const stub = `- id: ${id}\n  name: ${JSON.stringify(name)}\n  kind: unknown (stub added by the importer)\n  country: unknown\n  notes: ${JSON.stringify(note)}\n`;
    const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
    // An empty list written as "[]" cannot take a block entry after it: start the list afresh.
    if (before.trim() === '' || before.trim() === '[]') writeFileSync(file, stub);
    else appendFileSync(file, (before.endsWith('\n') ? '' : '\n') + stub);
    this.known.push({ id, name });
  }
}
