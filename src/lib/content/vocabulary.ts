import type { Located } from '../graph/types.ts';
import type { Problem } from '../problems.ts';
import type { Actor, DossierEvent, DossierSettings } from '../schemas/index.ts';

/**
 * The event kinds every dossier may use unless its dossier.yaml declares its own
 * (`vocabulary.eventKinds`, which then replaces this list). Neutral: they fit a ministry's
 * briefing as well as a factory fire or a council meeting.
 */
export const DEFAULT_EVENT_KINDS = [
  'statement', 'briefing', 'announcement', 'report', 'response', 'publication', 'meeting', 'decision', 'incident', 'operation',
] as const;

export interface Vocabulary {
  eventKinds: readonly string[];
  /** Undefined: an actor's role is free text. */
  actorRoles?: readonly string[];
  /** Whether each list was declared in dossier.yaml (else the defaults apply). */
  declared: { eventKinds: boolean; actorRoles: boolean };
}

export function vocabularyOf(settings: DossierSettings | undefined): Vocabulary {
  const v = settings?.vocabulary;
  return {
    eventKinds: v?.eventKinds ?? DEFAULT_EVENT_KINDS,
    actorRoles: v?.actorRoles,
    declared: { eventKinds: Boolean(v?.eventKinds), actorRoles: Boolean(v?.actorRoles) },
  };
}

/**
 * Events and actors use the dossier's vocabulary. Each problem names the file and field, the
 * words allowed, and where to add a new one (`folder` is the content folder as messages name it).
 */
export function checkVocabulary(
  settings: DossierSettings | undefined,
  events: Located<DossierEvent>[],
  actors: Located<Actor>[],
  folder: string,
): Problem[] {
  const v = vocabularyOf(settings);
  const problems: Problem[] = [];
  const where = `${folder}/dossier.yaml`;
  const refuse = <T>(e: Located<T>, field: string, message: string, fix: string) =>
    problems.push({ file: e.file, line: e.lineOf?.([field]), field, message, fix });
  for (const e of events) {
    const kind = e.data.kind;
    if (v.eventKinds.includes(kind)) continue;
    refuse(e, 'kind', `has the event kind "${kind}", which is not one of ${v.declared.eventKinds ? `the event kinds declared in ${where}` : 'the default event kinds'}`,
      v.declared.eventKinds
        ? `Use one of: ${v.eventKinds.join(', ')}; or add "${kind}" to vocabulary.eventKinds in ${where}.`
        : `Use one of: ${v.eventKinds.join(', ')}; or declare the dossier's own kinds in ${where}, e.g. "vocabulary: { eventKinds: [${[...v.eventKinds.slice(0, 3), kind].join(', ')}] }" (the list replaces the defaults; see docs/authoring.md).`);
  }
  for (const a of v.actorRoles ? actors : []) {
    const role = a.data.role;
    if (v.actorRoles!.includes(role)) continue;
    refuse(a, 'role', `has the role "${role}", which is not one of the actor roles declared in ${where}`,
      `Use one of: ${v.actorRoles!.map((r) => JSON.stringify(r)).join(', ')}; or add "${role}" to vocabulary.actorRoles in ${where}.`);
  }
  return problems;
}
