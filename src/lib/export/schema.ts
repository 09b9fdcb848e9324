import { z } from 'astro/zod';
import {
  actorSchema, appearanceSchema, claimSchema, contextSchema, dossierSchema, eventSchema, idSchema, outletSchema, pageSchema, responseSchema, sourceSchema,
} from '../schemas/index.ts';

/*
 * The shape of /dossier.json, built from the very schemas that validate the content, so the
 * export and its published JSON Schema cannot drift from what authors write.
 */
const spanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).strict();

export const verifiedAppearanceSchema = appearanceSchema.extend({
  /** Fragment id of the passage on the source page. */
  anchor: z.string(),
  /** Offsets of the quoted words in the source's `text`. */
  spans: z.array(spanSchema).min(1),
  /** The matched passage exactly as it stands in the source's `text`. */
  excerpt: z.string(),
});

export const exportSourceSchema = sourceSchema.extend({
  id: idSchema,
  /** The cleaned text: blocks joined by a blank line. Quote spans are offsets into it. */
  text: z.string(),
  blocks: z.array(z.object({ kind: z.enum(['paragraph', 'heading', 'caption']), text: z.string() }).strict()),
  capture: sourceSchema.shape.capture.extend({
    bytes: z.number().int().nonnegative(),
    /** Where the raw capture is published, relative to the site; for a web capture, the text derived from it. */
    path: z.string(),
    /** A web capture's archive (WARC, WACZ or saved page), byte for byte, relative to the site. */
    archive: z.string().optional(),
  }),
  /** The source's page on the site. */
  path: z.string(),
});

export const exportClaimSchema = claimSchema.extend({ id: idSchema, appearances: z.array(verifiedAppearanceSchema).min(1) });
export const exportResponseSchema = responseSchema.extend({ id: idSchema, appearances: z.array(verifiedAppearanceSchema).min(1) });

export const EXPORT_FORMAT = 'dossier-export';
export const EXPORT_VERSION = 1;

export const dossierExportSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    settings: dossierSchema,
    outlets: z.array(outletSchema),
    actors: z.array(actorSchema),
    events: z.array(eventSchema),
    context: z.array(contextSchema),
    sources: z.array(exportSourceSchema),
    claims: z.array(exportClaimSchema),
    responses: z.array(exportResponseSchema),
    pages: z.array(pageSchema.extend({ id: idSchema })),
  })
  .strict();

export type DossierExport = z.infer<typeof dossierExportSchema>;

/** The JSON Schema published at /dossier.schema.json. */
export function exportJsonSchema(id?: string): Record<string, unknown> {
  const schema = z.toJSONSchema(dossierExportSchema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    ...(id ? { $id: id } : {}),
    title: 'Dossier export',
    description: 'The whole verified graph of an evidence dossier, as published at /dossier.json. Generated from the Zod schemas that validate the content.',
  };
}
