import { z } from 'astro/zod'

const version = z.object({ title: z.string(), summary: z.string().optional(), bodyHtml: z.string() })

/** One publication in every language it has, as the benchmark's snapshot holds it. */
export const documentSchema = z.object({
  kindPath: z.string(),
  slug: z.string(),
  date: z.string(),
  topics: z.array(z.string()),
  versions: z.record(z.string(), version),
})

/** A topic or a press kit: a slug and a title per language. */
export const namedSchema = z.object({ slug: z.string(), title: z.record(z.string(), z.string()) })

export type DocumentData = z.infer<typeof documentSchema>
export type NamedData = z.infer<typeof namedSchema>
