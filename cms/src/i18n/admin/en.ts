import type { CheckName, Problem } from '../../health/collectHealth.ts'

/**
 * The admin's own words in English, one group per screen, given to Payload as custom translations
 * under `pressroom` (translations.ts) and read with `adminT` (adminT.ts). `{{name}}` is filled in
 * by Payload's `t`. ru.ts must have every key: its type is this file's shape.
 */
export const en = {
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
}

/** The shape every language's dictionary has: the same keys, each a string. */
type Words<T> = { [K in keyof T]: T[K] extends string ? string : Words<T[K]> }
export type AdminWords = Words<typeof en>
