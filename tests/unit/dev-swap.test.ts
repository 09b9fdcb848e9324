import { DOMParser, parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { shellOf, swapIn } from '../../src/lib/dev/swap.ts';

const page = (o: { title?: string; header?: string; body?: string; description?: string; style?: string; script?: string }) => `<!DOCTYPE html><html lang="en"><head>
<title>${o.title ?? 'A source'}</title><meta name="description" content="${o.description ?? 'First.'}">
<style data-vite-dev-id="/src/styles/site.css">body{}</style>${o.style ?? ''}
<script type="module" src="/src/lib/enhance.ts"></script></head>
<body><header><a href="/">${o.header ?? 'The dossier'}</a></header><main id="main"><p>${o.body ?? 'Old words.'}</p>${o.script ?? ''}</main><footer>Edition 2020</footer></body></html>`;
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const open = (html: string) => parseHTML(html).document as unknown as Document;

describe('the dev server’s page swap', () => {
  it('puts the new <main>, title and metadata in place when nothing around <main> changed', () => {
    const doc = open(page({}));
    // The running page's own additions do not count as a change.
    doc.body.append(doc.createElement('astro-dev-toolbar'));
    const r = swapIn(doc, shellOf(doc), page({ title: 'A source, edited', body: 'New words.', description: 'Second.' }), parse);
    expect(r.swapped).toBe(true);
    expect(doc.querySelector('main')!.textContent).toBe('New words.');
    expect(doc.title).toBe('A source, edited');
    expect(doc.querySelectorAll('meta[name="description"]')).toHaveLength(1);
    expect(doc.querySelector('meta[name="description"]')!.getAttribute('content')).toBe('Second.');
  });

  it('asks for a reload when the header, a style or a script changed, or <main> holds a script', () => {
    for (const next of [page({ header: 'Another title' }), page({ style: '<style data-vite-dev-id="/src/components/Parallel.astro">p{}</style>' }), page({ script: '<script type="module">start()</script>' })]) {
      const doc = open(page({}));
      expect(swapIn(doc, shellOf(doc), next, parse).swapped).toBe(false);
      expect(doc.querySelector('main')!.textContent).toBe('Old words.');
    }
    // A page with no <main> (Astro's error page) is reloaded too.
    const error = open('<!DOCTYPE html><html><head><title>Error</title></head><body><pre>DossierError</pre></body></html>');
    expect(swapIn(error, shellOf(error), page({}), parse).swapped).toBe(false);
  });
});
