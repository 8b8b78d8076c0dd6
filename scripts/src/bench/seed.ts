import { documentCollections } from '@pressroom/shared'

/**
 * The benchmark's content: the press room's own seed (settings, a topic, a press contact, the
 * founding statement, the admin) plus `count` bilingual publications spread over topics, so the
 * site has lists, year archives, topic pages and feeds of a realistic size. With `from` > 0 the
 * database already holds publications 0 … from − 1 (a smaller size of the growth benchmark) and
 * only the rest are added: the documents are the same as a seed from scratch would write.
 */
export const benchTopicCount = 12
export const embargoBenchTopic = 'Embargo benchmark'
export const embargoBenchReader = 'embargo-reader@pressroom.localhost'

export async function seedBenchContent(options: {
  count: number
  from?: number
  adminEmail: string
  adminPassword: string
  log: (message: string) => void
}): Promise<{ seconds: number }> {
  const [{ getPayload }, { default: config }, { paragraphsToLexical }, { seed }] = await Promise.all([
    import('payload'),
    import('@pressroom/cms/config'),
    import('@pressroom/cms/seed/lexical'),
    import('@pressroom/cms/seed'),
  ])
  const payload = await getPayload({ config })
  const started = performance.now()
  const from = options.from ?? 0
  const topicIds = from === 0 ? await seedBase(payload, seed, options) : await benchTopicIds(payload)
  for (let i = from; i < options.count; i++) {
    const collection = documentCollections[i % documentCollections.length]!
    const date = new Date(Date.UTC(2021 + (i % 5), i % 12, 1 + (i % 28))).toISOString()
    // One or two topics each, so every topic has a few list pages.
    const topics = i % 2 === 0 ? [topicIds[i % benchTopicCount]!] : [topicIds[i % benchTopicCount]!, topicIds[0]!]
    const doc = await payload.create({
      collection,
      locale: 'en',
      data: {
        title: `Benchmark ${collection} number ${i}`,
        summary: 'A summary of the document, about as long as a real standfirst is in the press room.',
        body: paragraphsToLexical([
          'First paragraph of the body.',
          'Second paragraph, a little longer than the first.',
        ]),
        date,
        topics: [...new Set(topics)],
        _status: 'published',
      },
    })
    await payload.update({
      collection,
      id: doc.id,
      locale: 'ru',
      data: {
        title: `Тестовый документ ${collection} номер ${i}`,
        summary: 'Краткое содержание документа примерно той же длины, что и настоящий лид.',
        body: paragraphsToLexical(['Первый абзац.', 'Второй абзац, немного длиннее первого.']),
      },
    })
    if (i % 250 === 249) options.log(`  ${i + 1} documents`)
  }
  const seconds = (performance.now() - started) / 1000
  await payload.destroy()
  return { seconds }
}

type Payload = Awaited<ReturnType<typeof import('payload').getPayload>>

/** The press room's own seed, the benchmark's topics and the embargo benchmark's reader; the topics' ids. */
async function seedBase(
  payload: Payload,
  seed: typeof import('@pressroom/cms/seed').seed,
  options: { adminEmail: string; adminPassword: string },
): Promise<number[]> {
  await seed(payload, { adminEmail: options.adminEmail, adminPassword: options.adminPassword })
  const topicIds: number[] = []
  for (let t = 0; t < benchTopicCount; t++) {
    const topic = await payload.create({
      collection: 'topics',
      locale: 'en',
      data: { title: `Benchmark topic ${t}`, description: `Documents about benchmark subject ${t}.` },
    })
    await payload.update({
      collection: 'topics',
      id: topic.id,
      locale: 'ru',
      data: { title: `Тестовая тема ${t}`, description: `Документы о тестовом предмете ${t}.` },
    })
    topicIds.push(topic.id)
  }
  // The one reader the embargo benchmark e-mails (embargoLatency.ts): following only a topic no
  // seeded document has, so publishing the seeded press releases e-mails nobody.
  const embargoTopic = await payload.create({
    collection: 'topics',
    locale: 'en',
    data: { title: embargoBenchTopic, description: 'Only the embargo benchmark publishes here.' },
  })
  await payload.create({
    collection: 'subscribers',
    data: {
      email: embargoBenchReader,
      status: 'active',
      locale: 'en',
      tokenVersion: 1,
      languages: ['en'],
      topics: [embargoTopic.id],
    },
  })
  return topicIds
}

/** The benchmark's topics of an earlier seed, in the order they were created. */
async function benchTopicIds(payload: Payload): Promise<number[]> {
  const found = await payload.find({
    collection: 'topics',
    locale: 'en',
    where: { title: { like: 'Benchmark topic' } },
    sort: 'id',
    limit: benchTopicCount,
    depth: 0,
  })
  if (found.docs.length !== benchTopicCount)
    throw new Error(
      `The database holds ${found.docs.length} benchmark topics, not ${benchTopicCount}: seed it from scratch.`,
    )
  return found.docs.map((topic) => topic.id)
}
