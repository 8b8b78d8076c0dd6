import { defineCollection } from 'astro:content'
import { file, glob } from 'astro/loaders'
import { z } from 'astro/zod'
import { documentSchema, namedSchema } from './schemas.ts'

export const collections = {
  documents: defineCollection({ loader: file('snapshot/documents.json'), schema: documentSchema }),
  topics: defineCollection({ loader: file('snapshot/topics.json'), schema: namedSchema }),
  kits: defineCollection({ loader: file('snapshot/kits.json'), schema: namedSchema }),
  // The one-language pages with little content (contacts, search…), as many as the site has.
  sections: defineCollection({ loader: file('snapshot/sections.json'), schema: z.object({}) }),
  pages: defineCollection({
    loader: glob({
      pattern: '*.mdx',
      base: './src/content/pages',
      generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
    }),
    schema: z.object({ title: z.string(), description: z.string() }),
  }),
}
