import { createI18n } from '../i18n/translate.ts';

/** "en" → "English", in English; pages use their dossier's I18n.languageName, in its language. */
export function languageName(tag: string): string {
  return createI18n('en').languageName(tag);
}
