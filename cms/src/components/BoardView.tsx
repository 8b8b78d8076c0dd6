import { DefaultTemplate } from '@payloadcms/next/templates'
import { getTranslation } from '@payloadcms/translations'
import { Gutter } from '@payloadcms/ui'
import { localeCodes } from '@pressroom/shared'
import type { AdminViewServerProps, CollectionSlug } from 'payload'
import { collectBoard } from '../board/collectBoard.ts'
import { formatBoardTime } from '../board/formatBoardTime.ts'
import { statusOptionLabel } from '../board/statusOptions.ts'
import { adminT } from '../i18n/admin/adminT.ts'
import { en } from '../i18n/admin/en.ts'
import { type BoardTools, FailuresSection, SendingSection, StuckSection, UpcomingSection } from './BoardSections.tsx'
import { siteBuildFailureText } from './siteBuildFailureText.ts'

const recentDays = 7
const ownSendWords = Object.keys(en.board.sendStatus)

/**
 * Admin → Board (issue 15, item 5): the page staff open first. Reads src/board/collectBoard.ts
 * as the signed-in staff member, on each visit; nothing here writes.
 */
export async function BoardView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const { payload, i18n, user } = req
  const t = adminT(i18n.t, 'board')
  const contentLocale = localeCodes.find((code) => code === i18n.language)
  const board = await collectBoard(payload, user, { locale: contentLocale, recentDays })
  const admin = payload.config.routes.admin
  const tools: BoardTools = {
    t,
    when: (iso) => formatBoardTime(iso, i18n, payload),
    href: (collection, id) =>
      collection.startsWith('globals/')
        ? `${admin}/${collection}`
        : `${admin}/collections/${collection}${id === undefined ? '' : `/${id}`}`,
    collectionName: (collection) => {
      const global = payload.config.globals.find((g) => `globals/${g.slug}` === collection)
      const label = global ? global.label : payload.collections[collection as CollectionSlug]?.config.labels.singular
      const name = label ? getTranslation(label, i18n) : null
      return typeof name === 'string' ? name : collection
    },
    statusWord: (collection, status) =>
      collection === 'sends' && ownSendWords.includes(status)
        ? t(`sendStatus:${status as keyof typeof en.board.sendStatus}`)
        : (statusOptionLabel(payload, collection, status, i18n) ?? t('statusRaw', { status })),
    languageName: (code) =>
      localeCodes.includes(code as never) ? t(`language:${code as (typeof localeCodes)[number]}`) : code,
    siteBuildFailure: (failure) => siteBuildFailureText(i18n.t, failure),
    buildOutput: adminT(i18n.t, 'siteBuildFailure')('output'),
  }
  return (
    <DefaultTemplate
      i18n={i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      searchParams={searchParams}
      user={user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <div data-board-page="">
          <h1>{t('title')}</h1>
          {board === null ? (
            <p role="alert">{t('noAccess')}</p>
          ) : (
            <>
              <p>
                {t('intro')} {t('checkedAt')}: {tools.when(board.checkedAt)}.
              </p>
              {board.healthy ? null : (
                <p role="alert">
                  {t('unhealthy')} <a href={`${admin}/system-status`}>{t('systemStatus')}</a>
                </p>
              )}
              <UpcomingSection
                items={board.upcoming}
                scheduleHidden={!board.scheduledReadable}
                now={board.checkedAt}
                tools={tools}
              />
              <SendingSection sends={board.sends} dispatches={board.dispatches} tools={tools} />
              <FailuresSection failures={board.failures} days={recentDays} tools={tools} />
              <StuckSection stuck={board.stuckJobs} tools={tools} />
            </>
          )}
        </div>
      </Gutter>
    </DefaultTemplate>
  )
}
