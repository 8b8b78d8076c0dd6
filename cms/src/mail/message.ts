/**
 * The message model of the delivery core. A send stores one `MessageTemplate`; each delivery
 * gets an `OutgoingMessage` made from it with the recipient's variables (`{{name}}`), stored
 * before it is handed to the provider.
 */
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

function fill(text: string, variables: Record<string, string>): string {
  return text.replace(placeholder, (whole, name: string) => variables[name] ?? whole)
}

/** The exact message for one recipient: every `{{name}}` in the template replaced by its variable. */
export function personalize(
  template: MessageTemplate,
  to: string,
  variables: Record<string, string> = {},
): OutgoingMessage {
  const message: OutgoingMessage = {
    from: template.from,
    to,
    subject: fill(template.subject, variables),
    html: fill(template.html, variables),
    text: fill(template.text, variables),
  }
  if (template.replyTo) message.replyTo = template.replyTo
  if (template.headers) {
    message.headers = Object.fromEntries(Object.entries(template.headers).map(([k, v]) => [k, fill(v, variables)]))
  }
  if (template.attachments?.length) message.attachments = template.attachments
  if (template.tags?.length) message.tags = template.tags
  return message
}
