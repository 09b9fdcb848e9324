import type { Dossier } from '../graph/types.ts';
import { siteLink } from '../cite/csl.ts';
import { archivePath } from '../capture/web/publish.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, type DossierExport } from './schema.ts';

/** The whole verified graph as plain JSON data, in the dossier's own order. */
export function exportDossier(dossier: Dossier): DossierExport {
  const { settings } = dossier;
  const withId = <T>(m: Map<string, T>) => [...m].map(([id, data]) => ({ id, ...data }));
  return {
    $schema: siteLink(settings, '/dossier.schema.json'),
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    settings,
    outlets: [...dossier.outlets.values()],
    actors: [...dossier.actors.values()],
    events: [...dossier.events.values()],
    context: [...dossier.context.values()],
    sources: [...dossier.sources.values()].map((s) => {
      // Engine-internal fields (file paths, passages, the decoded capture) stay out of the export.
      const { file: _file, blocks, text, captureFile, passages: _passages, capture, ...data } = s;
      return {
        id: s.id,
        ...data,
        capture: { ...capture, bytes: captureFile.bytes, path: `/captures/${captureFile.id}.txt`, ...(captureFile.web ? { archive: `/${archivePath(captureFile.id, captureFile.web.ext)}` } : {}) },
        text,
        blocks: blocks.map((b) => ({ kind: b.kind, text: b.text })),
        path: `/sources/${s.id}/`,
      };
    }),
    claims: [...dossier.claims.values()].map(({ file: _file, ...c }) => ({ ...c, appearances: c.appearances.map(appearance) })),
    responses: [...dossier.responses.values()].map(({ file: _file, ...r }) => ({ ...r, appearances: r.appearances.map(appearance) })),
    pages: withId(new Map([...dossier.pages].map(([id, p]) => [id, p.data]))),
  };
}

function appearance(a: DossierExport['claims'][number]['appearances'][number]) {
  return { ...a, spans: a.spans.map((s) => ({ start: s.start, end: s.end })) };
}
