import type { SourceData } from '../schemas/sources.ts';

/** How sure the importer is of one detected fact. Anything below "high" is listed for review. */
export type Confidence = 'high' | 'medium' | 'low' | 'none';

export interface Detection<T> {
  value?: T;
  confidence: Confidence;
  /** Verbatim text from the capture the value rests on, when there is one. */
  evidence?: string;
  /** Why the importer believes it, phrased for the author. */
  note: string;
}

export type RemovalReason = SourceData['removed'][number]['reason'];

export interface BoilerplateRule {
  reason: RemovalReason;
  note: string;
  patterns: RegExp[];
  /** A match also points to this outlet; a pattern may instead name it by its `outlet` group. */
  outlet?: string;
  confidence?: Confidence;
  /** "top": the rule applies only to the first lines of the page (a masthead), not to article text. */
  where?: 'top' | 'any';
}

export interface OutletRule {
  id: string;
  /** The ways captures print the outlet; the first is the name an outlet stub gets. */
  names: string[];
  hints: { pattern: RegExp; confidence: Confidence; note: string }[];
}

export interface ImportRules {
  boilerplate: BoilerplateRule[];
  outlets: OutletRule[];
  captions: RegExp[];
  /** Whole-line byline patterns; the `name` group (or the first group) holds the names. */
  bylines: RegExp[];
  languages: Record<string, string[]>;
}

/** What happened to one capture line. */
export type LineRole =
  | { kind: 'title' }
  | { kind: 'removed'; reason: RemovalReason; why: string }
  | { kind: 'paragraph' | 'heading' | 'caption' };

export interface ClassifiedLine {
  /** 1-based line number in the capture. */
  line: number;
  text: string;
  role: LineRole;
  /** The names a byline line gives ("By Jane Doe" → "Jane Doe"). */
  byline?: string;
  /** Set when the importer guessed, e.g. a short line that may be a cross-head or a related link. */
  unsure?: string;
}
