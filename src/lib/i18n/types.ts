import type { MessageKey } from './messages/en.ts';

export type { MessageKey };

/** A shipped language: every key English has, checked by the compiler. */
export type Catalogue = Record<MessageKey, string>;

/** A dossier's own messages (dossier.yaml `messages:`): any keys, checked by src/lib/i18n/check.ts. */
export type Overrides = Partial<Record<string, string>>;
