import type { Actor, Appearance, Capture, ClaimData, ContextEntry, DossierEvent, DossierSettings, Outlet, PageData, ResponseData, SourceData } from '../schemas/index.ts';
import type { Block } from '../content/body.ts';
import type { Span } from '../text/quote-match.ts';

export type Path = (string | number)[];

/** A validated entry and where it came from, so graph problems can point at a line. */
export interface Located<T> {
  id: string;
  file: string;
  data: T;
  body?: string;
  bodyLine?: number;
  lineOf?: (path: Path) => number | undefined;
}

export interface GraphInput {
  /** The content folder as messages name it, relative to the current directory (default src/content). */
  folder?: string;
  settings?: Located<DossierSettings>;
  outlets: Located<Outlet>[];
  actors: Located<Actor>[];
  events: Located<DossierEvent>[];
  context: Located<ContextEntry>[];
  captures: Capture[];
  sources: Located<SourceData>[];
  claims: Located<ClaimData>[];
  responses: Located<ResponseData>[];
  pages: Located<PageData>[];
  /**
   * Ids that exist in the files but failed validation ('*' when a whole file could not be read).
   * References to them are not reported again: the author sees the real fault, not its echoes.
   */
  present?: Partial<Record<'outlets' | 'actors' | 'events' | 'context' | 'sources' | 'claims' | 'responses', Set<string> | '*'>>;
  /** Capture ids named by sources, including sources that failed validation. */
  claimedCaptures?: Set<string>;
  /**
   * The dev server's memo (src/lib/content/live.ts): a source's validated data → the capture its
   * capture checks last passed against. The same pair, unchanged since, passes again unchecked.
   */
  checked?: WeakMap<object, object>;
}

/** An appearance's quote of a translation of its source, found in the translation. */
export interface VerifiedTranslation {
  source: string;
  quote: string;
  anchor: string;
  spans: Span[];
  excerpt: string;
}

/** An appearance whose quote was found in its source. */
export interface VerifiedAppearance extends Omit<Appearance, 'translation'> {
  translation?: VerifiedTranslation;
  /** Fragment id of the passage on the source page. */
  anchor: string;
  spans: Span[];
  /** The matched passage, exactly as it stands in the source. */
  excerpt: string;
}

/** A marked passage on a source page, pointing back at its claim or response. */
export interface Passage {
  start: number;
  end: number;
  kind: 'claim' | 'response';
  id: string;
  anchor: string;
  how: Appearance['how'];
  /** An elided quote has several spans: the anchor goes on the first, the back-link after the last. */
  first: boolean;
  last: boolean;
}

/**
 * A capture as the verified graph keeps it: its file, size and hash, and the text only of a web
 * capture, whose /captures/<id>.txt is written from it. A .txt capture's text is its file, read
 * where it is needed: the graph held every capture's text for the whole build (72 MB at 10,000
 * sources), once verification had used it.
 */
export type CaptureFile = Omit<Capture, 'text'> & { text?: string };

export interface Source extends SourceData {
  id: string;
  file: string;
  blocks: Block[];
  /** The cleaned text: blocks joined by a blank line. */
  text: string;
  captureFile: CaptureFile;
  passages: Passage[];
}

export interface Claim extends Omit<ClaimData, 'appearances'> {
  id: string;
  file: string;
  appearances: VerifiedAppearance[];
}

export interface Response extends Omit<ResponseData, 'appearances'> {
  id: string;
  file: string;
  appearances: VerifiedAppearance[];
}

export interface Page {
  id: string;
  file: string;
  data: PageData;
}

/** The whole verified dossier. Pages, exports and the PDF read only this. */
export interface Dossier {
  settings: DossierSettings;
  outlets: Map<string, Outlet>;
  actors: Map<string, Actor>;
  events: Map<string, DossierEvent>;
  context: Map<string, ContextEntry>;
  captures: Map<string, CaptureFile>;
  /** Ordered by publication date, then id. */
  sources: Map<string, Source>;
  claims: Map<string, Claim>;
  responses: Map<string, Response>;
  pages: Map<string, Page>;
}
