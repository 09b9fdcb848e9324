import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import {
  actorSchema, captureSchema, claimSchema, contextSchema, dossierSchema, eventSchema, outletSchema, pageSchema, responseSchema, sourceSchema,
} from './lib/schemas/index.ts';
import { captureLoader, documentLoader, listLoader, settingsLoader } from './lib/content/loaders.ts';
import { contentDir } from './lib/content/location.ts';

// The schemas live in src/lib/schemas so the verifier, the importer and the JSON export share them.
export const collections = {
  dossier: defineCollection({ loader: settingsLoader(), schema: dossierSchema }),
  outlets: defineCollection({ loader: listLoader('outlets'), schema: outletSchema }),
  actors: defineCollection({ loader: listLoader('actors'), schema: actorSchema }),
  events: defineCollection({ loader: listLoader('events'), schema: eventSchema }),
  context: defineCollection({ loader: listLoader('context'), schema: contextSchema }),
  captures: defineCollection({ loader: captureLoader(), schema: captureSchema }),
  sources: defineCollection({ loader: documentLoader('sources'), schema: sourceSchema }),
  claims: defineCollection({ loader: documentLoader('claims'), schema: claimSchema }),
  responses: defineCollection({ loader: documentLoader('responses'), schema: responseSchema }),
  pages: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${contentDir()}/pages` }), schema: pageSchema }),
};
