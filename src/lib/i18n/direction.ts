/** Scripts written right to left (ISO 15924), for tags whose script Intl infers. */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Mand', 'Samr', 'Rohg', 'Yezi']);

/** "ar" → "rtl", "ru" → "ltr": from the tag's script, written or inferred ("ar" is Arabic script, "az-Arab" too). */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  try {
    const script = new Intl.Locale(tag).maximize().script;
    return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/**
 * The lang and dir for text in another language than the page's: a Russian source in an English
 * dossier, an Arabic quotation in a French one. Nothing when the language is the page's, so
 * most markup stays as it is; the direction only when it differs, as the language alone sets
 * no direction in HTML.
 */
export function textAttrs(tag: string | undefined, page: string): { lang?: string; dir?: 'ltr' | 'rtl' } {
  if (!tag || primary(tag) === primary(page)) return {};
  const dir = directionOf(tag);
  return dir === directionOf(page) ? { lang: tag } : { lang: tag, dir };
}

const primary = (tag: string) => tag.split('-')[0].toLowerCase();

/** Whether a tag is well-formed BCP 47, as Intl reads it. */
export function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
