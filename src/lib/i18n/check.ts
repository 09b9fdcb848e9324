import { en } from './messages/en.ts';
import { placeholdersOf } from './placeholders.ts';
import { resolveMessages } from './translate.ts';
import type { Problem } from '../problems.ts';

type Path = (string | number)[];

/**
 * A dossier's own messages (dossier.yaml `messages:`): each key must be one the engine has, each
 * message must parse, and it may only use the placeholders the engine fills for that key (a
 * `{name}` it never fills would print as an error in every page).
 */
export function checkMessages(messages: Record<string, string> | undefined, file: string, lineOf?: (path: Path) => number | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const [key, message] of Object.entries(messages ?? {})) {
    const at = { file, line: lineOf?.(['messages', key]), field: `messages.${key}` };
    if (!(key in en)) {
      const near = Object.keys(en).filter((k) => k.split('.')[0] === key.split('.')[0]).slice(0, 6);
      problems.push({ ...at, message: `is not a message of the engine`, fix: `Correct the key or remove it; the keys are those of src/lib/i18n/messages/en.ts${near.length ? `, e.g. ${near.map((k) => `"${k}"`).join(', ')}` : ''} (docs/languages.md).` });
      continue;
    }
    const known = placeholdersOf(en[key as keyof typeof en]);
    let used: Set<string>;
    try {
      used = placeholdersOf(message);
    } catch (error) {
      problems.push({ ...at, message: `is not a valid message (${(error as Error).message})`, fix: 'Close every "{" with "}", and write plurals as {count, plural, one {…} other {…}} (docs/languages.md).' });
      continue;
    }
    const unknown = [...used].filter((n) => !known.has(n));
    if (unknown.length) {
      const filled = [...known].map((n) => `{${n}}`).join(', ') || 'none';
      problems.push({ ...at, message: `uses ${unknown.map((n) => `{${n}}`).join(', ')}, which the engine does not fill for this message`, fix: `Use only the placeholders English has for "${key}": ${filled}.` });
    }
  }
  return problems;
}

/** The keys that fall back to English for this dossier: a build warns of each once. */
export function missingMessages(language: string, messages: Record<string, string> | undefined): string[] {
  return resolveMessages(language, messages).missing;
}
