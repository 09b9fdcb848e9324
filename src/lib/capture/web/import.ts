import { copyFileSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse, Scalar } from 'yaml';
import { splitFrontmatter } from '../../content/frontmatter.ts';
import { readKnownOutlets, type Importer, type ImportResult } from '../../import/batch.ts';
import { detect, resolveOutlet, type Detected, type KnownOutlet } from '../../import/detect.ts';
import { writeDraft } from '../../import/draft.ts';
import type { Classified } from '../../import/lines.ts';
import type { ClassifiedLine, ImportRules } from '../../import/types.ts';
import { isoDateIn, parseDateline } from '../../import/dates.ts';
import { deriveWebCapture, type DeriveResult, type Derived } from './derive.ts';
import { deriveSync } from './derive-sync.ts';
import { WEB_CAPTURE_EXTS, webCaptureFiles, webFormatOf } from './files.ts';
import { sha256File } from '../../hash.ts';

export interface WebImportOptions {
  contentDir: string;
  rules: ImportRules;
  force?: boolean;
  createOutlets?: boolean;
  /** The page to import from an archive that holds several. */
  url?: string;
}

/**
 * Imports web captures (WARC, WACZ, saved HTML) beside the .txt importer, sharing its record of
 * taken ids so that a mixed batch never reuses one. The archive is copied byte for byte to
 * captures/<id>.<ext>; the draft's body is the derived text's blocks, its facts come from the
 * page's own metadata, and its `web:` block records the provenance and the extractor.
 */
export class WebImporter {
  /** "<archive sha256> <page url>" → id: one archive may hold several pages, each its own source. */
  private readonly byPage = new Map<string, string>();
  private readonly known: KnownOutlet[];
  private readonly opts: WebImportOptions;
  private readonly ids: Importer;
  constructor(opts: WebImportOptions, ids: Importer) {
    this.opts = opts;
    this.ids = ids;
    this.known = readKnownOutlets(opts.contentDir);
    for (const { id, path } of webCaptureFiles(join(opts.contentDir, 'captures'))) {
      ids.taken.add(id);
      this.byPage.set(`${sha256File(path).sha256} ${pageOf(opts.contentDir, id)}`, id);
    }
  }

  /** `derived`: the result of deriving it already (a batch derives in worker threads, see prepare()). */
  async importFile(path: string, derived?: DeriveResult): Promise<ImportResult> {
    const file = path;
    const d = derived ?? (await deriveWebCapture(path, this.opts.url));
    if (!d.ok) return { file, status: 'failed', message: d.message, fix: d.fix, review: [] };
    const key = `${d.sha256} ${d.provenance.url ?? ''}`;
    const existing = this.byPage.get(key);
    if (existing && !this.opts.force) {
      return { file, status: 'skipped', id: existing, message: `already imported as "${existing}" (same SHA-256${d.provenance.url ? ' and page' : ''})`, fix: 'Nothing to do; pass --force to rewrite its draft source from the capture.', review: [] };
    }
    const classified = classify(d, this.opts.rules);
    const detected = this.facts(d, classified);
    const base = detected.outlet.value && detected.date.value ? `${detected.outlet.value}-${detected.date.value}` : stem(path);
    const id = existing ?? this.ids.freeId(base);
    const ext = webFormatOf(path)!.ext;
    const review: string[] = ['text: read the derived text against the page (open the archive in ReplayWeb.page): Readability may keep a line of page furniture or drop a line of the article'];
    // Quoted, or a YAML reader would take the capture time for a timestamp, or a hash of digits for a number.
    const quoted = (v: string) => Object.assign(new Scalar(v), { type: Scalar.QUOTE_DOUBLE });
    const web = { ...d.provenance, ...(d.provenance.captured ? { captured: quoted(d.provenance.captured) } : {}), extractor: d.extractor, textSha256: quoted(d.textSha256) };
    const stub = Boolean(detected.outlet.value && !detected.outlet.known && this.opts.createOutlets && !this.known.some((o) => o.id === detected.outlet.value));
    const draft = writeDraft({
      id,
      sha256: d.sha256,
      originalName: basename(path),
      classified,
      detected,
      outletName: this.known.find((o) => o.id === detected.outlet.value)?.name ?? detected.outlet.name,
      outletStubAdded: stub,
      extra: { ...(d.provenance.url ? { url: d.provenance.url } : {}), web },
      caveats: d.provenance.format === 'html'
        ? ['A saved HTML page: no address, capture time, HTTP status or payload digest is recorded with it.']
        : [],
    });
    // The capture first, under a temporary name, then renamed: never half an archive in captures/.
    const target = join(this.opts.contentDir, 'captures', `${id}.${ext}`);
    for (const other of WEB_CAPTURE_EXTS) if (other !== ext && existing) rmSync(join(this.opts.contentDir, 'captures', `${id}.${other}`), { force: true });
    copyFileSync(path, `${target}.part`);
    renameSync(`${target}.part`, target);
    writeFileSync(join(this.opts.contentDir, 'sources', `${id}.md`), draft.markdown);
    this.byPage.set(key, id);
    this.ids.taken.add(id);
    if (stub) {
      this.ids.addOutletStub(detected.outlet.value!, detected.outlet.name ?? detected.outlet.value!, detected.outlet.nameFrom ?? 'the id');
      this.known.push({ id: detected.outlet.value!, name: detected.outlet.name ?? detected.outlet.value! });
    }
    return { file, status: 'imported', id, message: `${existing ? 're-imported' : 'imported'} as ${id} (${d.provenance.url ?? 'saved page'})`, review: [...review, ...draft.review] };
  }

  /** Derive a large batch in worker threads, one per core, before importing it file by file. */
  prepare(paths: string[]): Map<string, DeriveResult> {
    const web = paths.filter((p) => webFormatOf(p));
    if (web.length < 64) return new Map();
    const results = deriveSync(web.map((path) => ({ path, url: this.opts.url })), true) as DeriveResult[];
    return new Map(web.map((p, i) => [p, results[i]]));
  }

  /** The text importer's detection for what it finds in text (dateline, credits, weekday checks), the page's metadata for the rest. */
  private facts(d: Derived, c: Classified): Detected {
    const det = detect(c, this.opts.rules, this.known);
    const x = d.extracted;
    det.title = { value: x.headline.value, evidence: x.headline.value, confidence: x.headline.agree.length >= 2 ? 'high' : 'medium', note: `the page's ${x.headline.agree.join(' and ')}${x.headline.agree.length < 2 ? ' (no second source in the page agrees)' : ''}` };
    if (x.publisher) {
      const o = resolveOutlet(x.publisher, this.opts.rules, this.known);
      det.outlet = { value: o.id, name: x.publisher, nameFrom: 'the page\'s og:site_name or JSON-LD publisher', known: o.known, confidence: o.known ? 'high' : 'medium', evidence: x.publisher, note: `named by the page's og:site_name or JSON-LD publisher${o.known ? '' : `; "${o.id}" is not in outlets.yaml yet`}` };
    }
    const dated = x.dates.flatMap((f) => {
      const found = isoDateIn(f.value);
      return found ? [{ ...f, date: found.date }] : [];
    });
    if (dated.length) {
      const [best] = dated;
      const agree = dated.filter((f) => f.date === best.date);
      const disagree = dated.filter((f) => f.date !== best.date);
      const strong = best.from !== '<time datetime>';
      det.date = {
        value: best.date,
        precision: 'day',
        confidence: disagree.length ? 'medium' : strong || agree.length > 1 ? 'high' : 'medium',
        evidence: best.line,
        note: `The page's ${best.from} dates the article (the date as the outlet wrote it, in its own time zone).${disagree.length ? ` But its ${disagree.map((f) => `${f.from} says ${f.date}`).join(', ')}.` : ''}`,
        extra: agree.slice(1).map((f) => ({ quote: f.line, note: `The page's ${f.from} gives the same date.` })),
      };
    }
    const first = c.lines.find((l) => l.role.kind === 'paragraph');
    const dl = first && parseDateline(first.text);
    if (dl) det.dateline = { value: dl.text, confidence: 'high', evidence: dl.text, note: `a ${dl.city} dateline naming ${dl.agency}` };
    if (x.byline) det.byline = { value: x.byline.value, confidence: 'high', evidence: x.byline.line, note: `the page's ${x.byline.from}` };
    if (x.language) det.language = { value: x.language, confidence: 'high', note: 'the page\'s <html lang>' };
    return det;
  }
}

/** Lines of the derived text with their roles: the title, metadata lines (removed), then the blocks. */
function classify(d: Derived, rules: ImportRules): Classified {
  const x = d.extracted;
  const lines: ClassifiedLine[] = [{ line: 1, text: x.headline.value, role: { kind: 'title' } }];
  for (const text of x.metaLines) lines.push({ line: lines.length + 1, text, role: { kind: 'removed', reason: 'page-metadata', why: 'the page\'s own metadata, recorded in the frontmatter' } });
  const byline = x.byline?.value;
  x.blocks.forEach((b, i) => {
    const line: ClassifiedLine = { line: lines.length + 1, text: b.text, role: { kind: b.kind } };
    const rule = rules.boilerplate.find((r) => r.patterns.some((p) => p.test(b.text)));
    if (rule) line.role = { kind: 'removed', reason: rule.reason, why: rule.note || rule.reason };
    else if (byline && i < 3 && b.text.includes(byline) && b.text.split(/\s+/).length <= 12) {
      line.role = { kind: 'removed', reason: 'page-metadata', why: 'the byline as printed on the page' };
      line.unsure = 'taken for the printed byline; keep it if it is article text';
    }
    lines.push(line);
  });
  return { lines, title: 0, titleHow: 'title-bar' };
}

const stem = (path: string) => basename(path).toLowerCase().replace(/\.(warc\.gz|warc|wacz|html?)$/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'capture';

/** The page a source made from this capture names (web.url), if its draft is there to read. */
function pageOf(contentDir: string, id: string): string {
  try {
    const { frontmatter } = splitFrontmatter(readFileSync(join(contentDir, 'sources', `${id}.md`), 'utf8'));
    return String((parse(frontmatter ?? '') as { web?: { url?: unknown } } | null)?.web?.url ?? '');
  } catch {
    return '';
  }
}
