/**
 * The message model of the delivery core. A send stores one `MessageTemplate`; each delivery
 * gets an `OutgoingMessage` made from it with the recipient's variables (`{{name}}`), stored
 * before it is handed to the provider.
 */
import { escapeHtml } from '@pressroom/shared/richtext'

export type Attachment = {
  filename: string
  contentType: string
  /** The file's bytes in base64. */
  contentBase64: string
}

export type OutgoingMessage = {
  from: string
  to: string
  subject: string
  html: string
  text: string
  replyTo?: string
  headers?: Record<string, string>
  attachments?: Attachment[]
  tags?: { name: string; value: string }[]
}

export type MessageTemplate = Omit<OutgoingMessage, 'to'>

const placeholder = /\{\{([a-zA-Z][a-zA-Z0-9]*)\}\}/g
const lineBreaks = /[\r\n]+/g

function fill(text: string, variables: Record<string, string>, encode: (value: string) => string = (v) => v): string {
  return text.replace(placeholder, (whole, name: string) => {
    const value = variables[name]
    return value === undefined ? whole : encode(value)
  })
}

/**
 * A header value on one line: a title typed with a line break would otherwise make the provider
 * refuse the whole batch (or, written raw, start a new header).
 */
function oneLine(text: string): string {
  return text.replace(lineBreaks, ' ')
}

/**
 * The exact message for one recipient: every `{{name}}` in the template replaced by its variable,
 * HTML-escaped in the HTML part (a name like `<script>` or `"` stays text, a URL stays inside its
 * attribute); the subject and headers are kept on one line.
 */
export function personalize(
  template: MessageTemplate,
  to: string,
  variables: Record<string, string> = {},
): OutgoingMessage {
  const message: OutgoingMessage = {
    from: template.from,
    to,
    subject: oneLine(fill(template.subject, variables)),
    html: fill(template.html, variables, escapeHtml),
    text: fill(template.text, variables),
  }
  if (template.replyTo) message.replyTo = template.replyTo
  if (template.headers) {
    message.headers = Object.fromEntries(
      Object.entries(template.headers).map(([k, v]) => [k, oneLine(fill(v, variables))]),
    )
  }
  if (template.attachments?.length) message.attachments = template.attachments
  if (template.tags?.length) message.tags = template.tags
  return message
}
