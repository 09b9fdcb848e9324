/*
 * The catalogue's words in the browser. A component that a script fills renders its
 * `client.<area>.*` messages as JSON in data-messages (Search.astro, OfflineStatus.astro), so the
 * scripts carry no words of their own and the page script stays the same for every language.
 */
export type ClientMessages = Record<string, string>;

/** The messages an element carries; none when it carries none (the caller then shows nothing rather than English). */
export function messagesOf(el: Element | null | undefined): ClientMessages {
  try {
    return JSON.parse(el?.getAttribute('data-messages') ?? '{}') as ClientMessages;
  } catch {
    return {};
  }
}

/** "{done} of {total}" with its values; client messages use plain placeholders only. */
export function fill(message: string | undefined, values: Record<string, string | number> = {}): string {
  return (message ?? '').replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
