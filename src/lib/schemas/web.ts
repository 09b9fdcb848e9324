import { z } from 'astro/zod';
import { urlSchema } from './common.ts';

/** The kinds of web capture the engine reads: a WARC (gzipped or not), a WACZ, or a saved HTML page. */
export const webFormatSchema = z.enum(['warc', 'wacz', 'html']);

/**
 * Where a web capture came from, as its archive records it. Every field is read from the archive,
 * never typed in: the build reads the archive again and refuses a value that differs.
 */
export const webProvenanceSchema = z
  .object({
    format: webFormatSchema,
    /** The page's address (WARC-Target-URI); a saved HTML page has none. */
    url: urlSchema.optional(),
    /** When the archive captured it (WARC-Date): the access date, distinct from the publication date. */
    captured: z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, 'must be the WARC-Date, e.g. "2017-11-14T09:30:00Z"').optional(),
    /** The HTTP status of the archived response. */
    status: z.number().int().min(100).max(599).optional(),
    /** The WARC record's WARC-Payload-Digest, e.g. "sha1:CSXW…": checked against the payload bytes. */
    payloadDigest: z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9+/=]+$/, 'must be the record\'s WARC-Payload-Digest, e.g. "sha1:CSXWTIG7…"').optional(),
    /** The archiving tool, from the warcinfo record's "software" field. */
    tool: z.string().min(1).optional(),
  })
  .strict();

/** A source's `web:` block: the provenance, plus the extractor and the SHA-256 of the text it derived. */
export const webSourceSchema = webProvenanceSchema
  .extend({
    /** Name and exact version of everything that turns the archived bytes into text. */
    extractor: z.string().min(1),
    /** SHA-256 of the derived text at import; the build derives it again and compares. */
    textSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the 64-character lower-case hex SHA-256 of the derived text'),
  })
  .strict();

export type WebFormat = z.infer<typeof webFormatSchema>;
export type WebProvenance = z.infer<typeof webProvenanceSchema>;
export type WebSource = z.infer<typeof webSourceSchema>;
