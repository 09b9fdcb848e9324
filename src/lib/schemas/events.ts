import { z } from 'astro/zod';
import { evidenceSchema, idSchema, isoDateSchema, precisionSchema, refSchema, vocabularyWordSchema } from './common.ts';

export const eventSchema = z
  .object({
    id: idSchema,
    date: isoDateSchema,
    precision: precisionSchema,
    title: z.string().min(1),
    /** One of the dossier's event kinds (vocabulary.eventKinds in dossier.yaml, or the defaults); checked by src/lib/content/vocabulary.ts. */
    kind: vocabularyWordSchema,
    actors: z.array(refSchema).default([]),
    description: z.string().min(1),
    /** Where the date comes from: sources are checked by the graph; context ids must exist. */
    sources: z.array(refSchema).default([]),
    context: z.array(refSchema).default([]),
  })
  .strict();

export type DossierEvent = z.infer<typeof eventSchema>;
export { evidenceSchema };
