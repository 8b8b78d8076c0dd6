/**
 * The CMS's HTTP server: what `next start` does, plus one thing Next cannot do for route
 * handlers, telling them the TCP peer's address (src/http/peerAddress.ts). Client addresses,
 * and so every rate limit and the sign-in throttle, rest on it (docs/adr/0027). It also sends
 * the security headers, with a fresh script nonce per request (src/http/securityHeaders.ts,
 * docs/adr/0032).
 *
 *   node src/server/main.ts [--port 3000] [--hostname 127.0.0.1]   (PORT works too; all interfaces by default)
 *
 * It also refuses request bodies over their route's cap before anything reads them (docs/adr/0035).
 *
 * Plain Node runs it (type stripping): it imports nothing of the CMS but the peer header and the
 * body limits, so it never loads the config before Next does.
 */
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { refuseOversizeBody } from '../http/bodyLimits.ts'
import { markPeerHeaderStamped, stampPeerAddress } from '../http/peerAddress.ts'
import { applySecurityHeaders, servedOverHttps } from '../http/securityHeaders.ts'
import { payloadSecretProblem } from '../secrets/payloadSecret.ts'

const { values } = parseArgs({ options: { port: { type: 'string' }, hostname: { type: 'string' } } })
const port = Number(values.port ?? process.env.PORT ?? 3000)
// Not $HOSTNAME: containers set it to their own name, which would bind one interface only.
const hostname = values.hostname
// As `next start` does; Payload also reads it (no schema push in production).
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV || 'production' })
const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

// A production CMS never starts on a missing, short or copied example secret (docs/adr/0033).
// cms/.env is read as Next would read it (the environment wins), so the check sees what Payload will.
const envFile = path.join(cmsDir, '.env')
if (existsSync(envFile)) process.loadEnvFile(envFile)
const secretProblem = payloadSecretProblem(process.env.PAYLOAD_SECRET, process.env.NODE_ENV === 'production')
if (secretProblem) {
  console.error(`The CMS did not start: ${secretProblem}`)
  process.exit(1)
}

const { default: next } = await import('next')
const app = next({ dev: false, dir: cmsDir, port, hostname })
const handle = app.getRequestHandler()
// Before Next starts, so that its start-up (src/instrumentation.ts) sees it.
markPeerHeaderStamped()
await app.prepare()

const https = servedOverHttps()
const server = createServer((request, response) => {
  stampPeerAddress(request)
  applySecurityHeaders(request, response, https)
  // Bodies over their route's cap are refused unread (docs/adr/0035).
  if (refuseOversizeBody(request, response)) return
  void handle(request, response)
})
// Like `next start`: stop at once.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0))
server.listen(port, hostname, () => {
  console.log(
    `CMS listening on http://${hostname ?? 'localhost'}:${port} (client addresses from the socket; docs/adr/0027)`,
  )
})
