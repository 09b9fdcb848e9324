import type { Appearance, Capture, Evidence } from '../schemas/index.ts';
import { parseBody } from '../content/body.ts';
import { crlfConverted } from '../content/read.ts';
import type { Problem } from '../problems.ts';
import { normalize, type Normalized } from '../text/normalize.ts';
import { hasQuote, matchQuote } from '../text/quote-match.ts';
import { checkWebSource } from '../capture/web/verify.ts';
import { DIFF_LEGEND, markedDifference } from '../text/diff-marks.ts';
import { checkTranslationLinks, verifyTranslation } from './translations.ts';
import type { CaptureFile, Claim, Dossier, GraphInput, Located, Passage, Response, Source, VerifiedAppearance } from './types.ts';
import type { Span } from '../text/quote-match.ts';

type Path = (string | number)[];

const byDateThenId = (a: { date: string; id: string }, b: { date: string; id: string }) =>
  a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

/**
 * Resolve references, verify hashes, cleaned text and quotes, and return one immutable
 * Dossier. Every problem is collected; the caller decides how to report them.
 */
export function buildGraph(input: GraphInput): { dossier?: Dossier; problems: Problem[] } {
  const problems: Problem[] = [];
  // Fixes name the folder really in use (DOSSIER_CONTENT, --content), not the default one.
  const folder = input.folder ?? 'src/content';
  const inFolder = (name: string) => `${folder}/${name}`;
  const at = <T>(e: Located<T>, field: Path, message: string, fix: string) =>
    problems.push({ file: e.file, line: e.lineOf?.(field), field: field.join('.') || undefined, message, fix });

  // Ids must be unique within each collection; the first one wins, the rest are reported.
  const index = <T>(name: string, list: Located<T>[]) => {
    const map = new Map<string, Located<T>>();
    for (const e of list) {
      const prev = map.get(e.id);
      if (prev) at(e, ['id'], `duplicate ${name} id "${e.id}" (first defined in ${prev.file}${prev.lineOf?.([]) ? `:${prev.lineOf([])}` : ''})`, 'Give each entry its own id, or remove the copy.');
      else map.set(e.id, e);
    }
    return map;
  };
  const outlets = index('outlet', input.outlets);
  const actors = index('actor', input.actors);
  const events = index('event', input.events);
  const context = index('context', input.context);
  const sourcesIn = index('source', input.sources);
  const claimsIn = index('claim', input.claims);
  const responsesIn = index('response', input.responses);
  const pages = index('page', input.pages);
  const captures = new Map<string, Capture>();
  for (const c of input.captures) captures.set(c.id, c);
  // What the graph keeps of each capture once it is verified, shared by the sources that cite it.
  const keptCaptures = new Map([...captures].map(([id, c]) => [id, keepOfCapture(c)]));

  type Coll = keyof NonNullable<GraphInput['present']>;
  const COLL: Record<string, Coll> = { outlet: 'outlets', actor: 'actors', event: 'events', 'context entry': 'context', source: 'sources', claim: 'claims', response: 'responses' };
  const present = (kind: string, id: string) => {
    const p = input.present?.[COLL[kind]];
    return p === '*' || (p !== undefined && p.has(id));
  };
  const ref = <T>(e: Located<T>, field: Path, id: string | undefined, map: Map<string, unknown>, kind: string, where: string) => {
    if (id === undefined || map.has(id) || present(kind, id)) return;
    const known = [...map.keys()].slice(0, 12).join(', ');
    at(e, field, `refers to unknown ${kind} "${id}"`, `Use the id of an existing ${kind} in ${where}${known ? ` (known: ${known}${map.size > 12 ? ', …' : ''})` : ''}, or add "${id}" there.`);
  };
  const refs = <T>(e: Located<T>, field: Path, ids: string[], map: Map<string, unknown>, kind: string, where: string) =>
    ids.forEach((id, i) => ref(e, [...field, i], id, map, kind, where));

  const checkEvidence = <T>(e: Located<T>, field: Path, ev: Evidence, capture: Capture | undefined, norm: (() => Normalized) | undefined) => {
    ref(e, [...field, 'context'], ev.context, context, 'context entry', inFolder('context.yaml'));
    if (ev.quote && capture && norm) {
      const m = hasQuote(ev.quote, capture.text, norm);
      if (!m.ok) at(e, [...field, 'quote'], `evidence quote "${ev.quote}" is not in the capture ${capture.file}. Nearest passage, the words that differ marked ${DIFF_LEGEND}: "${markedDifference(ev.quote, m.nearest, norm().text)}"`, 'Copy the evidence verbatim from the capture file.');
    }
  };

  // Sources: capture, hash, cleaned text, metadata evidence.
  const captureUsers = new Map<string, string>();
  const sources = new Map<string, Source>();
  // Folded source texts, made only for sources that claims or responses quote.
  const sourceNorms = new Map<string, Normalized>();
  const sourceNorm = (id: string) => {
    let n = sourceNorms.get(id);
    if (!n) sourceNorms.set(id, (n = normalize(sources.get(id)!.text)));
    return n;
  };
  for (const e of [...sourcesIn.values()].sort((a, b) => a.data.published.date.localeCompare(b.data.published.date) || a.id.localeCompare(b.id))) {
    const d = e.data;
    ref(e, ['outlet'], d.outlet, outlets, 'outlet', inFolder('outlets.yaml'));
    refs(e, ['events'], d.events, events, 'event', inFolder('events.yaml'));
    const capture = captures.get(d.capture.id);
    // Folded only if some quote is not verbatim in the capture.
    let capNorm: (() => Normalized) | undefined;
    if (!capture) {
      const name = d.web ? `${d.capture.id}.warc.gz (or .warc, .wacz, .html)` : `${d.capture.id}.txt`;
      at(e, ['capture', 'id'], `refers to capture "${d.capture.id}", but captures/${name} does not exist`, `Put the ${d.web ? 'web archive' : 'captured text'} at ${inFolder(`captures/${name}`)}, or correct capture.id.`);
    } else {
      const other = captureUsers.get(capture.id);
      if (other) at(e, ['capture', 'id'], `uses capture "${capture.id}", which source "${other}" already uses`, 'Each capture belongs to exactly one source: point this source at its own capture.');
      captureUsers.set(capture.id, e.id);
      if (capture.sha256 !== d.capture.sha256) {
        if (crlfConverted(capture.text, d.capture.sha256)) {
          at(e, ['capture', 'sha256'], `hash mismatch: the file ${capture.file} has Windows line endings (CRLF), and with the original LF endings it has the recorded SHA-256 ${d.capture.sha256}: git or an editor converted them`, `Restore the LF line endings: with the project's .gitattributes in place (it tells git never to convert captures), delete ${capture.file} and run git checkout -- ${capture.file}; or save the file with LF endings in an editor.`);
        } else {
          at(e, ['capture', 'sha256'], `hash mismatch: the file ${capture.file} has SHA-256 ${capture.sha256}, but the source records ${d.capture.sha256}`, 'If the capture was changed by mistake, restore the original bytes; if it was replaced on purpose, record the new hash (sha256sum the file).');
        }
      }
      let folded: Normalized | undefined;
      capNorm = () => (folded ??= normalize(capture.text));
    }
    // A web capture's text is derived from the archive; if it cannot be (or by another extractor), its checks stop here.
    const textChecked = !capture || checkWebSource(d, capture, (field, message, fix) => at(e, field, message, fix));
    const { blocks, text } = parseBody(e.body ?? '', e.bodyLine ?? 1);
    if (blocks.length === 0) {
      problems.push({ file: e.file, line: e.bodyLine, field: 'body', message: 'the source has no text: its body is empty', fix: 'Paste the cleaned article text below the frontmatter, one paragraph per block.' });
    }
    // Checks that read only this source and its capture: skipped where both are as they last passed.
    const before = problems.length;
    if (capture && textChecked && input.checked?.get(d) !== capture) {
      for (const b of blocks) {
        if (!capture.text.includes(b.text)) {
          const m = matchQuote(b.text, capNorm!());
          problems.push({
            file: e.file,
            line: b.line,
            field: 'body',
            message: `cleaned paragraph "${clip(b.text)}" is not verbatim in the capture ${capture.file}${m.ok ? ' (it differs only in spaces, quotes or dashes)' : `. Nearest passage: "${clip(m.nearest)}"`}`,
            fix: 'Cleaning may only remove whole lines: copy the paragraph from the capture exactly, or remove it.',
          });
        }
      }
      const captureLines = new Set(capture.text.split('\n').map((l) => l.trim()).filter(Boolean));
      d.removed.forEach((r, i) => {
        if (!captureLines.has(r.text.trim())) at(e, ['removed', i, 'text'], `removed text "${clip(r.text)}" is not a whole line of the capture`, 'List removed lines exactly as they stand in the capture.');
      });
      const accounted = new Set([d.title.trim(), ...blocks.map((b) => b.text.trim()), ...d.removed.map((r) => r.text.trim())]);
      for (const line of captureLines) {
        if (!accounted.has(line) && !blocks.some((b) => b.text.includes(line))) {
          at(e, ['removed'], `capture line "${clip(line)}" is neither in the cleaned text nor listed as removed`, 'Keep the line as a paragraph, or add it to "removed" with a reason, so nothing is dropped silently.');
        }
      }
      const title = hasQuote(d.title, capture.text, capNorm!);
      if (!title.ok) at(e, ['title'], `title "${d.title}" is not in the capture. Nearest passage: "${clip(title.nearest)}"`, 'Copy the headline exactly as captured.');
      for (const field of ['dateline', 'creditLine'] as const) {
        const v = d[field];
        if (v && !hasQuote(v, capture.text, capNorm!).ok) at(e, [field], `"${v}" is not in the capture`, `Copy the ${field} verbatim from the capture, or remove it.`);
      }
    }
    if (capture && textChecked && problems.length === before) input.checked?.set(d, capture);
    const checkedCapture = textChecked ? capture : undefined;
    d.published.evidence.forEach((ev, i) => checkEvidence(e, ['published', 'evidence', i], ev, checkedCapture, capNorm));
    d.republication.forEach((link, i) => {
      ref(e, ['republication', i, 'outlet'], link.outlet, outlets, 'outlet', inFolder('outlets.yaml'));
      checkEvidence(e, ['republication', i, 'evidence'], link.evidence, checkedCapture, capNorm);
    });
    const source: Source = { ...d, id: e.id, file: e.file, blocks, text, captureFile: keptCaptures.get(d.capture.id) ?? emptyCapture(d.capture.id), passages: [] };
    sources.set(e.id, source);
  }
  for (const c of captures.values()) {
    if (!captureUsers.has(c.id) && !input.claimedCaptures?.has(c.id)) problems.push({ file: c.file, message: 'is a capture that no source uses', fix: `Write a source in ${inFolder('sources/')} with capture.id "${c.id}", or remove the file.` });
  }

  checkTranslationLinks(sourcesIn, at);

  // Quotes: every appearance must be verbatim in the cleaned text of its source.
  const mark = (source: Source, spans: Span[], kind: 'claim' | 'response', id: string, base: string, how: Appearance['how']) => {
    const anchor = source.passages.some((p) => p.anchor === base) ? `${base}-${source.passages.filter((p) => p.first && p.id === id).length + 1}` : base;
    spans.forEach((s, k) => source.passages.push({ ...s, kind, id, anchor, how, first: k === 0, last: k === spans.length - 1 }));
    return anchor;
  };
  const verify = <T>(e: Located<T>, kind: 'claim' | 'response', list: Appearance[]): VerifiedAppearance[] => {
    const out: VerifiedAppearance[] = [];
    list.forEach((a, i) => {
      const source = sources.get(a.source);
      if (!source) {
        ref(e, ['appearances', i, 'source'], a.source, sources, 'source', inFolder('sources/'));
        return;
      }
      const m = matchQuote(a.quote, sourceNorm(a.source));
      if (!m.ok) {
        const elsewhere = [...sources.keys()].filter((id) => id !== a.source && matchQuote(a.quote, sourceNorm(id)).ok);
        at(e, ['appearances', i, 'quote'], `quote "${clip(a.quote)}" is not in source "${a.source}" (${source.file}).${elsewhere.length ? ` It does appear in: ${elsewhere.join(', ')}.` : ''} Nearest passage in "${a.source}", the words that differ marked ${DIFF_LEGEND}: "${clip(markedDifference(a.quote, m.nearest, sourceNorm(a.source).text), 400)}"`,
          elsewhere.length ? `Attribute the quote to the source that carries it (${elsewhere[0]}), or quote "${a.source}" itself.` : 'Copy the words verbatim from the source (only spaces, quote marks and dashes may differ; mark an elision with "…").');
        return;
      }
      const base = `${kind === 'claim' ? 'c' : 'r'}-${e.id}`;
      const anchor = source.passages.some((p) => p.anchor === base) ? `${base}-${i + 1}` : base;
      const excerpt = source.text.slice(m.spans[0].start, m.spans[m.spans.length - 1].end);
      m.spans.forEach((s, k) => source.passages.push({ ...s, kind, id: e.id, anchor, how: a.how, first: k === 0, last: k === m.spans.length - 1 }));
      const t = verifyTranslation(e, ['appearances', i, 'translation'], a, sources, sourceNorm, at);
      const translation = t && { ...t, anchor: mark(sources.get(t.source)!, t.spans, kind, e.id, base, a.how) };
      out.push({ ...a, anchor, spans: m.spans, excerpt, translation });
    });
    return out;
  };

  const claims = new Map<string, Claim>();
  for (const e of [...claimsIn.values()].sort((a, b) => a.data.order - b.data.order || byDateThenId({ date: a.data.date, id: a.id }, { date: b.data.date, id: b.id }))) {
    const d = e.data;
    ref(e, ['claimant'], d.claimant, actors, 'actor', inFolder('actors.yaml'));
    ref(e, ['onBehalfOf'], d.onBehalfOf, actors, 'actor', inFolder('actors.yaml'));
    ref(e, ['event'], d.event, events, 'event', inFolder('events.yaml'));
    refs(e, ['context'], d.context, context, 'context entry', inFolder('context.yaml'));
    claims.set(e.id, { ...d, id: e.id, file: e.file, appearances: verify(e, 'claim', d.appearances) });
  }
  const responses = new Map<string, Response>();
  for (const e of [...responsesIn.values()].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id))) {
    const d = e.data;
    ref(e, ['responder'], d.responder, actors, 'actor', inFolder('actors.yaml'));
    refs(e, ['respondsTo'], d.respondsTo, claimsIn, 'claim', inFolder('claims/'));
    refs(e, ['context'], d.context, context, 'context entry', inFolder('context.yaml'));
    responses.set(e.id, { ...d, id: e.id, file: e.file, appearances: verify(e, 'response', d.appearances) });
  }
  for (const e of events.values()) {
    refs(e, ['actors'], e.data.actors, actors, 'actor', inFolder('actors.yaml'));
    refs(e, ['sources'], e.data.sources, sourcesIn, 'source', inFolder('sources/'));
    refs(e, ['context'], e.data.context, context, 'context entry', inFolder('context.yaml'));
  }
  for (const e of actors.values()) ref(e, ['affiliation'], e.data.affiliation, actors, 'actor', inFolder('actors.yaml'));
  for (const e of context.values()) {
    refs(e, ['claims'], e.data.claims, claimsIn, 'claim', inFolder('claims/'));
    refs(e, ['responses'], e.data.responses, responsesIn, 'response', inFolder('responses/'));
    refs(e, ['sources'], e.data.sources, sourcesIn, 'source', inFolder('sources/'));
  }
  for (const s of sources.values()) s.passages.sort((a, b) => a.start - b.start || b.end - a.end);

  if (!input.settings || problems.length) return { problems };
  const data = <T>(m: Map<string, Located<T>>) => new Map([...m].map(([id, e]) => [id, e.data]));
  return {
    problems,
    dossier: {
      settings: input.settings.data,
      outlets: data(outlets),
      actors: data(actors),
      events: new Map([...events.values()].sort((a, b) => byDateThenId({ date: a.data.date, id: a.id }, { date: b.data.date, id: b.id })).map((e) => [e.id, e.data])),
      context: new Map([...context.values()].sort((a, b) => byDateThenId({ date: a.data.date, id: a.id }, { date: b.data.date, id: b.id })).map((e) => [e.id, e.data])),
      captures: keptCaptures,
      sources,
      claims,
      responses,
      pages: new Map([...pages.values()].sort((a, b) => a.data.order - b.data.order).map((e) => [e.id, { id: e.id, file: e.file, data: e.data }])),
    },
  };
}

function clip(s: string, n = 160): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

function emptyCapture(id: string): CaptureFile {
  return { id, file: '', bytes: 0, sha256: '' };
}

/** A capture without its text, unless it is a web capture (types.ts, CaptureFile). */
function keepOfCapture({ text, ...file }: Capture): CaptureFile {
  return file.web ? { ...file, text } : file;
}
