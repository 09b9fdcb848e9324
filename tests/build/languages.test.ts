// The interface in another language, built for real: the mini dossier in French with one message
// of its own, and in a language the engine does not ship (Spanish), whose missing messages fall
// back to English with each key listed once as a warning.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDossier } from '../helpers/build.ts';
import { miniCopy } from '../helpers/fixtures.ts';
import { KEYS } from '../../src/lib/i18n/catalogues.ts';
import { madeFolders } from '../helpers/scratch.ts';

const dirs = madeFolders();

/** The mini dossier with other settings, built; its pages and its build log. */
function build(tag: string, settings: string) {
  const content = miniCopy('tests/.out', `lang-${tag}`);
  dirs.push(content, `${content}-site`, `${content}-site-cache`);
  const yaml = join(content, 'dossier.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^language: en\n/m, '') + settings);
  const run = buildDossier(content, `${content}-site`);
  const page = (p: string) => readFileSync(join(`${content}-site`, p), 'utf8');
  return { run, log: `${run.stdout}\n${run.stderr}`, page };
}

describe('the mini dossier in French', () => {
  let fr: ReturnType<typeof build>;
  beforeAll(() => {
    fr = build('fr', 'language: fr\nmessages:\n  nav.home: Sommaire\n');
  }, 300_000);

  it('builds, with no message falling back to English', () => {
    expect(fr.run.status, fr.log).toBe(0);
    expect(fr.log).not.toMatch(/fall back to English/);
  });

  it('speaks French everywhere the engine writes, with the dossier’s own message first', () => {
    const home = fr.page('index.html');
    expect(home).toMatch(/<html lang="fr" dir="ltr"/);
    expect(home).toContain('>Sommaire</a>');
    expect(home).toContain('>Allégations</a>');
    expect(home).toContain('placeholder="Rechercher dans le dossier"');
    expect(home).toContain('Comment ce dossier a été établi');
    expect(home).not.toMatch(/Search the dossier|Skip to content|Where to go next/);
    // /search/'s filter groups and kinds, in the words its script shows in place of the index's keys.
    const filters = JSON.parse(/class="search-filters"[^>]*data-messages="([^"]*)"/.exec(fr.page('search/index.html'))![1].replace(/&quot;/g, '"'));
    expect(filters).toMatchObject({ kind: 'Type', year: 'Année', 'kind.claim': 'Allégation' });
    const source = fr.page('sources/wire-2020-03-02/index.html');
    expect(source).toContain('À propos de cette source');
    expect(source).toContain('2 mars 2020');
    expect(source).toContain('Lignes retirées de la capture comme éléments de page (2)');
    // An English source in a French dossier says so, down to its paragraphs.
    expect(source).toMatch(/<div class="article" lang="en">/);
    const claim = fr.page('claims/river-rising/index.html');
    expect(claim).toContain('Relayée par 2 articles capturés en 2 passages.');
    expect(claim).toContain('mars 2020');
    expect(fr.page('404.html')).toContain('Il n’y a aucune page à cette adresse.');
  });
});

describe('a language the engine does not ship', () => {
  let es: ReturnType<typeof build>;
  beforeAll(() => {
    es = build('es', 'language: es\nmessages:\n  nav.home: Inicio\n  nav.sources: Fuentes\n');
  }, 300_000);

  it('builds with the dossier’s messages, and English for the rest', () => {
    expect(es.run.status, es.log).toBe(0);
    const home = es.page('index.html');
    expect(home).toMatch(/<html lang="es" dir="ltr"/);
    expect(home).toContain('>Inicio</a>');
    expect(home).toContain('>Fuentes</a>');
    expect(home).toContain('>Claims</a>');
  });

  it('lists each missing message once, as a warning', () => {
    expect(es.log).toContain(`${KEYS.length - 2} interface messages for "es" fall back to English`);
    for (const key of ['nav.claims', 'search.placeholder', 'print.pageOf']) expect(es.log.split(`  ${key}\n`).length - 1, key).toBe(1);
    expect(es.log).not.toContain('  nav.home\n');
  });
});
