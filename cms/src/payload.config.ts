import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { ru } from '@payloadcms/translations/languages/ru'
import { defaultLocale, defaultTimeZone, type Locale, localeCodes, locales } from '@pressroom/shared'
import { buildConfig, type CollectionConfig, type Config } from 'payload'
import { isPublisher } from './access/index.ts'
import { advanceEndpoints } from './advance/endpoints.ts'
import { twoFactorAdmin } from './auth/totp/index.ts'
import { AdvanceLinks } from './collections/AdvanceLinks.ts'
import { AdvanceSends } from './collections/AdvanceSends.ts'
import { Deliveries } from './collections/Deliveries.ts'
import { DigestPeriods } from './collections/DigestPeriods.ts'
import { Dispatches } from './collections/Dispatches.ts'
import { DispatchManualRecords } from './collections/DispatchManualRecords.ts'
import { DispatchProofs } from './collections/DispatchProofs.ts'
import { DispatchRecipients } from './collections/DispatchRecipients.ts'
import { DistributionGroups } from './collections/DistributionGroups.ts'
import { Documents } from './collections/Documents.ts'
import { JournalistGroups } from './collections/JournalistGroups.ts'
import { Journalists } from './collections/Journalists.ts'
import { MailBatches } from './collections/MailBatches.ts'
import { MailEvents } from './collections/MailEvents.ts'
import { Media } from './collections/Media.ts'
import { Notices } from './collections/Notices.ts'
import { PressContacts } from './collections/PressContacts.ts'
import { PressKits } from './collections/PressKits.ts'
import { PressReleases } from './collections/PressReleases.ts'
import { Recipients } from './collections/Recipients.ts'
import { ReferenceCounters } from './collections/ReferenceCounters.ts'
import { Sends } from './collections/Sends.ts'
import { SiteBuilds } from './collections/SiteBuilds.ts'
import { Statements } from './collections/Statements.ts'
import { Subscribers } from './collections/Subscribers.ts'
import { Suppressions } from './collections/Suppressions.ts'
import { TestSends } from './collections/TestSends.ts'
import { Topics } from './collections/Topics.ts'
import { Users } from './collections/Users.ts'
import { databaseAdapter } from './db/adapter.ts'
import { survivePoolErrors } from './db/survivePoolErrors.ts'
import { supportedTimeZones } from './fields/instantZone.ts'
import { markFieldVisibility } from './fields/visibilityMarkers.ts'
import { SiteSettings } from './globals/SiteSettings.ts'
import { healthEndpoint, withMailPulses } from './health/index.ts'
import { capAnonymousQueries } from './hooks/capAnonymousQueries.ts'
import { checkQueryArguments } from './hooks/checkQueryArguments.ts'
import { explainRefusal } from './hooks/explainRefusal.ts'
import { guardPayloadCollections } from './hooks/guardPayloadCollections.ts'
import { keepClientErrorMessages } from './hooks/keepClientErrorMessages.ts'
import { limitedSharp, maxUploadBytes, uploadLimitMessage } from './hooks/limitUpload.ts'
import { refuseUnreadableRequest } from './hooks/refuseUnreadableRequest.ts'
import { rejectMalformedId } from './hooks/rejectMalformedId.ts'
import { rejectUnknownLocale } from './hooks/rejectUnknownLocale.ts'
import { requireDocumentData } from './hooks/requireDocumentData.ts'
import { uploadRequestBytes } from './http/bodyLimits.ts'
import { cmsOrigins, cmsServerUrl } from './http/cmsOrigin.ts'
import { graphqlValidationRules } from './http/graphqlLimits.ts'
import { proxySettings } from './http/trustedProxies.ts'
import { translateStaffErrors } from './i18n/admin/staffError.ts'
import { adminTranslations } from './i18n/admin/translations.ts'
import { scheduledPublishOnce, withJobLeases } from './jobs/index.ts'
import { deliverMailTask, mailQueue } from './mail/index.ts'
import { pressroomEmailAdapter } from './mail/payloadEmailAdapter.ts'
import { previewEndpoints } from './mailPreview/previewEndpoints.ts'
import { testSendEndpoints } from './mailPreview/testSendEndpoints.ts'
import { syncNoticeDeliveriesStep } from './notices/dispatch/syncNoticeDeliveries.ts'
import { previewLinkEndpoint } from './preview/previewLinkEndpoint.ts'
import { pruneOldDataTask } from './retention/index.ts'
import { requirePayloadSecret } from './secrets/payloadSecret.ts'
import { rebuildSiteWith } from './siteBuild/rebuildSite.ts'
import { siteQueue } from './siteBuild/requestSiteBuild.ts'
import { withSiteRebuild, withSiteRebuildGlobal } from './siteBuild/withSiteRebuild.ts'
import { planDueDigestsStep } from './subscriptions/digests/planDueDigests.ts'
import { planDueConfirmations } from './subscriptions/planDueConfirmations.ts'
import { publicationConfirmationEndpoints } from './subscriptions/publication/confirmationEndpoints.ts'
import { planPublicationSendTask, sendPublicationEndpoint } from './subscriptions/publication/publicationJobs.ts'
import {
  releaseMailOncePageLive,
  sendMailNowThatSiteIsLive,
} from './subscriptions/publication/releaseMailOncePageLive.ts'
import { RateLimits } from './throttle/RateLimits.ts'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * Every collection refuses unknown locales before Payload can quietly default them, answers
 * a malformed document ID with 404 instead of a server error, refuses malformed query arguments
 * with a 400 and caps what one anonymous request may read (docs/adr/0035), and words a role's
 * refusal so it says whom to ask (after the collection's own guards, which word theirs).
 */
const withRequestGuards = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [
      rejectUnknownLocale,
      rejectMalformedId,
      checkQueryArguments,
      capAnonymousQueries,
      requireDocumentData,
      ...(collection.hooks?.beforeOperation ?? []),
      explainRefusal,
    ],
  },
})

// A malformed TRUSTED_PROXIES stops the start with a message, not the first request.
proxySettings()

/** The admin speaks every working language; a new locale in shared/ needs its translation here. */
const adminLanguages: Record<Locale, typeof en> = { en, ru }

/** The job runner's cadence inside the started CMS (scheduled publishing); "off" disables it. */
const jobsCron = process.env.JOBS_AUTORUN_CRON ?? '*/10 * * * * *'
/** The site build runner's own cadence and queue, one build per tick (docs/adr/0019). */
const siteBuildCron = process.env.SITE_BUILD === 'off' ? 'off' : (process.env.SITE_BUILD_CRON ?? '*/5 * * * * *')

const config = buildConfig({
  secret: requirePayloadSecret(),
  // The session cookie counts only on requests from the CMS's own origins (docs/adr/0033).
  serverURL: cmsServerUrl(),
  csrf: cmsOrigins(),
  cors: cmsOrigins(),
  admin: {
    user: Users.slug,
    avatar: 'default',
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Press room' },
    // Scheduled publishing is entered in a named zone too (docs/adr/0040); fields use fields/instantZone.ts.
    timezones: { supportedTimezones: supportedTimeZones, defaultTimezone: defaultTimeZone },
    // The sign-in form with the two-factor code, its set-up page and the gate (docs/adr/0034);
    // Administration → System status: what /api/health reports, for staff (docs/adr/0031);
    // the board staff start from, linked from the navigation and the dashboard (issue 15).
    components: {
      ...twoFactorAdmin,
      views: {
        ...twoFactorAdmin.views,
        systemStatus: { Component: '/components/SystemStatusView.tsx#SystemStatusView', path: '/system-status' },
        board: { Component: '/components/BoardView.tsx#BoardView', path: '/board' },
      },
      beforeDashboard: ['/components/BoardDashboardLink.tsx#BoardDashboardLink'],
      afterNavLinks: [
        '/components/BoardNavLink.tsx#BoardNavLink',
        '/components/SystemStatusNavLink.tsx#SystemStatusNavLink',
      ],
    },
  },
  i18n: {
    supportedLanguages: Object.fromEntries(localeCodes.map((code) => [code, adminLanguages[code]])),
    fallbackLanguage: 'en',
    // The project's own admin words (src/i18n/admin/), read with adminT.
    translations: adminTranslations,
  },
  localization: {
    locales: locales.map((l) => ({ code: l.code, label: l.nativeLabel })),
    defaultLocale,
    fallback: true,
  },
  editor: lexicalEditor(),
  collections: [
    Statements,
    Notices,
    PressReleases,
    PressKits,
    Media,
    Documents,
    Topics,
    PressContacts,
    Users,
    ReferenceCounters,
    // Subscriptions and e-mail (issue 4): staff only, never public.
    Subscribers,
    Sends,
    Deliveries,
    MailBatches,
    MailEvents,
    Suppressions,
    DigestPeriods,
    // Every "Send a test to me" (docs/adr/0038).
    TestSends,
    // Formal notices to institutions (issue 6): never public.
    Recipients,
    DistributionGroups,
    Dispatches,
    DispatchRecipients,
    DispatchManualRecords,
    DispatchProofs,
    SiteBuilds,
    // Vetted journalists and advance sends of embargoed releases (docs/adr/0043): never public.
    Journalists,
    JournalistGroups,
    AdvanceSends,
    AdvanceLinks,
    // Rate limits and sign-in throttling, shared by every CMS process (docs/adr/0027).
    RateLimits,
  ]
    .map(withSiteRebuild)
    .map(withRequestGuards),
  endpoints: [
    sendPublicationEndpoint,
    ...publicationConfirmationEndpoints,
    healthEndpoint,
    previewLinkEndpoint,
    ...previewEndpoints,
    ...testSendEndpoints,
    ...advanceEndpoints,
  ],
  // Payload's complexity limit and no introspection in production, written out because the
  // public API's safety rests on them; plus a depth limit and paged lists (docs/adr/0035).
  graphQL: { maxComplexity: 1000, disableIntrospectionInProduction: true, validationRules: graphqlValidationRules },
  hooks: { afterError: [refuseUnreadableRequest, keepClientErrorMessages, translateStaffErrors] },
  globals: [SiteSettings].map(withSiteRebuildGlobal),
  db: databaseAdapter(),
  // A lost PostgreSQL connection must not stop the CMS (src/db/survivePoolErrors.ts).
  onInit: survivePoolErrors,
  // Password resets and sign-in alerts go the way all other e-mail goes (docs/adr/0033).
  email: pressroomEmailAdapter(),
  sharp: limitedSharp,
  // Over HTTP the multipart parser stops reading at the limit, so an oversize file is never buffered.
  // The whole form may be as large as the server lets through: Payload's own default (50 MB) refused
  // a file just under MAX_UPLOAD_BYTES once the form's framing was added (docs/adr/0035).
  upload: {
    limits: { fileSize: maxUploadBytes },
    requestSizeLimit: uploadRequestBytes(),
    abortOnLimit: true,
    responseOnLimit: uploadLimitMessage(),
  },
  jobs: {
    tasks: [
      // A build that went live lets the e-mails waiting for their page go at once (docs/adr/0044).
      rebuildSiteWith([sendMailNowThatSiteIsLive]),
      // Its runs tell /api/health that the runner still runs and e-mail goes out (docs/adr/0031).
      withMailPulses(
        deliverMailTask(
          [planDueConfirmations, releaseMailOncePageLive, planDueDigestsStep],
          [syncNoticeDeliveriesStep],
        ),
      ),
      planPublicationSendTask,
      pruneOldDataTask(),
    ],
    autoRun: [
      // `silent.info`: no "Running 1 jobs" line every few seconds in the terminal; errors are still logged.
      ...(jobsCron === 'off' ? [] : [{ cron: jobsCron, queue: 'default', limit: 20, silent: { info: true } }]),
      ...(siteBuildCron === 'off' ? [] : [{ cron: siteBuildCron, queue: siteQueue, limit: 1, silent: { info: true } }]),
      // E-mail: confirmations and sends (docs/adr/0010); its own queue so a long send never delays publishing.
      ...(jobsCron === 'off' ? [] : [{ cron: jobsCron, queue: mailQueue, limit: 5, silent: { info: true } }]),
    ],
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      // Staff who publish can see what is scheduled and what failed; only the runner writes jobs.
      access: { ...defaultJobsCollection.access, read: isPublisher },
      admin: {
        ...defaultJobsCollection.admin,
        hidden: false,
        group: { en: 'Administration', ru: 'Администрирование' },
      },
    }),
  },
  // Runs after any other plugin, so it marks the fields they add too (docs/adr/0025).
  plugins: [markFieldVisibility],
  // Password guessing must not flood the log with stack traces: one line per refused sign-in,
  // password reset or cross-site request. Payload matches errors by class name, which the
  // production bundle shortens: SignInThrottled, PasswordResetThrottled and CrossSiteRefused set
  // their own; AuthenticationError (a wrong password) is matched in development and tests only.
  // (Payload's type lists only its own error names.)
  loggingLevels: {
    AuthenticationError: 'info',
    SignInThrottled: 'info',
    SecondFactorRefused: 'info',
    PasswordResetThrottled: 'info',
    CrossSiteRefused: 'info',
  } as Config['loggingLevels'],
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  telemetry: false,
})

/**
 * Every job keeps a lease while it runs, and Payload's scheduled publishing is not repeated after a
 * takeover (docs/adr/0026); both wrap the built config, to which Payload has added its own task.
 * Payload's own collections get the request guards too (docs/adr/0035).
 */
export default withJobLeases(scheduledPublishOnce(guardPayloadCollections(config)))
