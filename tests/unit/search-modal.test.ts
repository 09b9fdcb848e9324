import { describe, expect, it } from 'vitest';
import { modalMarkup, MODAL_MAX_RESULTS, SEARCH_DEBOUNCE_MS, installModal } from '../../src/lib/search/modal.ts';
import { createI18n } from '../../src/lib/i18n/translate.ts';

const MODAL_MARKUP = modalMarkup(createI18n('en').client('search'));

const attr = (tag: string, name: string) => new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`).exec(MODAL_MARKUP)?.[1];

describe('the header search modal', () => {
  it('searches soon after the last keystroke, not after Pagefind’s 300 ms default', () => {
    expect(SEARCH_DEBOUNCE_MS).toBeGreaterThan(0);
    expect(SEARCH_DEBOUNCE_MS).toBeLessThan(100);
    // Pagefind reads parseInt(debounce) || 300, so the attribute must be a positive integer.
    expect(attr('pagefind-input', 'debounce')).toBe(String(SEARCH_DEBOUNCE_MS));
  });

  it('lists the best results only, so rendering never holds up the next keystroke', () => {
    expect(attr('pagefind-results', 'max-results')).toBe(String(MODAL_MAX_RESULTS));
    expect(MODAL_MAX_RESULTS).toBeGreaterThan(0);
    expect(MODAL_MARKUP).toMatch(/href="\/search\/"[^>]*data-search-all/);
  });

  it('speaks the dossier’s language, escaped', () => {
    const ar = modalMarkup(createI18n('ar').client('search'));
    expect(ar).toContain('placeholder="ابحث في المصادر والادعاءات والردود…"');
    expect(ar).toContain('>كل النتائج، مع المرشحات</a>');
    expect(MODAL_MARKUP).toContain('placeholder="Search sources, claims, responses…"');
    expect(modalMarkup({ trigger: 'a"b', field: '<x>', all: '&' })).toMatch(/placeholder="a&quot;b"[\s\S]*placeholder="&lt;x>"[\s\S]*>&amp;<\/a>/);
  });

  it('is added once, and only where the page has a header search', () => {
    let html = '';
    const box = { getAttribute: () => null, querySelector: () => (html.includes('<pagefind-modal>') ? {} : null), insertAdjacentHTML: (_: string, h: string) => (html += h) };
    const root = { querySelector: (sel: string) => (sel === '.site-search' ? box : null) } as unknown as ParentNode;
    expect(installModal(root)).toBe(true);
    expect(installModal(root)).toBe(true);
    expect(html.match(/<pagefind-modal>/g)).toHaveLength(1);
    expect(installModal({ querySelector: () => null } as unknown as ParentNode)).toBe(false);
  });
});
