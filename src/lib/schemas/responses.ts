import { z } from 'astro/zod';
import { appearanceSchema, isoDateSchema, refSchema } from './common.ts';

export const responseSchema = z
  .object({
    responder: refSchema,
    respondsTo: z.array(refSchema).min(1, 'must name the claim(s) it answers'),
    kind: z.enum(['denial', 'dismissal', 'no-comment', 'counter-claim', 'reported-by-accuser', 'no-response']),
    /** How the response reached the public, e.g. "emailed statement to The Defense Post". */
    channel: z.string().min(1),
    date: isoDateSchema.optional(),
    summary: z.string().min(1),
    order: z.number().int().default(100),
    appearances: z.array(appearanceSchema).min(1, 'must list at least one appearance in a source'),
    context: z.array(refSchema).default([]),
    notes: z.array(z.string()).default([]),
  })
  .strict();

export type ResponseData = z.infer<typeof responseSchema>;
