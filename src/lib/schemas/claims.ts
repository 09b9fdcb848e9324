import { z } from 'astro/zod';
import { appearanceSchema, isoDateSchema, refSchema } from './common.ts';

export const claimSchema = z
  .object({
    claimant: refSchema,
    /** The institution the claimant speaks for, when different. */
    onBehalfOf: refSchema.optional(),
    date: isoDateSchema,
    event: refSchema,
    summary: z.string().min(1),
    /** Ordering within the dossier's lists. */
    order: z.number().int().default(100),
    appearances: z.array(appearanceSchema).min(1, 'must list at least one appearance in a source'),
    context: z.array(refSchema).default([]),
    notes: z.array(z.string()).default([]),
  })
  .strict();

export type ClaimData = z.infer<typeof claimSchema>;
