import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const sourceFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data/founding-statement.txt')

export type FoundingStatement = {
  titleEn: string
  titleRu: string
  date: string
  leadRu: string
  bodyEn: string[]
}

/**
 * The initiative's founding statement of 11 September 2021, as the initiative published it:
 * an English title line, a Russian lead paragraph, the date, then the English text.
 */
export function readFoundingStatement(): FoundingStatement {
  const paragraphs = readFileSync(sourceFile, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
  const [titleLine, leadRu, dateLine, ...bodyEn] = paragraphs
  if (!titleLine?.startsWith('Statement | ') || !leadRu || dateLine !== 'September 11, 2021') {
    throw new Error(`${sourceFile} does not have the expected shape (title line, Russian lead, date, body)`)
  }
  return {
    titleEn: titleLine.slice('Statement | '.length),
    // The Russian title is the press office's translation of the English one.
    titleRu:
      'О поиске решений, которые позволят гражданам Соединённых Штатов Америки, лишённым свободы правительством России, и гражданам Российской Федерации, лишённым свободы правительством США, вернуться домой к своим семьям',
    date: '2021-09-11T09:00:00.000Z',
    leadRu,
    bodyEn,
  }
}
