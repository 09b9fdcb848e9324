import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Dossier } from '../graph/types.ts';
import { exportDossier } from './graph.ts';
import { jsonChunks } from './json-chunks.ts';

/*
 * /dossier.json, the whole verified graph (its schema is /dossier.schema.json; docs/data.md).
 * It is written to the output folder a megabyte at a time, not rendered as an Astro route: a
 * route's body is gathered into one buffer (88 MB at 10,000 sources), which the build then kept
 * while it rendered the print edition, its moment of highest memory (docs/performance.md).
 */
export const GRAPH_FILE = { path: 'dossier.json', type: 'application/json; charset=utf-8' } as const;

/** The file's text in pieces of about a megabyte, which joined are JSON.stringify(graph, null, 1) and a newline. */
export const graphChunks = (dossier: Dossier): Iterable<string> => jsonChunks(exportDossier(dossier));

/** Writes /dossier.json under the site root; returns its size in bytes. */
export function writeGraphFile(root: string, dossier: Dossier): number {
  mkdirSync(root, { recursive: true });
  const fd = openSync(join(root, GRAPH_FILE.path), 'w');
  let bytes = 0;
  try {
    for (const chunk of graphChunks(dossier)) bytes += writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return bytes;
}
