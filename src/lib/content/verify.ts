import { buildGraph } from '../graph/build.ts';
import type { Dossier, GraphInput, Located } from '../graph/types.ts';
import { sortProblems, type Problem } from '../problems.ts';
import {
  actorSchema, claimSchema, contextSchema, dossierSchema, eventSchema, outletSchema, pageSchema, responseSchema, sourceSchema,
} from '../schemas/index.ts';
import type { z } from 'astro/zod';
import { checkMdxPage, type IdCollection } from './mdx-refs.ts';
import { sitePathCheck } from './site-paths.ts';
import { LAYOUT, readContent, type RawContent, type RawEntry } from './read.ts';
import { validateEntry } from './validate.ts';
import { checkVocabulary } from './vocabulary.ts';
import { checkMessages } from '../i18n/check.ts';

/** Pages the engine itself links to (timeline anchors, response anchors, the method note). */
export const REQUIRED_PAGES = ['timeline', 'responses', 'method'] as const;

export interface Verified {
  dossier?: Dossier;
  problems: Problem[];
}

/**
 * What the dev server keeps between verifications (src/lib/content/live.ts): each raw entry's
 * validated data and problems (an unchanged file is read into the same entry), and the sources
 * whose capture checks passed (GraphInput.checked).
 */
export interface VerifyMemo {
  validated: WeakMap<RawEntry, { data: unknown; problems: Problem[] }>;
  checked: WeakMap<object, object>;
}

/** Validate every raw entry, build the graph and check the MDX pages; never throws for content faults. */
export function verifyRaw(raw: RawContent, memo?: VerifyMemo): Verified {
  const problems = [...raw.problems];
  const validateOnce = <S extends z.ZodType>(e: RawEntry, schema: S): z.infer<S> | undefined => {
    const kept = memo?.validated.get(e);
    if (kept) {
      problems.push(...kept.problems);
      return kept.data as z.infer<S> | undefined;
    }
    const own: Problem[] = [];
    const data = validateEntry(e, schema, own);
    problems.push(...own);
    memo?.validated.set(e, { data, problems: own });
    return data;
  };
  const validate = <S extends z.ZodType>(entries: RawEntry[], schema: S): Located<z.infer<S>>[] =>
    entries.flatMap((e) => {
      if (e.unreadable) return [];
      const data = validateOnce(e, schema);
      return data === undefined ? [] : [{ id: e.id, file: e.file, data, body: e.body, bodyLine: e.bodyLine, lineOf: e.lineOf }];
    });
  const input: GraphInput = {
    folder: raw.folder,
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
  // Ids whose entries failed validation, or whole collections whose file could not be read.
  const failed = (entries: RawEntry[], ok: Located<unknown>[], file?: string): Set<string> | '*' => {
    if (file && raw.problems.some((p) => p.file.endsWith(file) && p.message.startsWith('is not valid YAML'))) return '*';
    const good = new Set(ok.map((e) => e.id));
    return new Set(entries.map((e) => e.id).filter((id) => !good.has(id)));
  };
  if (memo) input.checked = memo.checked;
  input.present = {
    outlets: failed(raw.lists.outlets, input.outlets, LAYOUT.outlets),
    actors: failed(raw.lists.actors, input.actors, LAYOUT.actors),
    events: failed(raw.lists.events, input.events, LAYOUT.events),
    context: failed(raw.lists.context, input.context, LAYOUT.context),
    sources: failed(raw.files.sources, input.sources),
    claims: failed(raw.files.claims, input.claims),
    responses: failed(raw.files.responses, input.responses),
  };
  // A source whose frontmatter failed still claims its capture (by id, or by sharing its file name).
  input.claimedCaptures = new Set(raw.files.sources.flatMap((e) => {
    const id = (e.data as { capture?: { id?: unknown } } | undefined)?.capture?.id;
    return typeof id === 'string' ? [id, e.id] : [e.id];
  }));
  for (const p of raw.problems) {
    const m = /sources\/([^/]+)\.md$/.exec(p.file);
    if (m) input.claimedCaptures.add(m[1]);
  }
  // The dossier's own interface messages: known keys, placeholders the engine fills.
  const messageProblems = input.settings ? checkMessages(input.settings.data.messages, input.settings.file, input.settings.lineOf) : [];
  problems.push(...messageProblems);
  const graph = buildGraph(input);
  problems.push(...graph.problems);
  problems.push(...checkVocabulary(input.settings?.data, input.events, input.actors, raw.folder));

  // Ids from the raw files, so a page is not blamed for an entry that merely failed validation.
  const ids = (list: RawEntry[]) => new Set(list.map((e) => e.id));
  const known: Record<IdCollection, Set<string>> = {
    claims: ids(raw.files.claims), sources: ids(raw.files.sources), responses: ids(raw.files.responses),
    events: ids(raw.lists.events), context: ids(raw.lists.context), outlets: ids(raw.lists.outlets), actors: ids(raw.lists.actors),
  };
  const knownPages = { pages: ids(raw.files.pages) };
  const carriers = (list: RawEntry[]) => new Map(list.map((e) => {
    const apps = (e.data as { appearances?: { source?: unknown }[] } | undefined)?.appearances;
    return [e.id, new Set(Array.isArray(apps) ? apps.map((a) => String(a?.source)) : [])] as const;
  }));
  const carried = { claims: carriers(raw.files.claims), responses: carriers(raw.files.responses) };
  const pathIds = { sources: known.sources, claims: known.claims, pages: knownPages.pages, captures: new Set(raw.captures.map((c) => c.id)) };
  const isPath = sitePathCheck(pathIds);
  for (const page of raw.files.pages) problems.push(...checkMdxPage(page.file, page.body ?? '', page.bodyLine ?? 1, known, carried, isPath, raw.folder));
  for (const id of REQUIRED_PAGES) {
    if (!knownPages.pages.has(id)) {
      problems.push({
        file: `${raw.folder}/pages/${id}.mdx`,
        message: `is missing: every dossier needs the analysis page "${id}", which source, claim and footer links point to`,
        fix: `Create pages/${id}.mdx; templates/dossier/pages/${id}.mdx in the engine is a starting point (npm run new writes it into a new dossier).`,
      });
    }
  }

  return problems.length ? { problems: sortProblems(problems) } : { dossier: graph.dossier, problems };
}

export function verifyContent(dir: string, root = process.cwd()): Verified {
  return verifyRaw(readContent(dir, root));
}
