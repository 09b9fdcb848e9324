import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { NOT_CAPTURED } from '../../src/lib/format/labels.ts';
import { exists, readPage } from '../helpers/site.ts';

const dossier = verifyContent('src/content').dossier!;
const PAGES = ['overview', 'claims-compared', 'quote-variants', 'responses', 'sourcing', 'timeline', 'method'];

/** The element with this id, up to the next element of the same tag at the same depth (good enough for our flat lists). */
function element(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `#${id} exists`).toBeGreaterThan(-1);
  const open = html.lastIndexOf('<', start);
  const tag = /^<(\w+)/.exec(html.slice(open))![1];
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  re.lastIndex = open;
  for (let m; (m = re.exec(html)); ) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(open, m.index + m[0].length);
  }
  return html.slice(open);
}

describe('the analysis pages', () => {
  it('are all built, in the order of their frontmatter', () => {
    expect([...dossier.pages.keys()]).toEqual(PAGES);
    for (const p of PAGES) expect(exists(`${p}/index.html`), p).toBe(true);
  });

  it('type no table, matrix or quotation by hand: the MDX holds prose and components only', () => {
    for (const f of readdirSync('src/content/pages')) {
      const body = readFileSync(`src/content/pages/${f}`, 'utf8').split(/^---$/m).slice(2).join('---');
      expect(body, f).not.toMatch(/^\s*\|.*\|\s*$/m);
      expect(body, f).not.toMatch(/^\s*>/m);
      expect(body, f).not.toMatch(/<(table|blockquote)\b/i);
    }
  });

  it('link only to pages and anchors that exist', () => {
    for (const p of PAGES) {
      const html = readPage(`/${p}/`);
      for (const [, path, hash] of html.matchAll(/href="(\/[^"#]*)(?:#([^"]*))?"/g)) {
        if (path.startsWith('/_astro/') || path.startsWith('/pagefind/')) continue;
        const file = /\.\w+$/.test(path) ? path : `${path}index.html`;
        expect(exists(file), `${p} links to ${path}`).toBe(true);
        if (hash) expect(readPage(file), `${p} links to ${path}#${hash}`).toContain(`id="${hash}"`);
      }
    }
  });
});

describe('/responses/', () => {
  const html = readPage('/responses/');

  it('shows “absolutely ridiculous” linked to al-Ali’s claim, not the ministry’s', () => {
    const pahon = element(html, 'pahon-absolutely-ridiculous');
    expect(pahon).toContain('absolutely ridiculous');
    expect(pahon).toContain('href="/claims/al-ali-weapons-to-is/"');
    expect(pahon).not.toContain('href="/claims/pretending-to-fight/"');
  });

  it('gives every response an anchor and says which claims had no answer', () => {
    for (const id of dossier.responses.keys()) expect(html).toContain(`id="${id}"`);
    const none = element(html, 'unanswered-h');
    expect(none).toContain('Claims with no answer');
    expect(html).toContain('href="/claims/us-cover-evidence/"');
  });
});

describe('context entries', () => {
  it('each carry the “not in the captured corpus” label, with outlet and date, wherever they are listed', () => {
    for (const page of ['/sourcing/', '/timeline/']) {
      const html = readPage(page);
      const items = page === '/sourcing/' ? html.split('class="context-item"').slice(1) : [...dossier.context.keys()].map((id) => element(html, `ctx-${id}`));
      expect(items.length, page).toBe(dossier.context.size);
      for (const item of items) expect(item, page).toContain(NOT_CAPTURED);
    }
    for (const c of dossier.context.values()) expect(readPage('/sourcing/')).toContain(c.url ?? 'No address recorded.');
  });
});

describe('/timeline/ events', () => {
  it('mark an event no captured article reports as outside the corpus, and link every event to its later reporting', () => {
    const html = readPage('/timeline/');
    const outside = [...dossier.events].filter(([, e]) => e.sources.length === 0);
    expect(outside.length).toBeGreaterThan(0);
    for (const [id, e] of dossier.events) {
      const item = element(html, `ev-${id}`);
      expect(item.includes(NOT_CAPTURED), id).toBe(e.sources.length === 0);
      for (const c of e.context) expect(item, id).toContain(`href="#ctx-${c}"`);
      for (const s of e.sources) expect(item, id).toContain(`href="/sources/${s}/"`);
    }
  });
});

describe('/claims-compared/', () => {
  const html = readPage('/claims-compared/');

  it('links every appearance to its passage, and the passage links back to the claim', () => {
    for (const claim of dossier.claims.values()) {
      for (const a of claim.appearances) {
        expect(html).toContain(`href="/sources/${a.source}/#${a.anchor}"`);
        const source = readPage(`/sources/${a.source}/`);
        expect(source).toContain(`id="${a.anchor}"`);
        expect(source).toContain(`href="/claims/${claim.id}/"`);
      }
    }
  });
});

describe('/quote-variants/', () => {
  const html = readPage('/quote-variants/');
  const figure = (id: string) => element(html, id);

  it('compares the required statements in the required outlets', () => {
    const evidence = figure('variants-us-cover-evidence');
    for (const o of ['Deutsche Welle (DW)', 'TASS', 'Xinhua News Agency']) expect(evidence).toContain(o);
    const geneva = figure('variants-joint-strikes-refused-convention');
    for (const o of ['Deutsche Welle (DW)', 'TASS', 'Xinhua News Agency']) expect(geneva).toContain(o);
    expect(geneva).toContain('Geneva');
    const pretending = figure('variants-pretending-to-fight');
    for (const o of ['The Independent', 'Center for Eurasian Studies']) expect(pretending).toContain(o);
    expect(html).toMatch(/<del[^>]*>/);
    expect(html).toMatch(/<ins[^>]*>/);
  });
});

describe('claim pages', () => {
  it('put every outlet’s wording side by side, verbatim from the source', () => {
    for (const claim of dossier.claims.values()) {
      const html = readPage(`/claims/${claim.id}/`);
      for (const a of claim.appearances) {
        const source = dossier.sources.get(a.source)!;
        const words = a.spans.map((s) => source.text.slice(s.start, s.end))[0].replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').slice(0, 40);
        expect(html.replace(/&#39;/g, "'"), `${claim.id} in ${a.source}`).toContain(words.replace(/&#39;/g, "'"));
      }
    }
  });
});
