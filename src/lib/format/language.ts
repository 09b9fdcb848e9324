const NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** "en" → "English", in the site's English; a tag that Intl does not know stays as written. */
export function languageName(tag: string): string {
  try {
    return NAMES.of(tag) ?? tag;
  } catch {
    // Not a well-formed BCP 47 tag: show what the author wrote rather than fail the page.
    return tag;
  }
}
