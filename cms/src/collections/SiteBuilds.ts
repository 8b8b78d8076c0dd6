import type { CollectionConfig } from 'payload'
import { isStaff } from '../access/index.ts'
import { labelledOptions, statusWords } from '../fields/statusOptions.ts'

export const siteBuildStatuses = ['queued', 'running', 'succeeded', 'failed'] as const

/**
 * One record per requested rebuild of the public site, written only by the CMS itself
 * (cms/src/siteBuild/). Staff read it to see whether their change is live, or why it is not.
 */
export const SiteBuilds: CollectionConfig = {
  slug: 'site-builds',
  labels: {
    singular: { en: 'Site build', ru: 'Сборка сайта' },
    plural: { en: 'Site builds', ru: 'Сборки сайта' },
  },
  admin: {
    group: { en: 'Administration', ru: 'Администрирование' },
    useAsTitle: 'summary',
    defaultColumns: ['summary', 'status', 'requestedAt', 'finishedAt', 'whatWentWrong'],
    description: {
      en: 'Every change to published content rebuilds the public site a few seconds later. A failed build keeps the last good site online; the box above the list shows the latest failure and the end of its log.',
      ru: 'Каждое изменение опубликованного материала через несколько секунд пересобирает публичный сайт. При неудачной сборке остаётся последняя удачная версия сайта; блок над списком показывает последнюю неудачу и конец её журнала.',
    },
    components: { beforeList: ['/components/LastFailedSiteBuild.tsx#LastFailedSiteBuild'] },
  },
  defaultSort: '-requestedAt',
  access: {
    read: isStaff,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  timestamps: true,
  fields: [
    {
      name: 'summary',
      type: 'text',
      label: { en: 'Build', ru: 'Сборка' },
      admin: { readOnly: true },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      options: labelledOptions(siteBuildStatuses, statusWords),
      label: { en: 'Status', ru: 'Статус' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'timing',
      type: 'select',
      required: true,
      options: [
        { value: 'debounced', label: { en: 'After a change', ru: 'После изменения' } },
        { value: 'scheduled', label: { en: 'At a set time (embargo)', ru: 'В назначенное время (эмбарго)' } },
      ],
      label: { en: 'Timing', ru: 'Время' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'target',
      type: 'select',
      options: [
        { value: 'local', label: { en: 'Built here', ru: 'Собран здесь' } },
        { value: 'hook', label: { en: 'Build hook URL', ru: 'Внешний адрес сборки' } },
      ],
      label: { en: 'Where', ru: 'Где' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'reasons',
      type: 'text',
      hasMany: true,
      label: { en: 'Changes it publishes', ru: 'Какие изменения публикует' },
      admin: { readOnly: true },
    },
    {
      // Worded in the admin's language from `failure`; older records show `error` as build output.
      name: 'whatWentWrong',
      type: 'ui',
      label: { en: 'What went wrong', ru: 'Что пошло не так' },
      admin: {
        components: {
          Field: '/components/SiteBuildFailure.tsx#SiteBuildFailureField',
          Cell: '/components/SiteBuildFailure.tsx#SiteBuildFailureCell',
        },
      },
    },
    {
      // The builder's English line, for the log and the API; staff read `whatWentWrong`.
      name: 'error',
      type: 'text',
      label: { en: 'What went wrong (English, for the log)', ru: 'Что пошло не так (по-английски, для журнала)' },
      admin: { readOnly: true, hidden: true },
    },
    {
      // Why it failed as a code and values (siteBuild/failure.ts), worded by the admin (docs/adr/0041).
      name: 'failure',
      type: 'json',
      label: { en: 'Failure code', ru: 'Код неудачи' },
      admin: { readOnly: true, hidden: true },
    },
    {
      name: 'logTail',
      type: 'code',
      label: { en: 'End of the build log', ru: 'Конец журнала сборки' },
      admin: { readOnly: true, language: 'shell' },
    },
    { name: 'requestedAt', type: 'date', required: true, index: true, ...timestamp('Requested', 'Запрошена') },
    { name: 'notBefore', type: 'date', ...timestamp('Starts not before', 'Начнётся не раньше') },
    { name: 'startedAt', type: 'date', ...timestamp('Started', 'Начата') },
    { name: 'finishedAt', type: 'date', ...timestamp('Finished', 'Закончена') },
    {
      name: 'durationSeconds',
      type: 'number',
      label: { en: 'Duration (s)', ru: 'Длительность (с)' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'pages',
      type: 'number',
      label: { en: 'Pages', ru: 'Страниц' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'release',
      type: 'text',
      label: { en: 'Release', ru: 'Выпуск' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'job',
      type: 'text',
      label: { en: 'Job', ru: 'Задача' },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}

function timestamp(en: string, ru: string) {
  return {
    label: { en, ru },
    admin: {
      readOnly: true,
      position: 'sidebar' as const,
      date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'd MMM yyyy HH:mm:ss' },
    },
  }
}
