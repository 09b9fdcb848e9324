import type { Appearance, Outlet, ResponseData } from '../schemas/index.ts';
import type { Claim, Dossier, Response, Source } from '../graph/types.ts';

/** Response kinds for an answer known only from the claimant's own account (the second is the older name). */
export const VIA_CLAIMANT: ReadonlySet<string> = new Set(['reported-by-claimant', 'reported-by-accuser']);

export type HowCounts = Record<Appearance['how'], number>;

export interface ChainLink {
  outlet: string;
  name: string;
  role: string;
  date?: string;
}

export interface SourcingSummary {
  source: Source;
  outlet: Outlet;
  /** The voices whose words the source carries: claimants (or whom they speak for) and responders (actor ids). */
  voices: string[];
  /** From the captured publication back to the origin of the text. */
  chain: ChainLink[];
  credits: string[];
  claims: Claim[];
  responses: Response[];
  /** Responses that record the outlet asking for comment and getting none. */
  requests: Response[];
  /** Claims no other source carries. */
  onlyHere: Claim[];
  /** Claims made at an event this source reports, carried by other sources but not by this one. */
  leftOut: Claim[];
  how: HowCounts;
}

const NO_ANSWER: ResponseData['kind'][] = ['no-response', 'no-comment'];

/** Follow "speaks for" links to the institution behind a claimant (Konashenkov → the ministry). */
export function rootActor(dossier: Dossier, id: string, seen = new Set<string>()): string {
  const next = dossier.actors.get(id)?.affiliation;
  if (!next || seen.has(id)) return id;
  seen.add(id);
  return rootActor(dossier, next, seen);
}

export const claimOrigin = (dossier: Dossier, claim: Claim): string => rootActor(dossier, claim.onBehalfOf ?? claim.claimant);

/** What each source relied on, added, left out and how it attributes, derived from the appearance data. */
export function sourcingSummaries(dossier: Dossier): SourcingSummary[] {
  const claims = [...dossier.claims.values()];
  const responses = [...dossier.responses.values()];
  const carriedBy = new Map(claims.map((c) => [c.id, new Set(c.appearances.map((a) => a.source))]));
  return [...dossier.sources.values()].map((source) => {
    const mine = claims.filter((c) => carriedBy.get(c.id)!.has(source.id));
    const myResponses = responses.filter((r) => r.appearances.some((a) => a.source === source.id));
    const how: HowCounts = { direct: 0, paraphrase: 0, reported: 0 };
    for (const item of [...mine, ...myResponses]) for (const a of item.appearances) if (a.source === source.id) how[a.how]++;
    const events = new Set(source.events);
    return {
      source,
      outlet: dossier.outlets.get(source.outlet)!,
      // An answer known only through the claimant's account is not a voice the outlet heard.
      voices: [...new Set([...mine.map((c) => c.onBehalfOf ?? c.claimant), ...myResponses.filter((r) => !VIA_CLAIMANT.has(r.kind)).map((r) => r.responder)])],
      chain: source.republication.map((l) => ({ outlet: l.outlet, name: dossier.outlets.get(l.outlet)?.name ?? l.outlet, role: l.role, date: l.date })),
      credits: source.credits,
      claims: mine,
      responses: myResponses,
      requests: myResponses.filter((r) => NO_ANSWER.includes(r.kind)),
      onlyHere: mine.filter((c) => carriedBy.get(c.id)!.size === 1),
      leftOut: claims.filter((c) => events.has(c.event) && !carriedBy.get(c.id)!.has(source.id) && carriedBy.get(c.id)!.size > 0),
      how,
    };
  });
}
