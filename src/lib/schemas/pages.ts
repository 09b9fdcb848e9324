import { z } from 'astro/zod';

/** Frontmatter of an MDX analysis page. */
export const pageSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().min(1),
    order: z.number().int(),
    /** Short label for navigation. */
    nav: z.string().min(1),
  })
  .strict();

export type PageData = z.infer<typeof pageSchema>;
