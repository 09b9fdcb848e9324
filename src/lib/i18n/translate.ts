import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './messages/en.ts';
import { KEYS, shippedFor } from './catalogues.ts';
import { directionOf, textAttrs } from './direction.ts';
import type { MessageKey, Overrides } from './types.ts';
import { formatDate, type Precision } from '../format/date.ts';

export type Values = Record<string, unknown>;

/** Everything a page needs to speak the dossier's language. */
export interface I18n {
  /** The dossier's language tag, as on <html lang>. */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** A message as text; values are text or numbers. */
  t(key: MessageKey, values?: Values): string;
  /** A message whose placeholders may hold markup (a link, a <q>): an array for the template to render. */
  parts(key: MessageKey, values: Values): unknown;
  date(iso: string, precision?: Precision): string;
  number(n: number): string;
  /** "a, b and c" in the dossier's language. */
  list(items: string[]): string;
  /** lang and dir for text in another language (a source, a quotation); nothing for the dossier's own. */
  text(tag: string | undefined): { lang?: string; dir?: 'ltr' | 'rtl' };
  /** A language's name in the dossier's language ("ru" → "Russian" in English). */
  languageName(tag: string): string;
  /** The `client.<area>.*` messages, unformatted, for a browser script (keys without the prefix). */
  client(area: string): Record<string, string>;
}

/** Where each message comes from: the dossier's own, the shipped language, or English as the fallback. */
export function resolveMessages(language: string, overrides: Overrides = {}): { messages: Record<MessageKey, string>; missing: MessageKey[] } {
  const shipped = shippedFor(language);
  const missing: MessageKey[] = [];
  const messages = {} as Record<MessageKey, string>;
  for (const key of KEYS) {
    const own = overrides[key] ?? shipped?.[key];
    if (own === undefined) missing.push(key);
    messages[key] = own ?? en[key];
  }
  return { messages, missing };
}

/** English dates read "14 November 2017", as British English writes them; other tags as Intl has them. */
const dateLocale = (language: string) => (language.toLowerCase() === 'en' ? 'en-GB' : language);

export function createI18n(language: string, overrides: Overrides = {}): I18n {
  const { messages } = resolveMessages(language, overrides);
  const compiled = new Map<MessageKey, IntlMessageFormat>();
  const format = (key: MessageKey, values?: Values) => {
    let mf = compiled.get(key);
    if (!mf) compiled.set(key, (mf = new IntlMessageFormat(messages[key], language, undefined, { ignoreTag: true })));
    return mf.format(values as Record<string, never>);
  };
  const numbers = new Intl.NumberFormat(language);
  const lists = new Intl.ListFormat(dateLocale(language), { type: 'conjunction' });
  let names: Intl.DisplayNames | undefined;
  return {
    lang: language,
    dir: directionOf(language),
    t: (key, values) => String(format(key, values)),
    parts: (key, values) => format(key, values),
    date: (iso, precision) => formatDate(iso, precision, dateLocale(language)),
    number: (n) => numbers.format(n),
    list: (items) => lists.format(items),
    text: (tag) => textAttrs(tag, language),
    languageName(tag) {
      names ??= new Intl.DisplayNames([language], { type: 'language', fallback: 'none' });
      try {
        return names.of(tag) ?? tag;
      } catch {
        // Not a well-formed tag: show what the author wrote rather than fail the page.
        return tag;
      }
    },
    client(area) {
      const prefix = `client.${area}.`;
      return Object.fromEntries(KEYS.filter((k) => k.startsWith(prefix)).map((k) => [k.slice(prefix.length), messages[k]]));
    },
  };
}

const cache = new WeakMap<object, I18n>();

/** The dossier's I18n, made once per settings object. */
export function i18nFor(settings: { language: string; messages?: Overrides }): I18n {
  let i = cache.get(settings);
  if (!i) cache.set(settings, (i = createI18n(settings.language, settings.messages)));
  return i;
}
