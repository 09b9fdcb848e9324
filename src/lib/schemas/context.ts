import { z } from 'astro/zod';
import { idSchema, isoDateSchema, precisionSchema, refSchema, urlSchema } from './common.ts';

/** Later reporting that is NOT in the captured corpus. It is never verified against a capture. */
export const contextSchema = z
  .object({
    id: idSchema,
    outlet: z.string().min(1),
    date: isoDateSchema,
    precision: precisionSchema.default('day'),
    title: z.string().min(1),
    url: urlSchema.optional(),
    /** What this report adds, in the dossier's own words. */
    adds: z.string().min(1),
    /** Words the outlet reports; shown as "as reported by", never as verified. */
    reports: z.string().optional(),
    claims: z.array(refSchema).default([]),
    responses: z.array(refSchema).default([]),
    sources: z.array(refSchema).default([]),
    disagreement: z.string().optional(),
  })
  .strict();

export type ContextEntry = z.infer<typeof contextSchema>;
