import path from 'node:path'
import { adminTranslations } from '@pressroom/cms/i18n/admin'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pickOption } from '../lib/adminSelect.ts'
import { type E2ePressRoom, startE2ePressRoom } from '../lib/e2ePressRoom.ts'

/**
 * Issue 15, item 7: with the staff member's admin language set to Russian, the admin speaks
 * Russian all the way, messages from the server included: publishing, planning a dispatch,
 * importing a bad recipients CSV, and a translator's refusal (docs/adr/0041). After each step the
 * visible text (toasts included) holds the Russian answer and none of the English sentences.
 */
let room: E2ePressRoom

const { en, ru } = { en: adminTranslations.en.pressroom, ru: adminTranslations.ru.pressroom }

/** Every English sentence of the dictionaries, cut at its {{placeholders}}; short scraps would match anything. */
const flatten = (words: object): string[] =>
  Object.values(words).flatMap((value) => (typeof value === 'string' ? [value] : flatten(value)))
const englishSentences = flatten(en)
  .flatMap((sentence) => sentence.split(/\{\{\s*\w+\s*\}\}/))
  .map((part) => part.trim())
  .filter((part) => part.length >= 12)
/** Payload's own English words on the screens this test visits (its Russian dictionary is Payload's). */
const payloadEnglish = ['Publish changes', 'Save draft', 'Create New', 'Dashboard', 'Log out', 'Updated successfully']
const english = [...englishSentences, ...payloadEnglish]

/** The text on screen, without what is content rather than the admin's words (titles, names, addresses, references). */
async function visibleText(page: Page, content: string[]): Promise<string> {
  // innerText, not textContent: what is rendered and visible, as staff read it.
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point
  let text = await page.evaluate(() => document.body.innerText)
  for (const part of content) text = text.split(part).join(' ')
  return text.replace(/\S+@\S+/g, ' ').replace(/GC-[A-Z]{2}-\d{4}-\d{3}/g, ' ')
}

async function expectNoEnglish(page: Page, step: string, content: string[] = []) {
  const text = await visibleText(page, content)
  expect(
    english.filter((sentence) => text.includes(sentence)),
    `${step}: English on screen`,
  ).toEqual([])
}

/** A browser whose admin language is Russian, as the account page's language choice sets it (the browser itself asks for English). */
async function russianContext(): Promise<BrowserContext> {
  const context = await room.browser.newContext({ locale: 'en-GB' })
  await context.addCookies([{ name: 'payload-lng', value: 'ru', url: room.cmsUrl }])
  return context
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${room.cmsUrl}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/)
}

beforeAll(async () => {
  room = await startE2ePressRoom({
    name: 'admin-russian',
    env: ({ dir }) => ({
      RESEND_API_KEY: '',
      MAIL_OUTBOX_DIR: path.join(dir, 'outbox'),
      SITE_BUILD: 'off',
    }),
  })
})

afterAll(async () => {
  await room?.stop()
})

describe('the Russian admin', () => {
  it('publishes, dispatches, imports a bad CSV and refuses a translator, all in Russian', async () => {
    const context = await russianContext()
    const page = await context.newPage()
    await signIn(page, 'admin@pressroom.localhost', room.adminPassword)
    const api = (pathname: string, body: unknown) =>
      page.evaluate(
        async ([url, json]) => {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: json,
          })
          return { status: response.status, json: await response.json() }
        },
        [`/api${pathname}`, JSON.stringify(body)] as const,
      )

    // 1. Publish a statement (a draft made over REST, published with the admin's button), then e-mail it.
    const title = 'E2E 7001'
    const draft = await api('/statements?depth=0', { title, _status: 'draft' })
    expect(draft.status, JSON.stringify(draft.json)).toBe(201)
    const statementId = draft.json.doc.id as number
    await page.goto(`${room.cmsUrl}/admin/collections/statements/${statementId}`)
    // Publishing a statement e-mails nobody by itself (only press releases ask first, docs/adr/0039).
    await page.getByRole('button', { name: 'Опубликовать изменения' }).click()
    await page.getByRole('button', { name: ru.sendToSubscribers.send }).click()
    // E-mailing asks first, with the count, in Russian.
    const sendDialog = page.getByRole('dialog')
    await sendDialog.getByRole('button', { name: ru.confirm.confirmSend }).waitFor()
    await expectNoEnglish(page, 'the question before e-mailing', [title])
    await sendDialog.getByRole('button', { name: ru.confirm.confirmSend }).click()
    const sendAnswers = [ru.publicationMail.alreadySent, ru.publicationMail.noLanguage, 'Запланировано: ']
    await page
      .getByRole('status')
      .filter({ hasText: new RegExp(sendAnswers.join('|')) })
      .waitFor()
    await expectNoEnglish(page, 'publishing', [title])

    // 2. Plan the seeded notice's dispatch to the seeded group (as notices.e2e.test.ts does).
    await page.goto(`${room.cmsUrl}/admin/collections/dispatches/create`)
    const noticeTitle = await pickOption(page, '#field-notice', 'Notice to the parties on the proposed')
    await pickOption(page, '#field-groups', 'Embassies in Moscow (example)')
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click()
    await page.waitForURL(/\/collections\/dispatches\/\d+/)
    await page.getByRole('button', { name: ru.dispatchActions.plan }).click()
    // Planning asks first, with the counts per language and channel, in Russian.
    const planDialog = page.getByRole('dialog')
    await planDialog.getByRole('button', { name: ru.confirm.confirmPlan }).waitFor()
    await expectNoEnglish(page, 'the question before planning', [noticeTitle, 'Embassies in Moscow (example)'])
    await planDialog.getByRole('button', { name: ru.confirm.confirmPlan }).click()
    await page
      .getByRole('status')
      .filter({ hasText: 'Запланировано получателей: 3; по электронной почте — 2' })
      .waitFor()
    await expectNoEnglish(page, 'dispatching', [noticeTitle, 'Embassies in Moscow (example)'])

    // 3. Import a recipients CSV with problems: nothing is imported, every problem is in Russian.
    await page.goto(`${room.cmsUrl}/admin/collections/recipients`)
    await page.locator('input[type="file"]').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('kind,name_en,emails\nplanet,,not-an-address\n'),
    })
    await page.getByRole('button', { name: ru.recipientsImportExport.import }).click()
    const report = page.getByRole('status').filter({ hasText: 'Ничего не импортировано: проблем в файле — 3.' })
    await report.waitFor()
    const reported = (await report.textContent()) ?? ''
    expect(reported).toContain('«planet» — не вид получателя')
    expect(reported).toContain('«not-an-address» — не адрес электронной почты')
    expect(reported).toContain(ru.recipientsCsv.nameRequired)
    await expectNoEnglish(page, 'importing a bad CSV', ['not-an-address'])

    // 4. A translator (made here by the admin) tries to e-mail the published statement: the
    // button is theirs to see (the endpoint decides who may), the refusal comes in Russian.
    const password = 'e2e-translator-password-42'
    const email = 'translator-ru@pressroom.localhost'
    const made = await api('/users', { email, password, role: 'translator', name: 'Переводчик' })
    expect(made.status, JSON.stringify(made.json)).toBe(201)
    await context.close()

    const translatorContext = await russianContext()
    const translator = await translatorContext.newPage()
    await signIn(translator, email, password)
    await translator.goto(`${room.cmsUrl}/admin/collections/statements/${statementId}`)
    // The button first asks the server for the counts, which only admins and editors may see.
    const [answer] = await Promise.all([
      translator.waitForResponse((response) => response.url().includes('/api/mail/publication-recipients')),
      translator.getByRole('button', { name: ru.sendToSubscribers.send }).click(),
    ])
    const refusal = 'Только администраторы и редакторы могут считать получателей рассылки публикаций.'
    expect(answer.status()).toBe(403)
    expect(await answer.text()).toContain(refusal)
    await translator.getByText(refusal).waitFor()
    await expectNoEnglish(translator, 'a translator e-mailing a publication', [title])
    await translatorContext.close()
  })
})
