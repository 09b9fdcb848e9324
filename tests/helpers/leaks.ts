/**
 * Distinctive strings of the first dossier (src/content/): names, places, outlets, its subject and
 * its year. None may appear in another dossier's site, PDF or template: if one does, the engine
 * (or the template) has the first dossier written into it.
 */
export const FIRST_DOSSIER_STRINGS: RegExp[] = [
  /Shielding/i, /shielded/i, /\bcoalition\b/i, /Abu Kamal/i, /\bTASS\b/, /\b2017\b/, /Islamic State/i, /Konashenkov/i,
  /\bRussian?\b/i, /\bSyria/i, /Deir/i, /Pentagon/i, /Xinhua/i, /AV[İI]M/, /Defen[cs]e Ministry/i, /Euphrates/i,
  /Deutsche Welle/i, /\bIsis\b/i, /Independent/, /Aerospace Forces/i,
];

/** Each distinctive string found in a text, with a little context, for a message that shows the leak. */
export function leaks(text: string): string[] {
  return FIRST_DOSSIER_STRINGS.flatMap((re) => {
    const m = new RegExp(re.source, `${re.flags}g`).exec(text);
    return m ? [`${re}: …${text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 60).replace(/\s+/g, ' ')}…`] : [];
  });
}
