/*
 * Bundler warnings known to say nothing about the dossier, kept out of the build log so that a
 * warning that does matter is not lost among them. Each entry names the upstream report; drop it
 * when the fix lands.
 */
interface BundlerWarning {
  code?: string;
  message: string;
}

const KNOWN: { code: string; includes: string; why: string }[] = [
  {
    // Astro marks every MDX page's asset module with this directive and reads the mark itself
    // (`__astroPropagation`), not the directive; Rolldown warns once per MDX page.
    code: 'MODULE_LEVEL_DIRECTIVE',
    includes: '"use astro:head-inject"',
    why: 'https://github.com/withastro/astro/issues/18087',
  },
];

export const isKnownWarning = (w: BundlerWarning): boolean =>
  KNOWN.some((k) => w.code === k.code && w.message.includes(k.includes));

/** Rolldown's `onwarn`: passes on every warning but the known ones. */
export function onwarn<W extends BundlerWarning>(warning: W, warn: (w: W) => void): void {
  if (!isKnownWarning(warning)) warn(warning);
}
