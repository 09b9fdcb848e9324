import { z } from 'astro/zod';

/** Lower-case slug used for every id and reference in the dossier. */
export const idSchema = z
  .string({ error: 'must be an id (text)' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a lower-case slug such as "dw-2017-11-14" (letters, digits and single hyphens)', abort: true });

export const refSchema = idSchema;

/** A word of the dossier's own vocabulary, such as an event kind: "incident", "site-visit". */
export const vocabularyWordSchema = z
  .string({ error: 'must be a word (text)' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a lower-case word, or words joined by hyphens, such as "incident" or "site-visit"', abort: true });

function isRealDate(value: string): boolean {
  const [y, m = 1, d = 1] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** ISO date at day, month or year precision: 2017-11-14, 2017-11 or 2017. Kept as text so YAML never turns it into a timestamp. */
export const isoDateSchema = z
  .string({ error: 'must be a date written as text, e.g. "2017-11-14"' })
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, { error: 'must be an ISO date: YYYY-MM-DD, YYYY-MM or YYYY', abort: true })
  .refine(isRealDate, 'is not a real calendar date');

export const precisionSchema = z.enum(['day', 'month', 'year']);

export const urlSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/**
 * Why a fact is believed: a verbatim quote from the capture, or a context entry.
 * The graph check verifies the quote against the raw capture and resolves the context id.
 */
export const evidenceSchema = z
  .object({
    quote: z.string().min(1).optional(),
    context: refSchema.optional(),
    note: z.string().min(1, 'must explain what the evidence shows'),
  })
  .strict()
  .refine((e) => e.quote || e.context, 'needs a "quote" from the capture or a "context" id');

/** How an outlet carries a statement. */
export const howSchema = z.enum(['direct', 'paraphrase', 'reported'], {
  error: 'must be "direct" (a direct quote), "paraphrase" or "reported" (the outlet reports what someone else said)',
});

/** One outlet's rendering of a claim or response; `quote` must appear verbatim in the source. */
export const appearanceSchema = z
  .object({
    source: refSchema,
    quote: z.string().min(1, 'must quote the source verbatim'),
    how: howSchema,
    note: z.string().optional(),
  })
  .strict();

export type Evidence = z.infer<typeof evidenceSchema>;
export type Appearance = z.infer<typeof appearanceSchema>;

/** What claims and responses share: a summary, where it appears (verbatim), and its later context. */
export const statementFields = {
  summary: z.string().min(1),
  /** Ordering within the dossier's lists. */
  order: z.number().int().default(100),
  appearances: z.array(appearanceSchema).min(1, 'must list at least one appearance in a source'),
  context: z.array(refSchema).default([]),
  notes: z.array(z.string()).default([]),
};
