import { z } from 'astro/zod';
import { isoDateSchema, urlSchema, vocabularyWordSchema } from './common.ts';

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
    /** The dossier's own words for kinds of event and roles of actors (src/lib/content/vocabulary.ts has the defaults). */
    vocabulary: z
      .object({
        eventKinds: z.array(vocabularyWordSchema).min(1).optional(),
        actorRoles: z.array(z.string().min(1)).min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type DossierSettings = z.infer<typeof dossierSchema>;
