import { z } from 'astro/zod';
import { idSchema, urlSchema } from './common.ts';

export const outletSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1),
    /** e.g. "state news agency", "public international broadcaster", "newspaper", "think tank". */
    kind: z.string().min(1),
    country: z.string().min(1),
    url: urlSchema.optional(),
    notes: z.string().optional(),
  })
  .strict();

export type Outlet = z.infer<typeof outletSchema>;
