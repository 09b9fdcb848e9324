import type { ContextEntry } from '../schemas/index.ts';
import type { Claim, Dossier, Response } from '../graph/types.ts';
import { claimOrigin, VIA_CLAIMANT } from './sourcing.ts';

export { VIA_CLAIMANT };

export interface ClaimSupport {
  claim: Claim;
  /** The institution the claim traces back to. */
  origin: string;
  outlets: string[];
  sources: string[];
  /** Captured answers from someone other than the claimant. */
  answers: Response[];
  /** Answers known only through the claimant's own account. */
  viaClaimant: Response[];
  context: { id: string; entry: ContextEntry; check: boolean }[];
}

/** Context entries that bear on a claim, from either side of the link. */
export function contextFor(dossier: Dossier, claim: Claim): string[] {
  const ids = new Set(claim.context);
  for (const [id, c] of dossier.context) if (c.claims.includes(claim.id)) ids.add(id);
  return [...dossier.context.keys()].filter((id) => ids.has(id));
}

/**
 * For every claim: who it traces back to, how many outlets carry it, whether anyone but the
 * claimant answered it in the captures, and which later reports (the `checks` ids) tested it.
 */
export function claimSupport(dossier: Dossier, checks: Iterable<string> = []): ClaimSupport[] {
  const isCheck = new Set(checks);
  const responses = [...dossier.responses.values()];
  return [...dossier.claims.values()].map((claim) => {
    const sources = [...new Set(claim.appearances.map((a) => a.source))];
    const about = responses.filter((r) => r.respondsTo.includes(claim.id));
    return {
      claim,
      origin: claimOrigin(dossier, claim),
      sources,
      outlets: [...new Set(sources.map((s) => dossier.sources.get(s)!.outlet))],
      answers: about.filter((r) => !VIA_CLAIMANT.has(r.kind)),
      viaClaimant: about.filter((r) => VIA_CLAIMANT.has(r.kind)),
      context: contextFor(dossier, claim).map((id) => ({ id, entry: dossier.context.get(id)!, check: isCheck.has(id) })),
    };
  });
}
