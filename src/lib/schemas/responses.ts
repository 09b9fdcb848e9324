import { z } from 'astro/zod';
import { isoDateSchema, refSchema, statementFields } from './common.ts';

export const responseSchema = z
  .object({
    responder: refSchema,
    respondsTo: z.array(refSchema).min(1, 'must name the claim(s) it answers'),
    kind: z.enum(['denial', 'dismissal', 'no-comment', 'counter-claim', 'reported-by-accuser', 'no-response']),
    /** How the response reached the public, e.g. "emailed statement to The Defense Post". */
    channel: z.string().min(1),
    date: isoDateSchema.optional(),
    ...statementFields,
  })
  .strict();

export type ResponseData = z.infer<typeof responseSchema>;
