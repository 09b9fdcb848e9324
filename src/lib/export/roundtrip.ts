import { buildGraph } from '../graph/build.ts';
import type { Dossier, GraphInput, Located } from '../graph/types.ts';
import type { Problem } from '../problems.ts';
import { sha256 } from '../content/read.ts';
import type { Capture } from '../schemas/index.ts';
import { dossierExportSchema, type DossierExport } from './schema.ts';

const MARKER = { paragraph: '', heading: '## ', caption: '[caption] ' } as const;

/**
 * Turn an export back into graph input. The export carries each capture's hash but not its
 * bytes (those are published beside it), so the caller supplies the raw capture text.
 */
export function importExport(data: unknown, captureText: (id: string, path: string) => string): { input?: GraphInput; problems: Problem[] } {
  const parsed = dossierExportSchema.safeParse(data);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => ({ file: 'dossier.json', field: i.path.join('.'), message: i.message, fix: 'Use an export written by this version of the engine.' })) };
  }
  const x: DossierExport = parsed.data;
  const at = <T extends { id: string }>(kind: string, list: T[]) => list.map((d): Located<Omit<T, never>> => ({ id: d.id, file: `dossier.json#${kind}/${d.id}`, data: d }));
  const strip = <T extends { id: string }>(d: T) => { const { id: _id, ...rest } = d; return rest; };
  const captures: Capture[] = x.sources.map((s) => {
    const text = captureText(s.capture.id, s.capture.path);
    return { id: s.capture.id, file: s.capture.path, bytes: Buffer.byteLength(text, 'utf8'), sha256: sha256(text), text };
  });
  return {
    problems: [],
    input: {
      settings: { id: 'dossier', file: 'dossier.json#settings', data: x.settings },
      outlets: at('outlets', x.outlets),
      actors: at('actors', x.actors),
      events: at('events', x.events),
      context: at('context', x.context),
      captures,
      sources: x.sources.map((s) => {
        const { text: _t, blocks, path: _p, capture, ...rest } = strip(s);
        return {
          id: s.id,
          file: `dossier.json#sources/${s.id}`,
          data: { ...rest, capture: { id: capture.id, sha256: capture.sha256, originalName: capture.originalName } },
          body: blocks.map((b) => `${MARKER[b.kind]}${b.text}`).join('\n\n'),
        };
      }),
      claims: x.claims.map((c) => ({ id: c.id, file: `dossier.json#claims/${c.id}`, data: { ...strip(c), appearances: c.appearances.map(plain) } })),
      responses: x.responses.map((r) => ({ id: r.id, file: `dossier.json#responses/${r.id}`, data: { ...strip(r), appearances: r.appearances.map(plain) } })),
      pages: x.pages.map((p) => ({ id: p.id, file: `dossier.json#pages/${p.id}`, data: strip(p) })),
    },
  };
}

function plain(a: DossierExport['claims'][number]['appearances'][number]) {
  const { anchor: _a, spans: _s, excerpt: _e, ...rest } = a;
  return rest;
}

/** Re-import an export and rebuild the graph with the engine's own verifier. */
export function rebuildFromExport(data: unknown, captureText: (id: string, path: string) => string): { dossier?: Dossier; problems: Problem[] } {
  const { input, problems } = importExport(data, captureText);
  return input ? buildGraph(input) : { problems };
}
