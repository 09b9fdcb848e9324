import type { Claim, Dossier, Source, VerifiedAppearance } from '../graph/types.ts';

export interface MatrixRow {
  claim: Claim;
  /** One entry per column: the claim's appearances in that source (often none). */
  cells: VerifiedAppearance[][];
}

export interface MatrixGroup {
  event: string;
  rows: MatrixRow[];
}

export interface ClaimMatrix {
  columns: Source[];
  groups: MatrixGroup[];
}

export interface MatrixOptions {
  /** Only these claims (ids); all by default. */
  claims?: string[];
  /** Only these sources (ids); by default every source that carries one of the claims. */
  sources?: string[];
}

/**
 * The claims × sources grid, grouped by the event each claim was made in. Columns are
 * only the sources that carry at least one selected claim, so the grid grows with the
 * claims shown, not with the size of the dossier.
 */
export function buildClaimMatrix(dossier: Dossier, options: MatrixOptions = {}): ClaimMatrix {
  const wanted = options.claims ? new Set(options.claims) : undefined;
  const claims = [...dossier.claims.values()].filter((c) => !wanted || wanted.has(c.id));
  const used = new Set(claims.flatMap((c) => c.appearances.map((a) => a.source)));
  const only = options.sources ? new Set(options.sources) : undefined;
  const columns = [...dossier.sources.values()].filter((s) => used.has(s.id) && (!only || only.has(s.id)));
  const groups = new Map<string, MatrixRow[]>();
  for (const claim of claims) {
    const cells = columns.map((s) => claim.appearances.filter((a) => a.source === s.id));
    groups.set(claim.event, [...(groups.get(claim.event) ?? []), { claim, cells }]);
  }
  return { columns, groups: [...groups].map(([event, rows]) => ({ event, rows })) };
}

/** Claim id → ids of the sources that carry it. */
export function coverage(dossier: Dossier): Map<string, Set<string>> {
  return new Map([...dossier.claims.values()].map((c) => [c.id, new Set(c.appearances.map((a) => a.source))]));
}

/** Distinct outlet ids of a list of appearances, in order of first appearance. */
export function outletsOf(dossier: Dossier, appearances: { source: string }[]): string[] {
  return [...new Set(appearances.map((a) => dossier.sources.get(a.source)!.outlet))];
}
