import { mdxToMdast } from 'satteri';
import { basename } from 'node:path';
import type { Problem } from '../problems.ts';
import { policyProblems } from './mdx-policy.ts';
import { linkedPath } from './site-paths.ts';

/** The components an analysis page may use, and which attributes hold ids of which collection. */
export const MDX_COMPONENTS = [
  'ClaimMatrix',
  'ClaimList',
  'Quote',
  'QuoteVariants',
  'ResponseList',
  'SourcingTable',
  'SingleSourceClaims',
  'Timeline',
  'ContextList',
  'Finding',
  'SourceList',
] as const;

export const ID_ATTRIBUTES = {
  claim: 'claims',
  source: 'sources',
  response: 'responses',
  event: 'events',
  context: 'context',
  outlet: 'outlets',
  actor: 'actors',
} as const;

export type IdCollection = (typeof ID_ATTRIBUTES)[keyof typeof ID_ATTRIBUTES];

interface MdNode {
  type: string;
  name?: string | null;
  url?: string;
  identifier?: string;
  position?: { start?: { line?: number } };
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
}

/**
 * Parse an MDX page and check that it compiles and that every component it uses, and
 * every id it passes, exists. `ids` holds the known ids of each collection.
 */
/** Which sources carry each claim and response, so a component cannot pair one with a source that lacks it. */
export type Carriers = { claims: Map<string, Set<string>>; responses: Map<string, Set<string>> };

/**
 * `isPath`, when given, says whether a path of the site will exist (site-paths.ts): links the
 * page makes within the site are checked against it, so a mistyped id fails here, with its line,
 * rather than as a broken link after the build. Fragments are not checked here; the built site's
 * tests check them for the dossier's own pages.
 */
/** Collections kept as one YAML list file rather than a folder of files. */
const LIST_FILES = new Set(['outlets', 'actors', 'events', 'context']);

export function checkMdxPage(file: string, body: string, bodyLine: number, ids: Record<IdCollection, Set<string>>, carriers?: Carriers, isPath?: (path: string) => boolean, folder = 'src/content'): Problem[] {
  const problems: Problem[] = [];
  const pagePath = `/${basename(file).replace(/\.mdx$/, '')}/`;
  const checkLink = (href: unknown, line: number, field: string) => {
    if (!isPath || typeof href !== 'string') return;
    const path = linkedPath(href, pagePath);
    if (path === undefined || isPath(path)) return;
    problems.push({
      file,
      line,
      field,
      message: `links to ${href}, which the site does not have`,
      fix: 'Link to a page the dossier has: /sources/<id>/, /claims/<id>/, an analysis page (/<page>/), or a file in public/; the ids are in the content folder.',
    });
  };
  let tree: MdNode;
  try {
    tree = mdxToMdast(body) as unknown as MdNode;
  } catch (err) {
    const message = (err as Error).message;
    const m = /^(\d+):(\d+):\s*(.*)$/s.exec(message);
    problems.push({
      file,
      line: m ? Number(m[1]) + bodyLine - 1 : bodyLine,
      message: `is not valid MDX: ${m ? m[3].split('\n')[0] : message}`,
      fix: 'Close every component tag (<Name ... />), balance { } and escape a literal "<" as "&lt;".',
    });
    return problems;
  }
  const visit = (node: MdNode) => {
    const line = (node.position?.start?.line ?? 1) + bodyLine - 1;
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      if (/^[A-Z]/.test(node.name) && !(MDX_COMPONENTS as readonly string[]).includes(node.name)) {
        problems.push({ file, line, message: `uses unknown component <${node.name}>`, fix: `Use one of: ${MDX_COMPONENTS.join(', ')}.` });
      }
      for (const attr of node.attributes ?? []) {
        const collection = attr.name ? ID_ATTRIBUTES[attr.name as keyof typeof ID_ATTRIBUTES] : undefined;
        if (!collection || typeof attr.value !== 'string') continue;
        for (const id of attr.value.split(',').map((s) => s.trim()).filter(Boolean)) {
          if (!ids[collection].has(id)) {
            problems.push({
              file,
              line,
              field: `<${node.name} ${attr.name}>`,
              message: `<${node.name}> refers to unknown ${attr.name} "${id}"`,
              fix: `Use an existing ${attr.name} id (see ${folder}/${LIST_FILES.has(collection) ? `${collection}.yaml` : `${collection}/`}) or add it.`,
            });
          }
        }
      }
      const attr = (name: string) => node.attributes?.find((a) => a.name === name && typeof a.value === 'string')?.value as string | undefined;
      const [kind, itemId] = attr('claim') ? ['claim', attr('claim')] : attr('response') ? ['response', attr('response')] : [];
      const carried = kind && itemId ? carriers?.[kind === 'claim' ? 'claims' : 'responses'].get(itemId) : undefined;
      for (const sourceId of (attr('source') ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
        if (carried && ids.sources.has(sourceId) && !carried.has(sourceId)) {
          problems.push({
            file,
            line,
            field: `<${node.name} source>`,
            message: `<${node.name}> pairs ${kind} "${itemId}" with source "${sourceId}", which does not carry it`,
            fix: `Use a source listed in the ${kind}'s appearances: ${[...carried].join(', ')}.`,
          });
        }
      }
    }
    if (node.type === 'link' || node.type === 'definition') checkLink(node.url, line, 'link');
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'a') {
      checkLink(node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'href')?.value, line, '<a href>');
    }
    problems.push(...policyProblems(node, file, line));
    node.children?.forEach(visit);
  };
  visit(tree);
  return problems;
}
