import Timeline from './Timeline.astro';
import ClaimMatrix from './ClaimMatrix.astro';
import QuoteVariants from './QuoteVariants.astro';
import Quote from './Quote.astro';
import ResponseList from './ResponseList.astro';
import SourcingTable from './SourcingTable.astro';
import SingleSourceClaims from './SingleSourceClaims.astro';
import ContextList from './ContextList.astro';
import Finding from './Finding.astro';
import SourceList from './SourceList.astro';
import ClaimList from '../ClaimList.astro';
import PortableDownload from '../PortableDownload.astro';

/**
 * Components available to every MDX analysis page without an import. The names must match
 * MDX_COMPONENTS in src/lib/content/mdx-refs.ts, which the verifier checks pages against
 * (tests/unit/components-registry.test.ts keeps the two in step).
 */
export const mdxComponents = {
  ClaimMatrix, ClaimList, Quote, QuoteVariants, ResponseList, SourcingTable, SingleSourceClaims, Timeline, ContextList, Finding, SourceList, PortableDownload,
};
