import type { Locale } from '@pressroom/shared'
import type { AccessWords, MailBatchWords } from '../../access/staffWords.ts'
import type { Failure } from '../../board/collectBoard.ts'
import type { CheckName, Problem } from '../../health/collectHealth.ts'
import type { SiteBuildFailureCode } from '../../siteBuild/failure.ts'

/**
 * The admin's own words in English, one group per screen, given to Payload as custom translations
 * under `pressroom` (translations.ts) and read with `adminT` (adminT.ts). `{{name}}` is filled in
 * by Payload's `t`. ru.ts must have every key: its type is this file's shape.
 */
export const en = {
  // Messages from the server (refusals, validation, results of the buttons): docs/adr/0041.
  access: {
    signInTo: 'Log in as an admin or editor to {{action}}.',
    publishersOnly: 'Only admins and editors may {{action}}.',
    action: {
      importRecipients: 'import recipients',
      exportRecipients: 'export the recipients directory',
      planDispatches: 'plan dispatches',
      exportDispatchLog: 'export the dispatch log',
      resendNotices: 're-send notices',
      decideBatches: 'decide about e-mail batches',
      sendPublications: 'send publications by e-mail',
      countPublicationRecipients: 'count the recipients of publication e-mails',
      seePublicationSends: 'see the e-mails of a publication',
      cancelSends: 'cancel e-mails',
      sendAhead: 'send releases ahead to journalists',
    },
    notAnId: '"{{given}}" is not a {{what}} ID.',
    idOf: { dispatch: 'dispatch', batch: 'batch', logEntry: 'log entry', send: 'send' },
    draftsOnly: 'Translators can save drafts only. Save as draft and ask an editor to publish it.',
    publishedCopy:
      'This copy would be published at once, and translators can save drafts only. Duplicate it as a draft (as the Duplicate button does) and ask an editor to publish it.',
    restoreChangesPublic:
      'Restoring this version would change what the public reads, and translators can save drafts only. Restore it as a draft, or ask an editor to restore it.',
    scheduleNeedsPublisher:
      'Only editors and administrators schedule publishing and unpublishing. Ask an editor to schedule it.',
    roleMayNot: 'Your role ({{role}}) may not {{action}} {{labels}}. Ask {{whom}} to do it.',
    nobodyMay: 'Nobody may {{action}} {{labels}} by hand: the CMS keeps them itself.',
    role: { admin: 'administrator', editor: 'editor', translator: 'translator' },
    roleAction: { create: 'add', update: 'change', delete: 'delete' },
    ask: { editorOrAdmin: 'an editor or an administrator', admin: 'an administrator' },
  } satisfies AccessWords,
  mailBatches: {
    notWaiting:
      'This batch is not waiting for a decision (someone decided already, or it was never held); reload the page.',
    sendAnyway: 'The batch goes out with the next mail run (within a minute).',
    givenUp: 'Given up: its messages are marked failed and will not be sent again.',
  } satisfies MailBatchWords,
  uploads: {
    megabytes: '{{size}} MB',
    limit: 'The file is larger than the {{limit}} upload limit. Reduce or compress it and upload again.',
    tooLarge: 'The file is {{size}}; the largest upload accepted is {{limit}}. Reduce or compress it and upload again.',
    notAnImage: '"{{name}}" is not a readable image. Upload a JPEG, PNG, WebP, AVIF or GIF file.',
    notRaster: '"{{name}}" is not a JPEG, PNG, WebP, AVIF or GIF image. Convert it and upload again.',
    notRasterIs:
      '"{{name}}" is not a JPEG, PNG, WebP, AVIF or GIF image (it is {{format}}). Convert it and upload again.',
    noDimensions: '"{{name}}" has no readable dimensions. Upload another image.',
    tooManyPixels:
      '"{{name}}" is {{width}}×{{height}} pixels; images may have at most {{megapixels}} megapixels. Scale it down and upload again.',
    svg: '"{{name}}" is an SVG drawing; SVG is not accepted because it can carry scripts. Export it as PNG and upload that.',
    publicUpload:
      'This file is public: a published document or press kit uses it, or an editor made it public on its own. Translators cannot change its file or public fields; upload a new file, or ask an editor.',
    publicOnItsOwn:
      'Only editors and admins can make a file public on its own. Attach it to a document and ask an editor to publish it.',
    metadataOneAtATime:
      'Metadata is kept or removed one image at a time: untick "Keep location and camera data" on each image.',
    metadataNoDuplicate:
      'This image keeps its location and camera data, so it cannot be duplicated. Upload the file again as a new image instead.',
    metadataNotRemoved:
      '"{{name}}" could not be re-encoded to remove its location and camera data ({{error}}). Export it again as JPEG or PNG and upload that.',
  },
  recipientsCsv: {
    notAForm: 'The upload is not a readable form. Send the CSV file in the field "file".',
    noFile: 'No file was sent. Choose a CSV file and send it in the field "file".',
    tooLarge: 'The file is larger than {{limit}}, the most one import takes. Split it into smaller files.',
    empty: 'The file is empty. Export the recipients first to get a template.',
    notUtf8: 'The file is not UTF-8 text. Save it from the spreadsheet as "CSV UTF-8" and try again.',
    notCsv: 'The file is not readable CSV: {{error}}. Save it from the spreadsheet as "CSV UTF-8" and try again.',
    notCsvAtLine:
      'The file is not readable CSV (line {{line}}): {{error}}. Save it from the spreadsheet as "CSV UTF-8" and try again.',
    unknownColumn: 'Unknown column "{{column}}". Known columns: {{known}}.',
    columnTwice: 'Column "{{column}}" appears twice.',
    columnMissing: 'Required column "{{column}}" is missing.',
    tooManyRows: 'The file has {{rows}} rows; one import takes at most {{max}}. Split it into smaller files.',
    cellCount: 'The row has {{cells}} cells but the header has {{columns}} columns.',
    notAnId: '"{{value}}" is not a recipient ID (a whole number from an export). Leave it empty for new recipients.',
    longerThan: 'Longer than {{max}} characters.',
    notAKind: '"{{value}}" is not a kind. Use one of: {{kinds}}.',
    kindRequired: 'The kind is required: {{kinds}}.',
    nameRequired: 'The English name is required.',
    sameAddressTwice: 'The same address is listed twice.',
    notALanguage: '"{{value}}" is not a language. Use en or ru.',
    unknownChannel: 'Unknown channel {{channels}}. Use: {{known}}.',
    channelTwice: 'A channel is listed twice.',
    notYesNo: '"{{value}}" is not yes or no (true/false, 1/0 also work).',
    noRecipients: 'The file has a header but no recipients.',
    noSuchId: 'No recipient has ID {{id}}. Leave the id empty to add a new recipient.',
    externalIdTaken: 'External ID "{{externalId}}" belongs to another recipient (ID {{id}}).',
    addressesOfSeveral:
      'These addresses belong to {{count}} different recipients (IDs {{ids}}). Add the id column to say which one this row is.',
    namesOfSeveral:
      '{{count}} recipients have this kind, name and country (IDs {{ids}}). Add the id column to say which one this row is.',
    groupAmbiguous: 'Several groups are called "{{group}}"; write the group\'s ID instead.',
    noSuchGroup: 'No distribution group is called "{{group}}". Create it first, or correct the name.',
    emailWithoutAddress: 'E-mail is a preferred channel but the recipient has no e-mail address.',
    sameAsRow:
      'This row describes the same recipient as row {{row}} (same id, external_id, e-mail or name). Merge the two rows.',
    addressTaken: '{{email}} already belongs to recipient ID {{id}}. One address, one recipient.',
    checked: 'Checked: {{created}} new, {{updated}} changed, {{unchanged}} unchanged.',
    imported: 'Imported: {{created}} new, {{updated}} changed, {{unchanged}} unchanged.',
    nothingImported:
      'Nothing was imported: {{count}} problem(s) in the file. Correct every row listed and upload it again.',
  },
  validation: {
    instantInvalid:
      '"{{value}}" is not a date and time. Write it as 2026-03-05T18:00:00+03:00 (with the offset from UTC), or as 2026-03-05 18:00, which is read as UTC.',
    instantEmpty: 'An empty text is not a date. Choose a date and time, or clear the field (null) to leave it unset.',
    dateLineRequired: 'A date is required for the date line.',
    manualDateRequired: 'Enter the date the notice was posted or handed over.',
    notADate: '"{{value}}" is not a date.',
    notADateIso: '"{{value}}" is not a date. Write it as an ISO date, e.g. 2026-03-01.',
    futureDate: 'The date is in the future: record a delivery once done.',
    englishNameRequired: 'The English name is required.',
    enterAddress: 'Enter an address.',
    emailTooLong: '"{{start}}…" is longer than the 254 characters an e-mail address may have.',
    notAnEmail: '"{{value}}" is not an e-mail address (expected name@example.org).',
    notACountry: '"{{value}}" is not an ISO 3166 two-letter country code (e.g. DE, RU, US).',
    emailChannelWithoutAddress:
      'E-mail is a preferred channel but no e-mail address is given: add one or remove e-mail.',
    phone: 'Write the phone number in international form, e.g. +7 495 000-00-00.',
    slugRequired: 'A slug is required.',
    slugTooLong: 'A slug may have at most {{max}} characters.',
    slugPattern:
      'A slug may contain only lower-case latin letters, digits and single hyphens between them (for example "founding-statement").',
  },
  publicationMail: {
    sendJson: 'Send a JSON body: {"collection": "statements", "id": 12}.',
    collectionOneOf: '"collection" must be one of: {{collections}}.',
    idNumeric: '"id" must be the numeric ID of the document.',
    localesList: '"locales" must be a list of language codes, e.g. ["en", "ru"].',
    noCorrection: 'The document has no correction note: add one under "Changes", publish, then send.',
    notPublished: 'The document is not published; publish it first.',
    embargoed: 'The document is under embargo until {{until}}; it is sent when the embargo ends.',
    noLanguage: 'The document has no language ready to send.',
    planned: 'Planned {{sends}}.',
    plannedIn: '{{count}} e-mails in {{language}}',
    alreadySent: 'Already sent: nothing new was planned.',
  },
  dispatch: {
    planned: 'Planned: {{total}} recipient(s); {{email}} by e-mail, sent within a minute.',
    plannedPartly:
      'Planned: {{total}} recipient(s) ({{created}} added now); {{email}} by e-mail, sent within a minute.',
    noticeMissing: 'Notice {{id}} does not exist. Choose a published notice.',
    noticeNotPublished: 'Only published notices can be dispatched; "{{title}}" is not published. Publish it first.',
    dispatchMissing: 'Dispatch {{id}} does not exist.',
    beingPlanned: 'This dispatch is being planned already; reload the page.',
    beingPlannedNow: 'This dispatch is being planned right now; reload the page in a minute.',
    alreadyPlanned: 'This dispatch is already {{status}}; it is planned only once.',
    noActiveRecipient:
      'The chosen groups and recipients contain no active recipient. Choose a group with members or add recipients.',
    locked:
      'This dispatch is already {{status}}; its notice and recipients cannot change. Create a new dispatch instead.',
    noDelete: 'A planned dispatch is part of the record and cannot be deleted; its log stays.',
    status: { planning: 'being planned', planned: 'planned', sending: 'sending', completed: 'completed' },
    unknownFormat: 'Unknown format "{{format}}". Use format=csv or format=pdf.',
    nothingWithId: 'Nothing with that ID exists.',
    logScope: 'Give exactly one of ?dispatch=, ?notice= or ?recipient= with an ID.',
    notAnId: '"{{value}}" is not an ID.',
    resendJson: 'Send JSON: {"reason": "why it is sent again", "attempt": <current attempt>}.',
    queuedAgain: 'Queued again as attempt {{attempt}}.',
    reasonNeeded: 'Give the reason for sending again (up to 500 characters).',
    logEntryMissing: 'Dispatch log entry {{id}} does not exist.',
    otherChannel:
      'This recipient is reached by {{channel}}; record another delivery under "Manual delivery records" instead.',
    acknowledged: 'The recipient has already acknowledged receipt; nothing needs sending again.',
    someoneElse: 'Someone else has just sent this again; reload the page to see the log.',
    manualEntryMissing: 'The dispatch log entry does not exist. Choose one from the list.',
  },
  twoFactorServer: {
    codeNeeded:
      'Two-factor sign-in is on for this account: enter the 6-digit code from your authenticator app, or one of your recovery codes.',
    codeWrong:
      'The code is wrong, expired or already used. Enter the code your authenticator app shows now, or an unused recovery code.',
    signInFirst: 'Sign in first.',
    sendJson: 'Send a JSON body with Content-Type: application/json.',
    alreadyOn: 'Two-factor sign-in is already on. Turn it off first to move it to another device.',
    notOn: 'Two-factor sign-in is not on for this account.',
    startFirst: 'Start the set-up first: press “Set up two-factor sign-in”.',
    confirmWrong:
      'That code does not match. Check that the phone’s clock is right, then enter the code the app shows now.',
    requiredForAdmins:
      'Two-factor sign-in is required for administrators here (TOTP_REQUIRED_FOR_ADMINS), so it cannot be turned off.',
    adminOnly: 'Only an administrator can turn off two-factor sign-in for another staff member.',
    notFound: 'No staff member with that ID.',
  },
  dispatchActions: {
    saveFirst: 'Save the dispatch, then plan it here.',
    plan: 'Plan and send: create the log and e-mail the notice',
    planHelp:
      'Each chosen recipient gets one log row, in their preferred language and channel; recipients reached by e-mail get the notice with its PDF edition and an acknowledgement link within a minute. Other channels wait for your delivery records. The notice and recipients cannot change afterwards.',
    sending: 'E-mails are going out; the log below fills in as the provider answers.',
    completed: 'Every e-mail has been handed over; deliveries, bounces and acknowledgements keep arriving in the log.',
    refresh: 'Refresh the log',
    exportDispatch: 'Export this dispatch log',
    exportNotice: 'Export the log of every dispatch of this notice',
  },
  heldBatch: {
    title: 'This batch waits for your decision',
    explain:
      'Its {{messages}} message(s) were first handed to the provider on {{first}}, but no answer ever arrived (last error: {{error}}). The provider forgets a batch after 24 hours, so it can no longer tell whether they were sent: sending again may deliver them twice.',
    sendAnyway: 'Send anyway',
    sendHelp:
      'Choose this if the recipients are unlikely to have received it (check a few of them, or the provider dashboard).',
    giveUp: 'Give up',
    giveUpHelp:
      'The messages are marked failed and never sent again; notices can be re-sent one by one from the dispatch log.',
    unknown: 'unknown',
    none: 'none',
  },
  lastFailedSiteBuild: {
    failing: 'The last site build failed',
    stillLive: 'The public site still shows the last good build',
    noneLive: 'No build has succeeded yet, so there is no public site.',
    fixed: 'Last failed build',
    fixedAfter: 'a later build succeeded',
    open: 'Open the failed build',
  },
  recipientLogExports: {
    label: 'Log of notices sent to this recipient',
  },
  recipientsImportExport: {
    title: 'Import or export recipients (CSV)',
    checkOnly: 'Only check the file, do not import',
    import: 'Upload CSV',
    export: 'Export all recipients (CSV)',
    row: 'Row',
    column: 'Column',
    problem: 'Problem',
    help: 'Columns: id, external_id, kind, name_en, name_ru, role_en, role_ru, country, emails, postal_address, preferred_language, preferred_channels, groups, notes, active. Several values in a cell are separated by semicolons. A file with any problem imports nothing.',
  },
  sendToSubscribers: {
    heading: 'E-mail to subscribers',
    publishFirst: 'Publish the document to e-mail it.',
    send: 'E-mail this publication',
    sendHelp: 'Subscribers of this kind and topic get it in the languages they chose; nobody gets it twice.',
    correction: 'E-mail the latest correction',
    correctionHelp: 'Sends the newest correction note to everyone who received this publication.',
  },
  systemStatus: {
    title: 'System status',
    intro:
      'What monitoring sees at /api/health: the database, the job runner, e-mail, stuck jobs and the site build. Reload the page to check again.',
    nav: 'System status',
    healthy: 'Everything works.',
    unhealthy: 'Something needs attention.',
    checkedAt: 'Checked',
    ok: 'OK',
    failing: 'Failing',
    check: {
      database: 'Database',
      jobRunner: 'Job runner',
      mail: 'E-mail job',
      stuckJobs: 'Stuck jobs',
      siteBuild: 'Site build',
    } satisfies Record<CheckName, string>,
    problem: {
      databaseUnreachable: 'The database does not answer. Check that it runs and that DATABASE_URL points at it.',
      notChecked: 'Not checked: the database did not answer.',
      sweeperSilent:
        'The job sweeper of this CMS process has stopped (or never started): jobs of a crashed process would not be taken over. Restart the CMS.',
      mailSilent:
        'The e-mail job has not run for too long: the job runner has stopped. Restart the CMS and look at its log.',
      mailFailing:
        'The last run of the e-mail job failed: e-mail may not go out. Administration → Jobs and the CMS log say why.',
      mailRunTooLong: 'The e-mail job has been running for too long. Look at the CMS log.',
      batchesHeld:
        'E-mail waits for a decision: a batch is older than the provider’s 24-hour window. Open E-mail → Batches and choose “Send anyway” or “Give up”.',
      leasesExpired:
        'Jobs are marked running but their process stopped long ago and nobody took them over. Restart the CMS; the list is below.',
      jobsOverdue: 'Jobs were due long ago and nothing runs them. Restart the CMS; the list is below.',
      lastBuildFailed: 'The last site build failed; the public site shows an older build. Open the build to see why.',
    } satisfies Record<Problem, string>,
    details: 'Details',
    dbLatency: 'Database answered in {{ms}} ms',
    sweeperLastRun: 'Job sweeper last ran',
    runnerOff: 'The job runner is switched off (JOBS_AUTORUN_CRON=off).',
    mailLastStarted: 'E-mail job last started',
    mailLastFinished: 'E-mail job last finished',
    mailLastFailed: 'E-mail job last failed',
    mailRunning: 'The e-mail job is running now.',
    mailOff: 'The e-mail job is switched off (MAIL_CRON=off).',
    mailPending: 'E-mails waiting to be sent',
    mailHeld: 'Batches waiting for staff',
    queues: 'Job queues',
    queue: 'Queue',
    waiting: 'Waiting',
    running: 'Running',
    failed: 'Failed',
    noJobs: 'No jobs waiting.',
    expiredLeases: 'Left running by a stopped process',
    overdue: 'Overdue',
    job: 'Job',
    since: 'since',
    lastBuild: 'Last finished site build',
    lastSucceeded: 'Last successful site build',
    buildsWaiting: 'Site builds waiting',
    buildsOff: 'Site builds are switched off (SITE_BUILD=off).',
    never: 'never',
    json: 'The same as JSON',
  },
  twoFactor: {
    signIn: 'Sign in',
    email: 'Email',
    password: 'Password',
    code: 'Code from your authenticator app',
    codeHint: 'Only if two-factor sign-in is on for you. A recovery code works too.',
    forgot: 'Forgot password?',
    signingIn: 'Signing in…',
    failed: 'Sign-in failed. Check your e-mail address and password.',
    heading: 'Two-factor sign-in',
    on: 'Two-factor sign-in is on.',
    off: 'Two-factor sign-in is off: your password alone signs you in.',
    codesLeft: 'Recovery codes left: {{left}}.',
    required: 'Administrators must use two-factor sign-in here.',
    mustEnrol:
      'Administrators must set up two-factor sign-in before they can do anything else. It takes a minute: you need an authenticator app on your phone (for example Aegis, FreeOTP, Google Authenticator or 1Password).',
    start: 'Set up two-factor sign-in',
    scan: 'Scan this QR code with your authenticator app, or type the key below into it. Then enter the 6-digit code the app shows.',
    secretLabel: 'Key',
    confirm: 'Turn on',
    confirmCode: '6-digit code',
    saveCodes:
      'Two-factor sign-in is on. These recovery codes each sign you in once if you lose your phone. Save them somewhere safe now: they are not shown again.',
    saved: 'I have saved the codes',
    turnOff: 'Turn off',
    turnOffHint: 'To turn it off, enter a current code or a recovery code.',
    otherOn: 'This staff member signs in with a code from an authenticator app.',
    otherOff: 'This staff member signs in with a password only.',
    reset: 'Turn off for this staff member',
    resetHint:
      'Only if they lost both their phone and their recovery codes: they can set it up again after signing in.',
    error: 'Something went wrong. Reload the page and try again.',
  },
  board: {
    title: 'Board',
    nav: 'Board',
    intro:
      'What goes out soon, what is going out now, what failed recently and what is stuck. Reload the page to see the latest.',
    checkedAt: 'As of',
    dashboardTitle: 'Start with the board',
    dashboardText:
      'Scheduled publications, embargo ends, e-mails going out, recent failures and stuck jobs on one page.',
    dashboardOpen: 'Open the board',
    noAccess: 'The board is for staff: sign in to the admin first.',
    upcoming: 'Coming up',
    nothingUpcoming: 'Nothing is scheduled and no embargo is running.',
    scheduleHidden: 'Scheduled publishing is shown to editors and administrators.',
    when: 'When',
    what: 'What',
    document: 'Document',
    publish: 'Publishes',
    unpublish: 'Unpublishes',
    embargoEnds: 'Embargo ends',
    due: 'due now, waiting for the job runner',
    draft: 'draft: not released until published',
    inLanguage: 'only in {{language}}',
    language: { en: 'English', ru: 'Russian' } satisfies Record<Locale, string>,
    untitled: '{{collection}} no. {{id}}',
    sending: 'Going out',
    sends: 'Publication e-mails',
    dispatches: 'Notice dispatches',
    nothingSending: 'Nothing is being sent.',
    status: 'Status',
    since: 'Since',
    queued: 'Queued',
    sent: 'Sent',
    delivered: 'Delivered',
    failed: 'Bounced or failed',
    paused: 'paused',
    sendStatus: { planning: 'Being planned', sending: 'Sending', done: 'Done' },
    statusRaw: 'status “{{status}}”',
    failures: 'Recent failures',
    nothingFailed: 'Nothing failed in the last {{days}} days.',
    failure: {
      siteBuild: 'Site build failed',
      heldBatch: 'E-mail batch waits for your decision',
      failedBatch: 'E-mail batch failed',
      failedEmail: 'E-mail failed',
      failedJob: 'Job failed',
    } satisfies Record<Failure['what'], string>,
    fixed: 'a later build succeeded',
    open: 'Open',
    stuck: 'Stuck jobs',
    nothingStuck: 'No job is stuck.',
    expiredLeases: 'Left running by a stopped process',
    overdue: 'Overdue: nothing runs them',
    job: 'Job no. {{id}}',
    unhealthy: 'System status reports a problem.',
    systemStatus: 'Open System status',
  },
  preview: {
    signIn: 'Sign in to preview drafts.',
    staffOnly: 'Only staff may preview drafts.',
    unknown: 'There is no preview for this address. Open the document in the admin and press Preview.',
  },
  testsend: {
    heading: 'Preview and test',
    emailHeading: 'E-mail preview',
    language: 'Language',
    show: 'Show the e-mail',
    hide: 'Hide the e-mail',
    pdf: 'PDF edition (draft)',
    subject: 'Subject',
    from: 'From',
    to: 'To',
    toSubscriber: 'each subscriber who chose this language (their own address)',
    toInstitution: 'each institution with this language (its own addresses)',
    attachments: 'Attached',
    plainText: 'Plain-text part',
    htmlFrame: 'The e-mail as its HTML shows it',
    sampleLinks: 'Unsubscribe and acknowledgement links in previews and tests are samples that do nothing.',
    sendTest: 'Send a test to me',
    sendTestHelp:
      'Sends this e-mail, marked as a test, to your own address only. Nobody else receives it and it counts as no delivery.',
    saveFirst: 'Save the document to preview its e-mail and PDF.',
    noLanguage: 'No language has a title yet: write one to preview.',
    signIn: 'Sign in as staff to preview or test e-mails.',
    notAllowed: 'Your role may not preview or test this e-mail; ask an editor or admin.',
    notFound: 'There is no such document, or you may not read it. Check the link or reload the page.',
    badRequest: 'The request is incomplete: it needs {{needs}}. Reload the page and try again.',
    notReady: 'This cannot be previewed yet: {{reason}}',
    tooMany: 'You sent several tests just now. Wait {{seconds}} seconds, then try again.',
    noAddress: 'Your staff account has no e-mail address to send a test to.',
    sent: 'Test sent to {{to}} ({{language}}). It is listed under E-mail → Test sends.',
    failed:
      'The test could not be sent ({{reason}}). Try again in a minute; if it keeps failing, an administrator should check the mail settings.',
  },
  sideBySide: {
    tab: 'Both languages',
    heading: 'Both languages side by side',
    intro:
      'Read-only: the latest version of each language, its body as the site renders it. To change a language, open it with its edit link.',
    draft: 'Draft: this version is not published yet',
    published: 'Published: this is the version readers see',
    title: 'Title',
    summary: 'Summary',
    place: 'Place',
    body: 'Body',
    state: 'Translation state',
    stateNone: 'not set',
    textChanged: 'Text last changed',
    never: 'not recorded',
    empty: 'Nothing is written in this language yet.',
    edit: 'Edit the {{language}} version',
    notFound: 'This document could not be read. Reload the page; if it was deleted, go back to the list.',
    language: { en: 'English', ru: 'Russian' },
    states: { complete: 'complete', partial: 'partial', outdated: 'outdated', missing: 'missing' },
    filter: 'Translation state per language:',
    showAll: 'Show all',
    filtered: 'Showing only documents whose {{language}} version is {{state}}.',
  },
  timezones: {
    unknownZone:
      '"{{zone}}" is not a time zone this press room offers. Choose one from the list, for example Europe/Moscow.',
  },
  confirm: {
    confirmFirst:
      'Confirm first: this sends e-mail, so the admin must show the number of recipients and you must confirm it. Reload the page and use the button again.',
    countsChanged: 'The number of recipients changed since you confirmed it: look at the new counts and confirm again.',
    badTarget: 'Give "collection" (statements, notices or press-releases) and the numeric "id" of the document.',
    notFound: 'This document does not exist (any more); reload the page.',
    sendNotFound: 'This send does not exist; reload the page.',
    cancelled: 'Cancelled: nothing was sent. "E-mail this publication" starts it again.',
    tooLate:
      'Too late to cancel: its grace period is over and the e-mails are going out (or it finished, or was cancelled already). Reload the page.',
    counting: 'Counting recipients…',
    countFailed: 'Could not count the recipients: {{error}}',
    sendQuestion: 'E-mail {{total}} subscribers ({{languages}})?',
    correctionQuestion: 'E-mail the correction to {{total}} subscribers ({{languages}})?',
    publishQuestion: 'Publishing e-mails {{total}} subscribers ({{languages}}).',
    nobody: 'nobody',
    graceNote: 'The e-mail waits {{seconds}} seconds after it is due; until then you can cancel it on this page.',
    alreadySent: 'Already e-mailed in: {{languages}} (not sent again).',
    confirmSend: 'Yes, e-mail them',
    confirmPublish: 'Publish and e-mail',
    back: 'Back',
    dispatchQuestion: 'Plan this dispatch to {{total}} recipients?',
    byLanguage: 'By language: {{list}}',
    byChannel: 'By channel: {{list}}',
    confirmPlan: 'Yes, plan and send',
    waiting: 'E-mail to {{count}} subscribers ({{locale}}) goes at {{time}}',
    cancelSend: 'Cancel this e-mail',
    cancelledBy: 'E-mail ({{locale}}) cancelled by {{who}} at {{time}}; nothing was sent.',
  },
  // The sign-in and password-reset throttles (auth/): docs/adr/0027, 0041.
  signInServer: {
    accountFromAddress:
      'Too many wrong passwords for this account from your network. The password was not checked: try again in {{wait}}.',
    address: 'Too many failed sign-ins from your network. The password was not checked: try again in {{wait}}.',
    account:
      'Too many failed sign-ins to this account from unfamiliar networks. The password was not checked: try again in {{wait}}, or sign in from a network you have signed in from before.',
    passwordReset:
      'Too many password resets were asked for this account or from your network. No e-mail was sent: try again in {{wait}}, or ask an administrator.',
    /** After "in": one phrase per plural form Intl.PluralRules gives (auth/signInMessages.ts waitText). */
    second: {
      one: '{{count}} second',
      few: '{{count}} seconds',
      many: '{{count}} seconds',
      other: '{{count}} seconds',
    },
    minute: {
      one: '{{count}} minute',
      few: '{{count}} minutes',
      many: '{{count}} minutes',
      other: '{{count}} minutes',
    },
    hour: { one: '{{count}} hour', few: '{{count}} hours', many: '{{count}} hours', other: '{{count}} hours' },
  },
  // A failed site build, from its code and values (siteBuild/failure.ts): docs/adr/0041.
  siteBuildFailure: {
    exitCode:
      'The site build failed (exit code {{exit}}). The end of its log says why; fix that, then publish again or restart the CMS.',
    killed: 'The site build was killed ({{signal}}). The end of its log may say why; publish again or restart the CMS.',
    timedOut:
      'The site build was stopped after {{seconds}} s. Raise SITE_BUILD_TIMEOUT_SECONDS if it needs longer, then publish again.',
    noHtml: 'The site build wrote no HTML to {{dir}} (SITE_OUT_DIR). Check the build command.',
    couldNotStart:
      'Could not start the site build in {{dir}}: {{reason}}. Check that the directory and the shell exist.',
    astroMissing:
      'Astro is not installed in {{dir}} (no node_modules/astro). Run `pnpm install` in the repository, or set SITE_BUILD_COMMAND, SITE_BUILD_HOOK_URL or SITE_BUILD=off.',
    switchLive:
      'Could not switch {{link}} to the new release ({{reason}}). It must be a symlink (or absent); move a real directory there out of the way.',
    hookAnswered:
      "The build hook answered {{status}} {{statusText}}. Check SITE_BUILD_HOOK_URL and the host's build log.",
    hookUnreachable: 'The build hook could not be reached ({{reason}}). Check SITE_BUILD_HOOK_URL.',
    hookTimedOut: 'The build hook did not answer within {{seconds}} s. Check SITE_BUILD_HOOK_URL.',
    cmsUnreadable:
      'The CMS did not answer at {{url}} ({{reason}}), so the site could not be built. Set SITE_BUILD_CMS_URL to where this CMS listens (default http://127.0.0.1:$PORT).',
    secretInBuildEnv:
      "SITE_BUILD_ENV names {{names}}: the site build never gets secrets. Remove them; the build reads the CMS's public API and needs none.",
    unexpected: 'The site build stopped with an error: {{message}}',
    output: 'Build output',
    whatWentWrong: 'What went wrong',
  } satisfies Record<SiteBuildFailureCode | 'output' | 'whatWentWrong', string>,
  digests: {
    inDigests: 'Besides them, {{count}} matching subscribers get it in their daily or weekly digest.',
  },
  langNotices: {
    bilingual: 'bilingual {{languages}}',
    notice: 'notice in {{language}} (not written in it)',
    previewBilingual: 'Bilingual e-mail',
    previewNotice: 'Notice: only in another language',
    plannedBilingual: '{{count}} bilingual e-mails ({{languages}})',
    plannedNotice: '{{count}} notices in {{language}} (not written in that language)',
  },
  liveBeforeMail: {
    waitsForPage:
      'E-mail to {{count}} subscribers ({{locale}}) waits for its page to be live on the public site; it goes by itself as soon as the page is.',
    notLiveYet:
      'The page has not gone live for {{minutes}} minutes, so the e-mail still waits: a link that does not work is worse than a late e-mail. Look at Administration → Site builds; once a build succeeds the e-mail goes by itself. Cancel it if it should not go.',
  },
  advanceSend: {
    badTarget:
      'Name a press release (id) and who gets it: all, a group (group=<id>) or chosen journalists (journalists=1,2).',
    notEmbargoed:
      'This press release is not under an embargo that is still ahead: only a published release with a future embargo can be sent ahead.',
    confirmFirst: 'Check the counts first: ask for them and send with the confirmation they come with.',
    countsChanged: 'The counts have changed since you saw them (or this send went already). Check them again.',
    nobody: 'Nobody would receive this: no active vetted journalist matches.',
    sent: 'Sent ahead to {{count}} journalists ({{key}}).',
    revoked: 'Revoked.',
    notFound: 'No such advance send or link.',
    panelTitle: 'Send ahead to vetted journalists',
    audienceAll: 'All vetted journalists',
    audienceGroup: 'A group',
    audienceChosen: 'Chosen people (IDs, comma-separated)',
    requireTerms: 'The journalist accepts the embargo terms first',
    count: 'Count recipients',
    counts: '{{total}} journalists: {{en}} in English, {{ru}} in Russian, {{both}} in both. This is send no. {{next}}.',
    send: 'Send ahead now',
    onlyEmbargoed: 'Available once the release is published with an embargo in the future.',
    back: 'Back',
  },
}

/** The shape every language's dictionary has: the same keys, each a string. */
type Words<T> = { [K in keyof T]: T[K] extends string ? string : Words<T[K]> }
export type AdminWords = Words<typeof en>
