import { z } from 'astro/zod';
import { isoDateSchema, refSchema, statementFields } from './common.ts';

export const responseSchema = z
  .object({
    responder: refSchema,
    respondsTo: z.array(refSchema).min(1, 'must name the claim(s) it answers'),
    /** reported-by-claimant: the answer is known only from the claimant's own account (reported-by-accuser is its older name). */
    kind: z.enum(['denial', 'dismissal', 'no-comment', 'counter-claim', 'reported-by-claimant', 'reported-by-accuser', 'no-response']),
    /** How the response reached the public, e.g. "emailed statement to The Defense Post". */
    channel: z.string().min(1),
    date: isoDateSchema.optional(),
    ...statementFields,
  })
  .strict();

export type ResponseData = z.infer<typeof responseSchema>;
