import type { Locale } from '@pressroom/shared'
import type { CheckName, Problem } from '../health/collectHealth.ts'

type Key =
  | 'title'
  | 'intro'
  | 'nav'
  | 'healthy'
  | 'unhealthy'
  | 'checkedAt'
  | 'ok'
  | 'failing'
  | `check.${CheckName}`
  | `problem.${Problem}`
  | 'details'
  | 'dbLatency'
  | 'sweeperLastRun'
  | 'runnerOff'
  | 'mailLastStarted'
  | 'mailLastFinished'
  | 'mailLastFailed'
  | 'mailRunning'
  | 'mailOff'
  | 'mailPending'
  | 'mailHeld'
  | 'queues'
  | 'queue'
  | 'waiting'
  | 'running'
  | 'failed'
  | 'noJobs'
  | 'expiredLeases'
  | 'overdue'
  | 'job'
  | 'since'
  | 'lastBuild'
  | 'lastSucceeded'
  | 'buildsWaiting'
  | 'buildsOff'
  | 'never'
  | 'json'

/**
 * The System status view's texts, given to Payload as `custom` translations (`i18n.translations`
 * in payload.config.ts) and read with `i18n.t('custom:systemStatus.…')`: the admin's own language
 * switch then applies, and a missing key shows up in Payload's log instead of silently.
 */
const texts: Record<Locale, Record<Key, string>> = {
  en: {
    title: 'System status',
    intro:
      'What monitoring sees at /api/health: the database, the job runner, e-mail, stuck jobs and the site build. Reload the page to check again.',
    nav: 'System status',
    healthy: 'Everything works.',
    unhealthy: 'Something needs attention.',
    checkedAt: 'Checked',
    ok: 'OK',
    failing: 'Failing',
    'check.database': 'Database',
    'check.jobRunner': 'Job runner',
    'check.mail': 'E-mail job',
    'check.stuckJobs': 'Stuck jobs',
    'check.siteBuild': 'Site build',
    'problem.databaseUnreachable':
      'The database does not answer. Check that it runs and that DATABASE_URL points at it.',
    'problem.notChecked': 'Not checked: the database did not answer.',
    'problem.sweeperSilent':
      'The job sweeper of this CMS process has stopped (or never started): jobs of a crashed process would not be taken over. Restart the CMS.',
    'problem.mailSilent':
      'The e-mail job has not run for too long: the job runner has stopped. Restart the CMS and look at its log.',
    'problem.mailFailing':
      'The last run of the e-mail job failed: e-mail may not go out. Administration → Jobs and the CMS log say why.',
    'problem.mailRunTooLong': 'The e-mail job has been running for too long. Look at the CMS log.',
    'problem.batchesHeld':
      'E-mail waits for a decision: a batch is older than the provider’s 24-hour window. Open E-mail → Batches and choose “Send anyway” or “Give up”.',
    'problem.leasesExpired':
      'Jobs are marked running but their process stopped long ago and nobody took them over. Restart the CMS; the list is below.',
    'problem.jobsOverdue': 'Jobs were due long ago and nothing runs them. Restart the CMS; the list is below.',
    'problem.lastBuildFailed':
      'The last site build failed; the public site shows an older build. Open the build to see why.',
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
  ru: {
    title: 'Состояние системы',
    intro:
      'То же, что видит мониторинг по адресу /api/health: база данных, обработчик задач, рассылка, зависшие задачи и сборка сайта. Обновите страницу, чтобы проверить снова.',
    nav: 'Состояние системы',
    healthy: 'Всё работает.',
    unhealthy: 'Требуется внимание.',
    checkedAt: 'Проверено',
    ok: 'В порядке',
    failing: 'Сбой',
    'check.database': 'База данных',
    'check.jobRunner': 'Обработчик задач',
    'check.mail': 'Задача рассылки',
    'check.stuckJobs': 'Зависшие задачи',
    'check.siteBuild': 'Сборка сайта',
    'problem.databaseUnreachable':
      'База данных не отвечает. Проверьте, что она запущена и что DATABASE_URL указывает на неё.',
    'problem.notChecked': 'Не проверено: база данных не ответила.',
    'problem.sweeperSilent':
      'Сборщик зависших задач этого процесса CMS остановился (или не запускался): задачи упавшего процесса не будут подхвачены. Перезапустите CMS.',
    'problem.mailSilent':
      'Задача рассылки слишком давно не запускалась: обработчик задач остановился. Перезапустите CMS и посмотрите её журнал.',
    'problem.mailFailing':
      'Последний запуск задачи рассылки завершился ошибкой: письма могут не уходить. Причину покажут задача в разделе «Администрирование» и журнал CMS.',
    'problem.mailRunTooLong': 'Задача рассылки выполняется слишком долго. Посмотрите журнал CMS.',
    'problem.batchesHeld':
      'Письма ждут решения: пакет старше 24-часового окна почтового сервиса. Откройте «Рассылка → Пакеты» и выберите «Отправить всё равно» или «Не отправлять».',
    'problem.leasesExpired':
      'Задачи отмечены как выполняемые, но их процесс давно остановился, и никто их не подхватил. Перезапустите CMS; список ниже.',
    'problem.jobsOverdue': 'Срок задач давно наступил, но их никто не выполняет. Перезапустите CMS; список ниже.',
    'problem.lastBuildFailed':
      'Последняя сборка сайта не удалась; публичный сайт показывает более раннюю сборку. Откройте сборку, чтобы узнать причину.',
    details: 'Подробности',
    dbLatency: 'База данных ответила за {{ms}} мс',
    sweeperLastRun: 'Сборщик зависших задач запускался',
    runnerOff: 'Обработчик задач отключён (JOBS_AUTORUN_CRON=off).',
    mailLastStarted: 'Задача рассылки начата',
    mailLastFinished: 'Задача рассылки закончена',
    mailLastFailed: 'Задача рассылки завершилась ошибкой',
    mailRunning: 'Задача рассылки выполняется сейчас.',
    mailOff: 'Задача рассылки отключена (MAIL_CRON=off).',
    mailPending: 'Писем ждут отправки',
    mailHeld: 'Пакетов ждут решения сотрудников',
    queues: 'Очереди задач',
    queue: 'Очередь',
    waiting: 'Ждут',
    running: 'Выполняются',
    failed: 'С ошибкой',
    noJobs: 'Задач в очереди нет.',
    expiredLeases: 'Оставлены остановившимся процессом',
    overdue: 'Просрочены',
    job: 'Задача',
    since: 'с',
    lastBuild: 'Последняя завершённая сборка сайта',
    lastSucceeded: 'Последняя удачная сборка сайта',
    buildsWaiting: 'Сборок сайта в очереди',
    buildsOff: 'Сборка сайта отключена (SITE_BUILD=off).',
    never: 'никогда',
    json: 'То же в JSON',
  },
}

const prefixed = (dictionary: Record<Key, string>) =>
  Object.fromEntries(Object.entries(dictionary).map(([key, value]) => [`systemStatus.${key}`, value]))

/** For `i18n.translations` in payload.config.ts: every language under Payload's `custom` namespace. */
export const systemStatusTranslations = {
  en: { custom: prefixed(texts.en) },
  ru: { custom: prefixed(texts.ru) },
}

export type SystemStatusKey = Key
/** A key as `i18n.t` wants it. */
export const statusKey = (key: Key) => `custom:systemStatus.${key}`
