import { buildGraph } from '../graph/build.ts';
import type { Dossier, GraphInput, Located } from '../graph/types.ts';
import { sortProblems, type Problem } from '../problems.ts';
import {
  actorSchema, claimSchema, contextSchema, dossierSchema, eventSchema, outletSchema, pageSchema, responseSchema, sourceSchema,
} from '../schemas/index.ts';
import type { z } from 'astro/zod';
import { checkMdxPage, type IdCollection } from './mdx-refs.ts';
import { readContent, type RawContent, type RawEntry } from './read.ts';
import { validateEntry } from './validate.ts';

/** Pages the engine itself links to (timeline anchors, response anchors, the method note). */
export const REQUIRED_PAGES = ['timeline', 'responses', 'method'] as const;

export interface Verified {
  dossier?: Dossier;
  problems: Problem[];
}

/** Validate every raw entry, build the graph and check the MDX pages; never throws for content faults. */
export function verifyRaw(raw: RawContent): Verified {
  const problems = [...raw.problems];
  const validate = <S extends z.ZodType>(entries: RawEntry[], schema: S): Located<z.infer<S>>[] =>
    entries.flatMap((e) => {
      const data = validateEntry(e, schema, problems);
      return data === undefined ? [] : [{ id: e.id, file: e.file, data, body: e.body, bodyLine: e.bodyLine, lineOf: e.lineOf }];
    });
  const input: GraphInput = {
    settings: raw.dossier ? validate([raw.dossier], dossierSchema)[0] : undefined,
    outlets: validate(raw.lists.outlets, outletSchema),
    actors: validate(raw.lists.actors, actorSchema),
    events: validate(raw.lists.events, eventSchema),
    context: validate(raw.lists.context, contextSchema),
    captures: raw.captures,
    sources: validate(raw.files.sources, sourceSchema),
    claims: validate(raw.files.claims, claimSchema),
    responses: validate(raw.files.responses, responseSchema),
    pages: validate(raw.files.pages, pageSchema),
  };
  const graph = buildGraph(input);
  problems.push(...graph.problems);

  // Ids from the raw files, so a page is not blamed for an entry that merely failed validation.
  const ids = (list: RawEntry[]) => new Set(list.map((e) => e.id));
  const known: Record<IdCollection, Set<string>> = {
    claims: ids(raw.files.claims), sources: ids(raw.files.sources), responses: ids(raw.files.responses),
    events: ids(raw.lists.events), context: ids(raw.lists.context), outlets: ids(raw.lists.outlets), actors: ids(raw.lists.actors),
  };
  const knownPages = { pages: ids(raw.files.pages) };
  for (const page of raw.files.pages) problems.push(...checkMdxPage(page.file, page.body ?? '', page.bodyLine ?? 1, known));
  for (const id of REQUIRED_PAGES) {
    if (!knownPages.pages.has(id)) {
      problems.push({
        file: `${raw.dir.replace(`${process.cwd()}/`, '')}/pages/${id}.mdx`,
        message: `is missing: every dossier needs the analysis page "${id}", which source, claim and footer links point to`,
        fix: `Create pages/${id}.mdx (see docs/analysis.md for a starting point).`,
      });
    }
  }

  return problems.length ? { problems: sortProblems(problems) } : { dossier: graph.dossier, problems };
}

export function verifyContent(dir: string, root = process.cwd()): Verified {
  return verifyRaw(readContent(dir, root));
}
