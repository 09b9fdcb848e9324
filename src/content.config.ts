// defineCollection from `astro/content/config` rather than `astro:content`: the same function, but
// the virtual module puts Astro's whole content runtime through Vite's module runner at every build
// and dev start (about 1 s) only to read this file. docs/performance.md has the measurements.
import { defineCollection } from 'astro/content/config';
import {
  actorSchema, captureSchema, claimSchema, contextSchema, dossierSchema, eventSchema, outletSchema, pageSchema, responseSchema, sourceSchema,
} from './lib/schemas/index.ts';
import { captureLoader, documentLoader, listLoader, pagesLoader, settingsLoader } from './lib/content/loaders.ts';

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
  pages: defineCollection({ loader: pagesLoader(), schema: pageSchema }),
};
