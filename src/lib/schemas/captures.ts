import { z } from 'astro/zod';
import { idSchema } from './common.ts';
import { webProvenanceSchema } from './web.ts';

/** A raw capture file. Everything here is computed from the file, never typed by an author. */
export const captureSchema = z.object({
  id: idSchema,
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  text: z.string(),
  /** A web capture: its text is derived from the archive at every build; this is what the archive says. */
  web: webProvenanceSchema.partial({ format: true }).extend({ extractor: z.string(), textSha256: z.string(), ext: z.string(), error: z.string().optional() }).optional(),
});

export type Capture = z.infer<typeof captureSchema>;
