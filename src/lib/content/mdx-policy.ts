import type { Problem } from '../problems.ts';

/** The part of an MDX syntax tree node these checks read. */
export interface PolicyNode {
  type: string;
  name?: string | null;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
}

/**
 * What a page asks of the browser that the site's Content Security Policy would refuse
 * (docs/hosting.md): an image from another host, and in HTML written into the page, an inline
 * script or style, a style or event-handler attribute, or a file from another host. Caught when
 * the content is verified, with the page's line, rather than as something that silently does not show.
 */
export function policyProblems(node: PolicyNode, file: string, line: number): Problem[] {
  if (node.type === 'image') return node.url && OTHER_HOST.test(node.url) ? [fromOtherHost(file, line, 'image', node.url)] : [];
  if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return [];
  return blockedByPolicy(node, file, line);
}

const STYLE_FIX = "Style it with a class from the site's stylesheets (src/styles/) or use a component: the policy allows no inline styles or scripts (docs/hosting.md).";
const SCRIPT_FIX = 'Remove it: the policy allows no inline scripts, and reading pages need none (docs/hosting.md).';

function blockedByPolicy(node: PolicyNode, file: string, line: number): Problem[] {
  if (!node.name || !/^[a-z]/.test(node.name)) return [];
  const fetched = (node.attributes ?? []).find((a) => a.type === 'mdxJsxAttribute' && (a.name === 'src' || a.name === 'srcset' || a.name === 'poster' || a.name === 'data') && typeof a.value === 'string' && OTHER_HOST.test(a.value.trim()));
  if (fetched) return [fromOtherHost(file, line, `<${node.name} ${fetched.name}>`, fetched.value as string)];
  if (node.name === 'script' || node.name === 'style') {
    return [{ file, line, field: `<${node.name}>`, message: `has an inline <${node.name}> element, which the site's Content Security Policy blocks`, fix: node.name === 'script' ? SCRIPT_FIX : STYLE_FIX }];
  }
  return (node.attributes ?? [])
    .filter((a) => a.type === 'mdxJsxAttribute' && a.name && (a.name === 'style' || /^on[a-z]/i.test(a.name)))
    .map((a) => ({
      file,
      line,
      field: `<${node.name} ${a.name}>`,
      message: `<${node.name}> has ${a.name === 'style' ? 'a style' : 'an event-handler'} attribute, which the site's Content Security Policy blocks`,
      fix: a.name === 'style' ? STYLE_FIX : SCRIPT_FIX,
    }));
}

/** An absolute or protocol-relative address: something a page would fetch from another host. */
const OTHER_HOST = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;

/**
 * The site's policy loads nothing from other hosts, and the dossier promises readers that no
 * request leaves the site (docs/hosting.md): an image or frame from elsewhere would not show.
 */
function fromOtherHost(file: string, line: number, field: string, url: string): Problem {
  return {
    file,
    line,
    field,
    message: `loads ${url} from another host, which the site's Content Security Policy blocks`,
    fix: 'Keep the file in the dossier (public/) and refer to it by its path, or link to it instead of embedding it.',
  };
}
