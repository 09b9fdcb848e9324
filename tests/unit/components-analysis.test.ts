import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { MDX_COMPONENTS } from '../../src/lib/content/mdx-refs.ts';
import { NOT_CAPTURED } from '../../src/lib/format/labels.ts';
import type { Dossier } from '../../src/lib/graph/types.ts';
import { mdxComponents } from '../../src/components/mdx/index.ts';
import ClaimMatrix from '../../src/components/mdx/ClaimMatrix.astro';
import QuoteVariants from '../../src/components/mdx/QuoteVariants.astro';
import ResponseList from '../../src/components/mdx/ResponseList.astro';
import ContextList from '../../src/components/mdx/ContextList.astro';
import SourcingTable from '../../src/components/mdx/SourcingTable.astro';
import SingleSourceClaims from '../../src/components/mdx/SingleSourceClaims.astro';
import Finding from '../../src/components/mdx/Finding.astro';
import Quote from '../../src/components/mdx/Quote.astro';
import { miniCopy } from '../helpers/fixtures.ts';
import { madeFolders } from '../helpers/scratch.ts';

// getCollection() returns nothing under Vitest, so the components get a verified Dossier as a prop.
let container: AstroContainer;
let mini: Dossier;
let real: Dossier;
let extra: Dossier;
const dirs = madeFolders();

beforeAll(async () => {
  container = await AstroContainer.create();
  mini = verifyContent('tests/fixtures/mini').dossier!;
  real = verifyContent('src/content').dossier!;
  const dir = miniCopy('tests/.out', 'components');
  dirs.push(dir);
  writeFileSync(join(dir, 'claims', 'said-on-monday.yaml'), 'claimant: ministry\ndate: "2020-03-02"\nevent: ministry-statement\nsummary: A claim added by the test.\nappearances:\n  - source: wire-2020-03-02\n    quote: The ministry said on Monday\n    how: reported\n  - source: paper-2020-03-03\n    quote: A spokesman claimed the river\n    how: paraphrase\n');
  extra = verifyContent(dir).dossier!;
});

const render = (component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>, slot?: string) =>
  container.renderToString(component, { props, slots: slot ? { default: slot } : undefined });

describe('the MDX component registry', () => {
  it('offers exactly the components the verifier allows', () => {
    expect(Object.keys(mdxComponents).sort()).toEqual([...MDX_COMPONENTS].sort());
  });
});

describe('ClaimMatrix', () => {
  it('shows a claim added to the data, linking each cell to its passage', async () => {
    expect(await render(ClaimMatrix, { dossier: mini })).not.toContain('A claim added by the test.');
    const html = await render(ClaimMatrix, { dossier: extra });
    expect(html).toContain('href="/claims/said-on-monday/"');
    for (const a of extra.claims.get('said-on-monday')!.appearances) expect(html).toContain(`href="/sources/${a.source}/#${a.anchor}"`);
  });
});

describe('QuoteVariants', () => {
  it('diffs the added claim’s renderings with <ins> and <del>', async () => {
    const html = await render(QuoteVariants, { dossier: extra, claim: 'said-on-monday' });
    expect(html).toContain('A spokesman claimed the river');
    expect(html).toMatch(/<ins[^>]*>The ministry said on Monday<\/ins>/);
    expect(html).toMatch(/<del[^>]*>A spokesman claimed the river<\/del>/);
  });

  it('shows the 14 Nov “evidence” sentence in DW, TASS and Xinhua', async () => {
    const html = await render(QuoteVariants, { dossier: real, claim: 'us-cover-evidence' });
    for (const name of ['Deutsche Welle (DW)', 'TASS', 'Xinhua News Agency']) expect(html).toMatch(new RegExp(`<strong[^>]*>${name.replace(/[()]/g, '\\$&')}</strong>`));
    expect(html).toMatch(/<del[^>]*>are conclusive<\/del>/);
    expect(html).toMatch(/<ins[^>]*>[^<]*indisputable<\/ins>/);
  });
});

describe('ResponseList', () => {
  it('anchors each response by its id and links it to the claim it answers', async () => {
    const html = await render(ResponseList, { dossier: real });
    const pahon = html.slice(html.indexOf('id="pahon-absolutely-ridiculous"'), html.indexOf('id="pahon-advise-and-assist"'));
    expect(pahon).toContain('absolutely ridiculous');
    expect(pahon).toContain('href="/claims/al-ali-weapons-to-is/"');
    expect(pahon).not.toContain('href="/claims/pretending-to-fight/"');
    expect(html).toContain('id="us-surrender-geneva-answer"');
    expect(html).toContain('reported only by the claimant');
  });

  it('says which claims drew no answer', async () => {
    const html = await render(ResponseList, { dossier: extra });
    const section = html.slice(html.indexOf('id="unanswered-h"'));
    expect(section).toContain('href="/claims/said-on-monday/"');
    expect(section).not.toContain('href="/claims/river-rising/"');
    // Neutral words: a claim need not be an accusation, nor its maker an accuser.
    expect(section).toContain('draw no answer in the captured articles from anyone but the one who made them');
    expect(html).not.toMatch(/accuser/i);
  });
});

describe('ContextList', () => {
  it('labels every entry as outside the captured corpus, with outlet, date and address', async () => {
    const html = await render(ContextList, { dossier: real });
    const items = html.split('class="context-item"').slice(1);
    expect(items).toHaveLength(real.context.size);
    for (const item of items) expect(item).toContain(NOT_CAPTURED);
    expect(html).toContain('href="https://tass.com/defense/975642"');
  });

  it('filters by claim', async () => {
    const html = await render(ContextList, { dossier: real, claim: 'al-ali-weapons-to-is' });
    expect(html.split('class="context-item"')).toHaveLength(2);
  });
});

describe('SourcingTable and SingleSourceClaims', () => {
  it('derive their rows from the data', async () => {
    const wire = (html: string) => html.slice(html.indexOf('id="sourcing-wire-2020-03-02"'));
    expect(wire(await render(SourcingTable, { dossier: mini }))).toContain('1 direct quotation, 1 report in its own words');
    // The added claim is one more reported passage in the wire story.
    expect(wire(await render(SourcingTable, { dossier: extra }))).toContain('1 direct quotation, 2 reports in its own words');
    const single = await render(SingleSourceClaims, { dossier: real, context: 'cit-bellingcat-images' });
    expect(single).toContain('href="/timeline/#ctx-cit-bellingcat-images"');
    expect(single.match(/one outlet<\/span>/g)).toHaveLength(3);
  });
});

describe('Finding and Quote', () => {
  it('a finding links to its evidence, context labelled', async () => {
    const html = await render(Finding, { dossier: real, title: 'T', claim: 'al-ali-weapons-to-is', context: 'defense-post-2017-10-09' }, '<p>Body text</p>');
    expect(html).toContain('Body text');
    expect(html).toContain('href="/claims/al-ali-weapons-to-is/"');
    expect(html).toContain('href="/timeline/#ctx-defense-post-2017-10-09"');
    expect(html).toContain(NOT_CAPTURED);
  });

  it('a quote shows the words as the source has them and links to the passage', async () => {
    const html = await render(Quote, { dossier: real, claim: 'joint-strikes-refused', source: 'xinhua-2017-11-14', contains: 'Geneva' });
    expect(html).toContain('The U.S. military said the militants were voluntarily surrendering');
    const a = real.claims.get('joint-strikes-refused')!.appearances.find((x) => x.source === 'xinhua-2017-11-14' && x.quote.includes('Geneva'))!;
    expect(html).toContain(`href="/sources/xinhua-2017-11-14/#${a.anchor}"`);
    await expect(render(Quote, { dossier: real, claim: 'al-ali-weapons-to-is', source: 'dw-2017-11-14' })).rejects.toThrow(/carries no such appearance/);
  });
});
