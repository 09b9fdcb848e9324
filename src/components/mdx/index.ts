import Timeline from './Timeline.astro';
import ClaimList from '../ClaimList.astro';

/**
 * Components available to every MDX analysis page without an import. The names must match
 * MDX_COMPONENTS in src/lib/content/mdx-refs.ts, which the verifier checks pages against.
 */
export const mdxComponents = { Timeline, ClaimList };
