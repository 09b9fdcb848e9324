import { z } from 'astro/zod';
import { isoDateSchema, urlSchema, vocabularyWordSchema } from './common.ts';
import { isLanguageTag } from '../i18n/direction.ts';

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
    /** The interface's language and the pages' lang (BCP 47: "en", "fr", "ar", "pt-BR"). */
    language: z.string().min(2).refine(isLanguageTag, {
      message: 'is not a valid BCP 47 language tag',
    }),
    /** The dossier's own interface messages, by catalogue key (docs/languages.md); checked by src/lib/i18n/check.ts. */
    messages: z.record(z.string(), z.string()).optional(),
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
