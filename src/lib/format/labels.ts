import type { ContextEntry } from '../schemas/context.ts';
import { formatDate } from './date.ts';

/** Reader-facing words for the dossier's enumerations. */
export const HOW_LABEL = {
  direct: 'direct quote',
  paraphrase: 'paraphrase',
  reported: 'reported speech',
} as const;

export const RESPONSE_KIND_LABEL = {
  denial: 'denial',
  dismissal: 'dismissal',
  'no-comment': 'no comment',
  'counter-claim': 'counter-claim',
  'reported-by-claimant': 'reported only by the claimant',
  // The older name of the same kind, still accepted.
  'reported-by-accuser': 'reported only by the claimant',
  'no-response': 'no response',
} as const;

export const REMOVAL_LABEL = {
  'page-title': 'page title bar',
  'image-prefix': 'image file name',
  'related-story': 'related-story headline',
  'video-player': 'video player text',
  'video-promo': 'video promotion',
  'empty-source-line': 'empty source line',
  navigation: 'navigation',
  masthead: 'masthead',
  'page-metadata': 'page metadata line',
  blank: 'blank line',
} as const;

export const NOT_CAPTURED = 'Not in the captured corpus';

/** How a piece of later reporting is named wherever it is linked: "The Defense Post, 9 October 2017". */
export function laterReportLabel(entry: Pick<ContextEntry, 'outlet' | 'date' | 'precision'>): string {
  return `${entry.outlet}, ${formatDate(entry.date, entry.precision)}`;
}
