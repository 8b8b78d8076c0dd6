import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { generate } from 'otplib'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { watchForCspViolations } from '../lib/cspWatch.ts'
import { type E2ePressRoom, startE2ePressRoom } from '../lib/e2ePressRoom.ts'
import type { RunningMainCommand } from '../lib/mainCommand.ts'
import { repoRoot } from '../lib/paths.ts'
import { waitFor } from '../lib/processes.ts'

/**
 * The README's main command, as a newcomer runs it: `pnpm start` on a fresh embedded database.
 * The build is already up to date (`pnpm test` builds first), so this measures the start itself.
 */
let room: E2ePressRoom
let cms: RunningMainCommand
let baseUrl: string
let browser: Browser
let adminPassword: string

beforeAll(async () => {
  // The scheduling test below opens the same database from this process.
  room = await startE2ePressRoom({
    name: 'cms',
    localApi: true,
    // This test is about the CMS; site.e2e covers the site the main command builds.
    env: () => ({ SITE_BUILD: 'off' }),
  })
  ;({ cms, cmsUrl: baseUrl, browser, adminPassword } = room)
})

afterAll(async () => {
  await room?.stop()
})

describe('the started CMS', () => {
  it('prints where the admin is and how to log in', () => {
    expect(cms.output()).toContain(`Admin:     ${baseUrl}/admin`)
    expect(cms.output()).toContain('admin@pressroom.localhost / the ADMIN_PASSWORD you set')
    expect(cms.output()).toContain('seeded statement "founding-statement"')
  })

  it('serves the seeded founding statement to anonymous readers in both languages', async () => {
    const en = await (await fetch(`${baseUrl}/api/statements?where[slug][equals]=founding-statement`)).json()
    expect(en.docs[0].title).toMatch(/^Regarding the search for solutions/)
    expect(en.docs[0].referenceNumber).toBe('GC-ST-2021-001')
    const ru = await (await fetch(`${baseUrl}/api/statements?locale=ru&fallback-locale=none`)).json()
    expect(ru.docs[0].title).toMatch(/^О поиске решений/)
    expect(ru.docs[0].translationState).toBe('partial')
    const users = await fetch(`${baseUrl}/api/users`)
    expect(users.status).toBe(403)
  })

  it('lets the seeded admin log in to the admin in Russian and see the statement', async () => {
    const context = await browser.newContext({ locale: 'ru-RU' })
    const problems = await watchForCspViolations(context)
    const page = await context.newPage()
    await page.goto(`${baseUrl}/admin`)
    await page.waitForSelector('input[name="email"]')
    // The sign-in form's own words come from the project's admin dictionary (src/i18n/admin/).
    expect(await page.locator('button[type="submit"]').textContent()).toBe('Войти')
    await page.fill('input[name="email"]', 'admin@pressroom.localhost')
    await page.fill('input[name="password"]', adminPassword)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin\/?$/)
    await page.goto(`${baseUrl}/admin/collections/statements`)
    await page.getByRole('heading', { name: 'Заявления' }).first().waitFor()
    await page.getByText('GC-ST-2021-001').waitFor()
    expect(await page.getByText('Опубликовано').count()).toBeGreaterThan(0)
    // Login, dashboard and a list under the admin's Content-Security-Policy (docs/adr/0032).
    await page.goto(`${baseUrl}/admin`)
    await page.waitForLoadState('networkidle')
    expect(problems).toEqual([])
    await context.close()
  })

  it('publishes a statement written in the admin in English and Russian, with one number and slug', async () => {
    const context = await browser.newContext({ locale: 'en-GB' })
    const problems = await watchForCspViolations(context)
    const page = await context.newPage()
    await room.logIn(page)

    await page.goto(`${baseUrl}/admin/collections/statements/create`)
    await page.locator('#field-title').fill('Statement written in the admin')
    await page.locator('[data-lexical-editor="true"]').first().click()
    await page.keyboard.type('The body, typed by a person.')
    await page.getByRole('button', { name: 'Publish changes' }).click()
    await page.waitForURL(/\/collections\/statements\/\d+/)
    const id = /statements\/(\d+)/.exec(page.url())?.[1]

    await page.goto(`${baseUrl}/admin/collections/statements/${id}?locale=ru`)
    await page.locator('#field-title').fill('Заявление, написанное в админке')
    await page.locator('[data-lexical-editor="true"]').first().click()
    await page.keyboard.type('Текст, набранный человеком.')
    await page.getByRole('button', { name: 'Publish changes' }).click()

    type Doc = { title?: Record<string, string>; referenceNumber?: string; slug?: string }
    const doc = await waitFor(
      'the Russian title to be saved',
      async () => {
        const found: Doc = await (await fetch(`${baseUrl}/api/statements/${id}?locale=all`)).json()
        return found.title?.ru === 'Заявление, написанное в админке' ? found : undefined
      },
      { timeoutMs: 15_000, intervalMs: 300 },
    )
    expect(doc.title).toEqual({ en: 'Statement written in the admin', ru: 'Заявление, написанное в админке' })
    expect(doc.slug).toBe('statement-written-in-the-admin')
    expect(doc.referenceNumber).toMatch(/^GC-ST-\d{4}-\d{3}$/)
    // The editor, the locale switch and publishing under the admin's Content-Security-Policy.
    expect(problems).toEqual([])
    await context.close()
  })

  it('sends its security headers: a fresh script nonce per answer, no framing, and a stricter policy on reader pages', async () => {
    const nonces = new Set<string>()
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${baseUrl}/admin/login`)
      const policy = response.headers.get('content-security-policy') ?? ''
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? ''
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
      // Next puts the request's nonce on the scripts it renders.
      expect(await response.text()).toContain(`nonce="${nonce}"`)
      expect(policy).toContain("frame-ancestors 'none'")
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/)
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('same-origin')
      expect(response.headers.get('permissions-policy')).toContain('camera=()')
      // Served over plain HTTP here: no HSTS.
      expect(response.headers.get('strict-transport-security')).toBeNull()
      nonces.add(nonce)
    }
    expect(nonces.size).toBe(2)
    // A nonce a client sends is never used.
    const forged = await fetch(`${baseUrl}/admin/login`, {
      headers: { 'Content-Security-Policy': "script-src 'nonce-chosenbytheclient'" },
    })
    expect(await forged.text()).not.toContain('chosenbytheclient')
    const api = await fetch(`${baseUrl}/api/statements?limit=1`)
    expect(api.headers.get('x-frame-options')).toBe('DENY')
    expect(api.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")

    for (const pathname of ['/subscriptions/confirm?token=not-a-token', '/acknowledge/not-a-token']) {
      const page = await fetch(`${baseUrl}${pathname}`)
      const policy = page.headers.get('content-security-policy') ?? ''
      expect(policy, pathname).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; /)
      expect(policy, pathname).not.toContain('unsafe-inline')
      expect(page.headers.get('referrer-policy'), pathname).toBe('no-referrer')
      expect(page.headers.get('x-frame-options'), pathname).toBe('DENY')
    }
    // The hashed style really applies, and nothing is refused (the page has no script).
    const context = await browser.newContext()
    const problems = await watchForCspViolations(context, (text) => /status of 4\d\d/.test(text))
    const page = await context.newPage()
    await page.goto(`${baseUrl}/acknowledge/not-a-token`)
    // The site's frame (shared/src/look.ts) sets the width of <main>; unstyled, it would be 'none'.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).maxWidth)).not.toBe('none')
    expect(problems).toEqual([])
    await context.close()
  })

  it('answers /api/health with 200 and shows staff the System status in English and Russian', async () => {
    const health = await fetch(`${baseUrl}/api/health`)
    const verdict = await health.json()
    expect(health.status, JSON.stringify(verdict)).toBe(200)
    // Anonymous callers get the verdicts and nothing else (docs/adr/0031).
    expect(verdict).toEqual({
      status: 'ok',
      checks: { database: 'ok', jobRunner: 'ok', mail: 'ok', stuckJobs: 'ok', siteBuild: 'ok' },
    })
    for (const [locale, heading, runner] of [
      ['en-GB', 'System status', 'Job runner'],
      ['ru-RU', 'Состояние системы', 'Обработчик задач'],
    ] as const) {
      const context = await browser.newContext({ locale })
      const page = await context.newPage()
      await room.logIn(page)
      // The navigation links the view (the closed side bar is inert, so the link is read, not clicked).
      expect(await page.locator('#nav-system-status').getAttribute('href')).toBe('/admin/system-status')
      await page.goto(`${baseUrl}/admin/system-status`)
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor()
      const row = page.locator('[data-check="jobRunner"]')
      expect(await row.getAttribute('data-ok')).toBe('true')
      expect(await row.locator('th').textContent()).toBe(runner)
      expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('ok')
      await context.close()
    }
  })

  it('opens the board from the dashboard in English and Russian, with an embargo ending soon (issue 15)', async () => {
    const title = 'Board check: embargoed release'
    for (const [locale, heading, nav, what] of [
      ['en-GB', 'Board', 'Board', 'Embargo ends'],
      ['ru-RU', 'Сводка', 'Сводка', 'Окончание эмбарго'],
    ] as const) {
      const context = await browser.newContext({ locale })
      const page = await context.newPage()
      await room.logIn(page)
      // The dashboard leads to the board, and so does the navigation.
      expect(await page.locator('#dashboard-board a').getAttribute('href')).toBe('/admin/board')
      expect(await page.locator('#nav-board').getAttribute('href')).toBe('/admin/board')
      expect((await page.locator('#nav-board').textContent())?.trim()).toBe(nav)
      if (locale === 'en-GB') {
        // Staff publish a release under embargo for tomorrow, as the admin's form would save it.
        const status = await page.evaluate(
          async ([api, data]) =>
            (
              await fetch(`${api}/press-releases`, {
                method: 'POST',
                credentials: 'include',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(data),
              })
            ).status,
          [
            `${baseUrl}/api`,
            {
              title,
              date: '2026-06-01T00:00:00.000Z',
              embargoUntil: new Date(Date.now() + 86_400_000).toISOString(),
              _status: 'published',
            },
          ] as const,
        )
        expect(status).toBe(201)
      }
      await page.goto(`${baseUrl}/admin/board`)
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor()
      const row = page.locator('[data-upcoming="embargoEnds"]', { hasText: title })
      expect(await row.count()).toBe(1)
      expect(await row.locator('td').nth(1).textContent()).toBe(what)
      // Everything but the stored data (titles, errors, addresses, task names) speaks the admin's language.
      const words = await page.evaluate(() => {
        const board = document.querySelector('[data-board-page]')?.cloneNode(true) as HTMLElement
        for (const raw of board.querySelectorAll('[data-raw]')) raw.remove()
        return board.textContent ?? ''
      })
      if (locale === 'ru-RU') expect(words.match(/[A-Za-z]{2,}/g)).toBeNull()
      else expect(words).toContain('Coming up')
      await context.close()
    }
    // Without signing in, the board shows nothing of it.
    expect(await (await fetch(`${baseUrl}/admin/board`)).text()).not.toContain(title)
  })

  it('runs scheduled publishing inside the server', async () => {
    const [{ getPayload }, { default: config }] = await Promise.all([
      import('payload'),
      import('@pressroom/cms/config'),
    ])
    // A second process on the same database queues the job, as the admin's schedule drawer does.
    const payload = await getPayload({ config })
    const draft = await payload.create({
      collection: 'notices',
      data: { title: 'Scheduled through the running CMS', _status: 'draft' },
    })
    await payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() + 1000),
      input: { type: 'publish', doc: { relationTo: 'notices', value: draft.id } },
    })
    const title = await waitFor(
      'the scheduled notice to be published',
      async () => {
        const res = await (await fetch(`${baseUrl}/api/notices?where[id][equals]=${draft.id}`)).json()
        return res.docs?.[0]?.title as string | undefined
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    )
    expect(title).toBe('Scheduled through the running CMS')
    await payload.destroy()
  })
})

describe('./pressroom backup and restore, as an operator types them (docs/adr/0030)', () => {
  /**
   * Runs `./pressroom <args>` with the running press room's settings, and `env` over them. Not
   * spawnSync: a blocked event loop keeps fetch's idle sockets past the server's keep-alive.
   */
  const pressroom = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        path.join(repoRoot, 'pressroom'),
        args,
        { env: { ...process.env, ...env }, encoding: 'utf8' },
        (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      )
    })
  const countIn = (file: string, table: string) => {
    const database = new DatabaseSync(file, { readOnly: true })
    try {
      return Number((database.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n)
    } finally {
      database.close()
    }
  }

  it('backs up the running CMS and restores it into an empty install, which it then refuses to overwrite', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'pressroom-e2e-backup-'))
    try {
      const backup = await pressroom(['backup', '--out', work])
      expect(backup.status, backup.stderr).toBe(0)
      // Only the archive's path on standard output, for cron and off-site copies.
      const archive = backup.stdout.trim()
      expect(archive.startsWith(work) && archive.endsWith('.tar.gz')).toBe(true)
      expect(existsSync(archive)).toBe(true)

      const restored = path.join(work, 'restored.db')
      const fresh = {
        DATABASE_URL: `file:${restored}`,
        UPLOAD_DIR: path.join(work, 'uploads'),
        MAIL_OUTBOX_DIR: path.join(work, 'outbox'),
      }
      const restore = await pressroom(['restore', archive], fresh)
      expect(restore.status, restore.stderr).toBe(0)
      const live = String(process.env.DATABASE_URL).slice('file:'.length)
      for (const table of ['statements', 'statements_locales', 'users', 'topics']) {
        expect(countIn(restored, table), table).toBe(countIn(live, table))
      }
      expect(countIn(restored, 'statements')).toBeGreaterThan(0)

      // An install that has data is not overwritten without --force, and stays as it was.
      const before = statSync(restored).mtimeMs
      const again = await pressroom(['restore', archive], fresh)
      expect(again.status).toBe(2)
      expect(again.stderr).toMatch(/--force/)
      expect(statSync(restored).mtimeMs).toBe(before)
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  })
})

describe('two-factor sign-in in the admin (docs/adr/0034)', () => {
  const email = 'two-factor-admin@pressroom.localhost'
  const password = 'e2e-two-factor-password-7'
  /** The code the authenticator app shows `steps` periods from now (one step of drift is accepted). */
  const codeFor = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 })

  async function signIn(page: Page, code?: string) {
    await page.goto(`${baseUrl}/admin/login`)
    await page.fill('input[name="email"]', email)
    await page.fill('input[name="password"]', password)
    if (code) await page.fill('input[name="totpCode"]', code)
    await page.click('button[type="submit"]')
  }

  async function signOut(page: Page) {
    await page.goto(`${baseUrl}/admin/logout`)
    await page.waitForSelector('input[name="email"]')
  }

  it('lets an administrator enrol, then sign in with password and code, or with a recovery code', async () => {
    // A second administrator, made by the seeded one through the API, so other tests keep theirs.
    const seeded = await fetch(`${baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@pressroom.localhost', password: adminPassword }),
    })
    const created = await fetch(`${baseUrl}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${(await seeded.json()).token}` },
      body: JSON.stringify({ email, password, role: 'admin', name: 'Two-factor admin' }),
    })
    expect(created.status).toBe(201)
    const id = (await created.json()).doc.id

    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    await signIn(page)
    await page.waitForURL(/\/admin\/?$/)

    await page.goto(`${baseUrl}/admin/collections/users/${id}`)
    await page.getByText('Two-factor sign-in is off: your password alone signs you in.').waitFor()
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click()
    await page.locator('svg.pressroom-two-factor__qr path').waitFor()
    const secret = (await page.locator('[data-totp-secret]').textContent()) ?? ''
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/)
    await page.fill('#field-totpConfirm', await codeFor(secret))
    await page.getByRole('button', { name: 'Turn on' }).click()
    const codes = page.locator('[data-recovery-codes] code')
    await codes.first().waitFor()
    const recoveryCodes = await codes.allTextContents()
    expect(recoveryCodes).toHaveLength(10)
    await page.getByRole('button', { name: 'I have saved the codes' }).click()
    await page.getByText('Two-factor sign-in is on. Recovery codes left: 10.').waitFor()

    await signOut(page)
    // The password alone is refused, with a message that says what to enter.
    await signIn(page)
    await page
      .getByRole('alert')
      .getByText(/enter the 6-digit code from your authenticator app/)
      .waitFor()
    expect(page.url()).toContain('/admin/login')

    // The set-up spent the current code: the app's next one signs in.
    await signIn(page, await codeFor(secret, 1))
    await page.waitForURL(/\/admin\/?$/)
    await page.getByRole('link', { name: 'Statements' }).first().waitFor()

    await signOut(page)
    await signIn(page, recoveryCodes[0])
    await page.waitForURL(/\/admin\/?$/)
    await page.goto(`${baseUrl}/admin/collections/users/${id}`)
    await page.getByText('Two-factor sign-in is on. Recovery codes left: 9.').waitFor()

    // A recovery code works once.
    await signOut(page)
    await signIn(page, recoveryCodes[0])
    await page
      .getByRole('alert')
      .getByText(/The code is wrong, expired or already used/)
      .waitFor()
    await context.close()
  })
})
