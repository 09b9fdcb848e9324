import { z } from 'astro/zod';
import { isoDateSchema, urlSchema } from './common.ts';

/** The settings of one dossier (src/content/dossier.yaml). */
export const dossierSchema = z
  .object({
    title: z.string().min(1),
    subtitle: z.string().min(1),
    description: z.string().min(1),
    editors: z.array(z.string().min(1)).min(1),
    edition: isoDateSchema,
    created: isoDateSchema,
    licence: z.string().min(1),
    language: z.string().min(2),
    site: urlSchema,
    /** Text shown on the home page, in plain paragraphs. */
    about: z.array(z.string().min(1)).min(1),
  })
  .strict();

export type DossierSettings = z.infer<typeof dossierSchema>;
