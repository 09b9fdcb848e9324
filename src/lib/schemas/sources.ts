import { z } from 'astro/zod';
import { evidenceSchema, isoDateSchema, precisionSchema, refSchema, urlSchema } from './common.ts';
import { webSourceSchema } from './web.ts';

/** Why a capture line was left out of the cleaned text. */
export const removalReasonSchema = z.enum([
  'page-title',
  'image-prefix',
  'related-story',
  'video-player',
  'video-promo',
  'empty-source-line',
  'navigation',
  'masthead',
  'page-metadata',
  'blank',
]);

export const sourceSchema = z
  .object({
    /** The headline exactly as captured. */
    title: z.string().min(1),
    outlet: refSchema,
    summary: z.string().min(1),
    published: z
      .object({
        date: isoDateSchema,
        precision: precisionSchema,
        evidence: z.array(evidenceSchema).min(1, 'must list at least one piece of evidence for the date'),
      })
      .strict(),
    byline: z.string().optional(),
    /** Wire services or agencies credited, e.g. ["Reuters", "Interfax"]. */
    credits: z.array(z.string().min(1)).default([]),
    /** The credit line verbatim, e.g. "dj/jm (Reuters, Interfax)". */
    creditLine: z.string().optional(),
    dateline: z.string().optional(),
    language: z.string().min(2),
    url: urlSchema.optional(),
    /** From the captured publication back to the origin of the text. */
    republication: z
      .array(
        z
          .object({
            outlet: refSchema,
            role: z.string().min(1),
            date: isoDateSchema.optional(),
            evidence: evidenceSchema,
          })
          .strict(),
      )
      .default([]),
    events: z.array(refSchema).default([]),
    capture: z
      .object({
        id: refSchema,
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the 64-character lower-case hex SHA-256 of the capture file'),
        originalName: z.string().min(1),
      })
      .strict(),
    /** For a web capture (WARC, WACZ, saved HTML): where it came from and what derived its text. */
    web: webSourceSchema.optional(),
    removed: z
      .array(z.object({ text: z.string(), reason: removalReasonSchema }).strict())
      .default([]),
    /** An honest note where the record is unclear. */
    caveats: z.array(z.string().min(1)).default([]),
    /** This source is a translation of another: its own text and capture, linked to the original (docs/languages.md). */
    translation: z
      .object({
        /** The original's source id. */
        of: refSchema,
        /** Whose translation: the outlet's own (it published it) or the dossier's editors'. */
        by: z.enum(['outlet', 'dossier']),
        translator: z.string().min(1).optional(),
        date: isoDateSchema.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type SourceData = z.infer<typeof sourceSchema>;
