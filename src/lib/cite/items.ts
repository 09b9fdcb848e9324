import type { Dossier } from '../graph/types.ts';
import { claimCsl, dossierCsl, sourceCsl, type CslItem } from './csl.ts';

/** Everything the dossier offers a citation for; ids are unique because claim ids are prefixed. */
export function citableItems(dossier: Dossier): CslItem[] {
  return [
    dossierCsl(dossier.settings),
    ...[...dossier.sources.values()].map((s) => sourceCsl(s, dossier)),
    ...[...dossier.claims.values()].map((c) => claimCsl(c, dossier)),
  ];
}
