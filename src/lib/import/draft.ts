import { Scalar, stringify } from 'yaml';
import { BLOCK_SEPARATOR } from '../content/body.ts';
import { atLeast, type Detected } from './detect.ts';
import type { Classified } from './lines.ts';
import type { Confidence } from './types.ts';

export interface DraftInput {
  id: string;
  sha256: string;
  originalName: string;
  classified: Classified;
  detected: Detected;
  /** Display name of the outlet, for the summary. */
  outletName?: string;
  /** An outlet stub was added to outlets.yaml for the detected outlet (--create-outlets). */
  outletStubAdded?: boolean;
}

export interface Draft {
  /** The whole src/content/sources/<id>.md file. */
  markdown: string;
  /** What the author should look at, one line each; empty when every fact is certain. */
  review: string[];
}

const quoted = (s: string) => Object.assign(new Scalar(s), { type: Scalar.QUOTE_DOUBLE });
const MARK = { heading: '## ', caption: '[caption] ', paragraph: '' } as const;

/**
 * Write a draft source: frontmatter that matches src/lib/schemas/sources.ts, the kept lines
 * as body blocks, and every removed line listed with its reason. What the importer was unsure
 * of goes into YAML comments at the top, which the site never shows.
 */
export function writeDraft(input: DraftInput): Draft {
  const { classified: c, detected: d } = input;
  const review: string[] = [];
  const flag = (field: string, det: { confidence: Confidence; note: string; value?: unknown }) => {
    if (!atLeast(det.confidence, 'high')) review.push(`${field}: ${det.value === undefined ? 'NOT FOUND' : JSON.stringify(det.value)} (${det.confidence}) ${det.note}`);
  };
  flag('title', d.title);
  // Once its stub is added, the outlet is in outlets.yaml: the stub's own note below says what to check.
  flag('outlet', input.outletStubAdded ? { ...d.outlet, note: d.outlet.note.replace(/; "[^"]+" is not in outlets\.yaml yet$/, '') } : d.outlet);
  flag('published.date', d.date);
  flag('byline', d.byline);
  flag('credits', d.credits);
  flag('language', d.language);
  if (d.outlet.value && !d.outlet.known) {
    review.push(input.outletStubAdded
      ? `outlet: a stub for "${d.outlet.value}" was added to outlets.yaml, named "${input.outletName}" (from ${d.outlet.nameFrom ?? 'the id'}): check the name and fill in its kind and country`
      : `outlet: add "${d.outlet.value}" to outlets.yaml (or rerun with --create-outlets)`);
  }
  for (const l of c.lines) if (l.unsure) review.push(`line ${l.line} "${clip(l.text)}": ${l.unsure}`);

  const evidence = d.date.value
    ? [{ quote: d.date.evidence!, note: d.date.note }, ...d.date.extra]
    : [];
  const fm: Record<string, unknown> = {};
  if (d.title.value) fm.title = d.title.value;
  if (d.outlet.value) fm.outlet = d.outlet.value;
  fm.summary = `Draft imported from ${input.originalName}: ${input.outletName ?? d.outlet.value ?? 'an unidentified outlet'}’s article “${d.title.value ?? input.originalName}”. Replace with a one-line summary.`;
  fm.published = d.date.value ? { date: quoted(d.date.value), precision: 'day', evidence } : { evidence };
  if (d.byline.value) fm.byline = d.byline.value;
  if (d.credits.value?.length) fm.credits = d.credits.value;
  if (d.credits.line) fm.creditLine = d.credits.line;
  if (d.dateline.value) fm.dateline = d.dateline.value;
  fm.language = d.language.value ?? 'und';
  fm.events = [];
  fm.capture = { id: input.id, sha256: input.sha256, originalName: input.originalName };
  fm.removed = c.lines.flatMap((l) => (l.role.kind === 'removed' ? [{ text: l.text, reason: l.role.reason }] : []));
  fm.caveats = ['No original URL is known for this capture.'];

  const head = [
    `# Draft written by "npm run import" from ${input.originalName}.`,
    ...(review.length ? ['# Review before publishing:', ...review.map((r) => `# - ${r.replace(/\n/g, ' ')}`)] : ['# Every detected fact was certain; still read it through.']),
  ];
  const body = c.lines
    .flatMap((l) => (l.role.kind === 'paragraph' || l.role.kind === 'heading' || l.role.kind === 'caption' ? [MARK[l.role.kind] + l.text] : []))
    .join(BLOCK_SEPARATOR);
  const yaml = stringify(fm, { lineWidth: 0 });
  return { markdown: `---\n${head.join('\n')}\n${yaml}---\n\n${body}\n`, review };
}

function clip(s: string, n = 70): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
