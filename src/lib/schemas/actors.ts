import { z } from 'astro/zod';
import { idSchema, refSchema } from './common.ts';

export const actorSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1),
    kind: z.enum(['person', 'institution']),
    role: z.string().min(1),
    /** Another actor this one speaks for, e.g. Konashenkov for the Russian Defence Ministry. */
    affiliation: refSchema.optional(),
    country: z.string().optional(),
  })
  .strict();

export type Actor = z.infer<typeof actorSchema>;
