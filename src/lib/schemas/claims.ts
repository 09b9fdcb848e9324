import { z } from 'astro/zod';
import { isoDateSchema, refSchema, statementFields } from './common.ts';

export const claimSchema = z
  .object({
    claimant: refSchema,
    /** The institution the claimant speaks for, when different. */
    onBehalfOf: refSchema.optional(),
    date: isoDateSchema,
    event: refSchema,
    ...statementFields,
  })
  .strict();

export type ClaimData = z.infer<typeof claimSchema>;
