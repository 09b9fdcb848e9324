/*
 * The site's Content Security Policy and the other headers a host should send.
 *
 * The Base layout writes `pagePolicy()` into every page as a <meta> element, and the
 * security-headers integration writes the same policy into `_headers`. It has no hashes: every
 * script and stylesheet is a file of the site, so nothing inline needs allowing, and Astro's own
 * `security.csp` is not used because it lists hashes of island scripts the dossier never runs
 * (half a kilobyte of every page that gzip cannot shrink). Each source is there for a reason:
 * - 'wasm-unsafe-eval': Pagefind compiles its WebAssembly search engine in a worker;
 * - worker-src 'self': that worker, and the offline service worker, are files of the site;
 * - img-src data:: Pagefind's stylesheet draws its checkbox and clear icons as data: SVGs;
 * - connect-src 'self': the index chunks, fetched by Pagefind and cached by the service worker.
 */

export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;
export const STYLE_SOURCES = ["'self'"] as const;

export const DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** The policy of every page: no 'unsafe-inline', no hashes, so an inline script or style is refused. */
export function pagePolicy(): string {
  return tidy([...DIRECTIVES, `script-src ${SCRIPT_SOURCES.join(' ')}`, `style-src ${STYLE_SOURCES.join(' ')}`].join(';'));
}

/** Directives a <meta> policy cannot carry; browsers only honour them in a header. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/** Sources that would undo the policy; the build refuses a policy that contains one. */
export const FORBIDDEN_SOURCES = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'http:', 'https:', 'blob:'] as const;

/** The other headers, for privacy (no referrer to the outlets a reader follows) and hardening. */
export const OTHER_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const DECODE: Record<string, string> = { '&#39;': "'", '&apos;': "'", '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** The policy in a built page's CSP <meta>, or undefined if the page has none. */
export function policyFromHtml(html: string): string | undefined {
  const tag = /<meta\b[^>]*http-equiv=["']?content-security-policy["']?[^>]*>/i.exec(html)?.[0];
  const content = tag && /\bcontent=(?:"([^"]*)"|'([^']*)')/i.exec(tag);
  if (!content) return undefined;
  return tidy((content[1] ?? content[2]).replace(/&#39;|&apos;|&quot;|&amp;|&lt;|&gt;/g, (e) => DECODE[e]));
}

/** One directive per `;`, single spaces, no empty directives. */
export function tidy(policy: string): string {
  return parseDirectives(policy).map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

export function parseDirectives(policy: string): [string, string[]][] {
  return policy
    .split(';')
    .map((d) => d.trim().split(/\s+/).filter(Boolean))
    .filter((d) => d.length > 0)
    .map(([name, ...sources]) => [name.toLowerCase(), sources]);
}

/** The forbidden sources a policy contains, as "directive source". */
export function unsafeSources(policy: string): string[] {
  return parseDirectives(policy).flatMap(([name, sources]) =>
    sources.filter((s) => (FORBIDDEN_SOURCES as readonly string[]).includes(s.toLowerCase())).map((s) => `${name} ${s}`),
  );
}

/** The header form of a page's policy: the same directives plus those only a header can carry. */
export function headerPolicy(metaPolicy: string): string {
  const present = new Set(parseDirectives(metaPolicy).map(([name]) => name));
  const extra = HEADER_ONLY_DIRECTIVES.filter((d) => !present.has(d.split(' ')[0]));
  return tidy([metaPolicy, ...extra].join(';'));
}

export function hostingHeaders(metaPolicy: string): Record<string, string> {
  return { 'Content-Security-Policy': headerPolicy(metaPolicy), ...OTHER_HEADERS };
}

/** The `_headers` file that Netlify and Cloudflare Pages read from the site's root (one rule for every path). */
export function headersFile(headers: Record<string, string>): string {
  const lines = Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
  return `# Security headers for every page. See docs/hosting.md for other hosts.\n/*\n${lines.join('\n')}\n`;
}

/** Reads a `_headers` file back: path pattern → header name → value. */
export function parseHeadersFile(text: string): Record<string, Record<string, string>> {
  const rules: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = rules[line.trim()] ??= {};
      continue;
    }
    const at = line.indexOf(':');
    if (current && at > 0) current[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return rules;
}
