import type { Block, EditionDocument } from '../types.ts'

const longParagraph = (n: number): Block => ({
  type: 'paragraph',
  inlines: [
    {
      text: `${n}. Guided by the purposes and principles of the Charter of the United Nations, the initiative proposes a Permanent Mediation Mission in Moscow, so that citizens deprived of their liberty can return home to their families. `,
    },
    { text: 'This sentence is bold. ', bold: true },
    { text: 'This one is italic.', italic: true },
  ],
})

/** An English statement long enough to run over several pages, with every kind of block. */
export const statementEn: EditionDocument = {
  locale: 'en',
  kind: 'statement',
  referenceNumber: 'GC-ST-2021-001',
  title: 'Regarding the search for solutions to enable citizens deprived of their liberty to return home',
  summary: 'Global Citizens announces an international civil initiative, "Bring them home alive".',
  place: 'Moscow',
  date: '2021-09-11T09:00:00.000Z',
  organizationName: 'Global Citizens — Bring them home alive',
  url: 'https://press.example.org/en/statements/founding-statement/',
  body: [
    { type: 'heading', level: 2, inlines: [{ text: 'Purpose of the initiative' }] },
    ...Array.from({ length: 14 }, (_, i) => longParagraph(i + 1)),
    {
      type: 'list',
      ordered: true,
      items: [
        [{ type: 'paragraph', inlines: [{ text: 'First point of the mandate' }] }],
        [
          { type: 'paragraph', inlines: [{ text: 'Second point, with a nested list:' }] },
          {
            type: 'list',
            ordered: false,
            items: [[{ type: 'paragraph', inlines: [{ text: 'nested bullet item' }] }]],
          },
        ],
      ],
    },
    { type: 'quote', inlines: [{ text: 'Every person deserves to come home alive.' }] },
    { type: 'rule' },
    { type: 'image', id: 'skipped-in-pdf' },
    {
      type: 'paragraph',
      inlines: [
        { text: 'Read the ' },
        { text: 'Charter of the United Nations', href: 'https://www.un.org/en/about-us/un-charter' },
        { text: ' and ' },
        { text: 'struck text', strikethrough: true },
        { text: ' and ' },
        { text: 'code', code: true },
        { text: '.' },
      ],
    },
  ],
  signatories: [{ name: 'Global Citizens | International Movement', role: 'Founders' }],
  changeNotes: [{ date: '2021-09-13T10:00:00.000Z', kind: 'correction', note: 'A date in paragraph 4 was corrected.' }],
}

/** A Russian notice with addressees and a formal closing. */
export const noticeRu: EditionDocument = {
  locale: 'ru',
  kind: 'notice',
  referenceNumber: 'GC-NT-2026-002',
  title: 'Об открытии постоянной посреднической миссии',
  summary: 'Инициатива уведомляет о начале работы миссии в Москве.',
  place: 'Москва',
  date: '2026-03-01',
  organizationName: 'Global Citizens — «Вернём их домой живыми»',
  url: 'https://press.example.org/ru/notices/mission-opening/',
  addressees: ['Посольства в Москве', 'Международный комитет Красного Креста'],
  formalClosing: 'Инициатива пользуется случаем, чтобы возобновить уверения в своём самом высоком уважении.',
  body: [
    {
      type: 'paragraph',
      inlines: [
        { text: 'Съешь же ещё этих мягких французских булок, да выпей чаю. ' },
        { text: 'Жирный текст', bold: true },
        { text: ' и ' },
        { text: 'курсив', italic: true },
        { text: '.' },
      ],
    },
    {
      type: 'list',
      ordered: false,
      items: [
        [{ type: 'paragraph', inlines: [{ text: 'Ёжик в тумане' }] }],
        [{ type: 'paragraph', inlines: [{ text: 'Щи да каша — пища наша' }] }],
      ],
    },
  ],
  changeNotes: [{ date: '2026-03-02', kind: 'update', note: 'Добавлен адресат.' }],
}

/** The Russian edition of a statement that has no Russian translation yet. */
export const fallbackRu: EditionDocument = {
  ...statementEn,
  locale: 'ru',
  organizationName: 'Global Citizens — «Вернём их домой живыми»',
  place: 'Москва',
  isFallback: true,
  url: 'https://press.example.org/ru/statements/founding-statement/',
  body: statementEn.body.slice(0, 3),
}
