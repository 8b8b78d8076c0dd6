/** Minimal Lexical editor state (what the admin's editor saves) built from plain paragraphs. */
export type LexicalState = {
  root: {
    type: 'root'
    format: ''
    indent: 0
    version: 1
    direction: 'ltr'
    children: LexicalParagraph[]
  }
}

type LexicalParagraph = {
  type: 'paragraph' | 'heading'
  tag?: 'h2' | 'h3'
  format: ''
  indent: 0
  version: 1
  direction: 'ltr'
  textFormat: 0
  textStyle: ''
  children: {
    type: 'text'
    text: string
    format: 0
    detail: 0
    mode: 'normal'
    style: ''
    version: 1
  }[]
}

export function paragraphsToLexical(paragraphs: string[]): LexicalState {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
      })),
    },
  }
}

/** The plain text of a Lexical state, paragraph by paragraph (for tests and excerpts). */
export function lexicalToParagraphs(state: unknown): string[] {
  const root = (state as { root?: { children?: { children?: { text?: string }[] }[] } } | null)?.root
  return (root?.children ?? []).map((block) => (block.children ?? []).map((c) => c.text ?? '').join(''))
}
