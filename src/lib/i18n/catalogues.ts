import { en } from './messages/en.ts';
import { fr } from './messages/fr.ts';
import { de } from './messages/de.ts';
import { ru } from './messages/ru.ts';
import { ar } from './messages/ar.ts';
import type { Catalogue, MessageKey } from './types.ts';

/** The languages the engine ships, by primary language subtag. */
export const SHIPPED: Record<string, Catalogue> = { en, fr, de, ru, ar };

export const KEYS = Object.keys(en) as MessageKey[];

/** The shipped catalogue for a tag ("fr-CA" → French), or undefined when the engine has none. */
export function shippedFor(language: string): Catalogue | undefined {
  return SHIPPED[language] ?? SHIPPED[language.split('-')[0].toLowerCase()];
}
