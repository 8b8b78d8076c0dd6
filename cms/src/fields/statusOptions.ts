import type { Locale } from '@pressroom/shared'

type Words = Record<Locale, string>

/**
 * A select's options from the values code uses, each labelled in every admin language: a bare
 * value would show in English on Payload's Russian screens. `labels` must name every value.
 */
export const labelledOptions = <V extends string>(values: readonly V[], labels: Record<V, Words>) =>
  values.map((value) => ({ value, label: labels[value] }))

export const statusWords = {
  // Subscribers
  pending: { en: 'Waiting for confirmation', ru: 'Ждёт подтверждения' },
  active: { en: 'Active', ru: 'Активна' },
  ended: { en: 'Ended', ru: 'Завершена' },
  unsubscribed: { en: 'Unsubscribed', ru: 'Отписался' },
  bounced: { en: 'Bounced', ru: 'Письмо вернулось' },
  complained: { en: 'Marked as spam', ru: 'Отмечено как спам' },
  erased: { en: 'Erased', ru: 'Данные удалены' },
  // Sends, deliveries, batches
  planning: { en: 'Planning', ru: 'Планируется' },
  sending: { en: 'Sending', ru: 'Отправляется' },
  done: { en: 'Done', ru: 'Завершена' },
  planned: { en: 'Planned', ru: 'Запланировано' },
  batched: { en: 'In a batch', ru: 'В пакете' },
  queued: { en: 'Queued', ru: 'В очереди' },
  sent: { en: 'Sent', ru: 'Отправлено' },
  delivered: { en: 'Delivered', ru: 'Доставлено' },
  failed: { en: 'Failed', ru: 'Не удалось' },
  cancelled: { en: 'Cancelled', ru: 'Отменено' },
  open: { en: 'Open', ru: 'Открыт' },
  prepared: { en: 'Prepared', ru: 'Подготовлен' },
  empty: { en: 'Empty', ru: 'Пуст' },
  manual: { en: 'Added by staff', ru: 'Добавлено вручную' },
  // Site builds
  running: { en: 'Running', ru: 'Идёт' },
  succeeded: { en: 'Succeeded', ru: 'Удалась' },
} satisfies Record<string, Words>
