// Every shipped language has every English key, with the same placeholders, and parses as ICU.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/messages/en.ts';
import { SHIPPED } from '../../src/lib/i18n/catalogues.ts';
import { placeholdersOf } from '../../src/lib/i18n/placeholders.ts';
import { createI18n, resolveMessages } from '../../src/lib/i18n/translate.ts';

const keys = Object.keys(en) as (keyof typeof en)[];
const sorted = (s: Set<string>) => [...s].sort();

describe('the message catalogues', () => {
  it('ship English, French, German, Russian and Arabic', () => {
    expect(Object.keys(SHIPPED).sort()).toEqual(['ar', 'de', 'en', 'fr', 'ru']);
  });

  for (const [lang, catalogue] of Object.entries(SHIPPED)) {
    it(`${lang}: has every English key and no other`, () => {
      expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
    });

    it(`${lang}: every message fills the same placeholders as English`, () => {
      const wrong = keys.filter((k) => sorted(placeholdersOf(catalogue[k])).join() !== sorted(placeholdersOf(en[k])).join());
      expect(wrong).toEqual([]);
    });

    it(`${lang}: the browser's messages use plain {name} placeholders only`, () => {
      for (const k of keys.filter((k) => k.startsWith('client.'))) expect(catalogue[k], k).not.toMatch(/\{\w+,/);
    });

    it(`${lang}: a non-English catalogue is a translation, not a copy of English`, () => {
      if (lang === 'en') return;
      const same = keys.filter((k) => catalogue[k] === en[k] && /[a-z]{4,} [a-z]{4,}/.test(en[k]));
      expect(same).toEqual([]);
    });
  }
});

describe('createI18n', () => {
  it('fills placeholders and chooses plural forms by the language’s rules', () => {
    const ru = createI18n('ru');
    expect(ru.t('claims.passages', { count: 1 })).toBe('1 фрагмент');
    expect(ru.t('claims.passages', { count: 3 })).toBe('3 фрагмента');
    expect(ru.t('claims.passages', { count: 5 })).toBe('5 фрагментов');
    expect(createI18n('en').t('claims.passages', { count: 1 })).toBe('1 passage');
    expect(createI18n('en').t('claims.passages', { count: 2 })).toBe('2 passages');
  });

  it('counts one source in the singular (a dossier starts with one)', () => {
    const one = (lang: string) => {
      const { t } = createI18n(lang);
      return [t('home.sourcesHeading', { count: 1 }), t('sources.description', { total: '1' }), t('citePage.csl', { csl: 'csl', bib: 'bib', count: '1' })];
    };
    expect(one('en')).toEqual(['The captured article', 'The one captured article in this dossier.', 'csl (CSL-JSON) and bib (BibTeX): the citation of the one captured article.']);
    expect(one('fr')).toEqual(['L’article capturé', 'L’article capturé de ce dossier.', 'csl (CSL-JSON) et bib (BibTeX) : la citation de l’article capturé.']);
    expect(one('de')).toEqual(['Der erfasste Artikel', 'Der erfasste Artikel dieses Dossiers.', 'csl (CSL-JSON) und bib (BibTeX): das Zitat des erfassten Artikels.']);
    expect(createI18n('en').t('home.sourcesHeading', { count: 3 })).toBe('The 3 captured articles');
  });

  it('formats dates of each precision in the language', () => {
    expect(createI18n('en').date('2017-11-14')).toBe('14 November 2017');
    expect(createI18n('en').date('2017-11', 'month')).toBe('November 2017');
    expect(createI18n('fr').date('2017-11', 'month')).toBe('novembre 2017');
    expect(createI18n('de').date('2017-11-14')).toBe('14. November 2017');
    expect(createI18n('ru').date('2017-11-14')).toMatch(/^14 ноября 2017/);
    expect(createI18n('ar').date('2017-11', 'month')).toMatch(/نوفمبر/);
    expect(createI18n('ru').date('2017', 'year')).toBe('2017');
  });

  it('reads direction from the script', () => {
    expect(createI18n('ar').dir).toBe('rtl');
    expect(createI18n('he').dir).toBe('rtl');
    expect(createI18n('fa-IR').dir).toBe('rtl');
    expect(createI18n('ru').dir).toBe('ltr');
    expect(createI18n('az-Arab').dir).toBe('rtl');
  });

  it('takes the dossier’s own messages first, and lists the keys that fall back to English', () => {
    const own = { 'nav.home': 'Inicio', 'nav.sources': 'Fuentes' };
    const i = createI18n('es', own);
    expect(i.t('nav.home')).toBe('Inicio');
    expect(i.t('nav.claims')).toBe('Claims');
    const { missing } = resolveMessages('es', own);
    expect(missing).not.toContain('nav.home');
    expect(missing).toContain('nav.claims');
    expect(missing.length).toBe(keys.length - 2);
    expect(resolveMessages('fr-CA').missing).toEqual([]);
    expect(createI18n('fr', { 'nav.home': 'Sommaire' }).t('nav.home')).toBe('Sommaire');
  });

  it('gives markup placeholders back as parts for the template', () => {
    const link = { tag: 'a' };
    expect(createI18n('en').parts('notFound.body', { home: link, sources: 's', claims: 'c' })).toEqual([
      'There is no page at this address. Try the ', link, ', the list of s or the c.',
    ]);
  });
});
