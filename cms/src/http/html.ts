import { escapeHtml } from '@pressroom/shared/richtext'

/** Escaped HTML: interpolated values are text unless they are themselves `html` fragments. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value
  }
}

type Part = Html | string | number | null | undefined | false | readonly Part[]

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return ''
  if (part instanceof Html) return part.value
  if (Array.isArray(part)) return part.map(render).join('')
  return escapeHtml(String(part))
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i] as Part) : ''), ''))
}
