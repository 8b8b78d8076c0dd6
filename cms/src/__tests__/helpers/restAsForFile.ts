import type { Payload } from 'payload'
import { afterAll, beforeAll } from 'vitest'
import { type RestAs, restAs } from './restAs.ts'

/**
 * `restAs` on the test file's Payload (call `payloadForFile` first and pass what it returns): opened before the file's own
 * `beforeAll` hooks, closed before the Payload stops. Use it in hooks and tests, once it is open.
 */
export function restAsForFile(cms: { payload: Payload }): RestAs {
  let opened: RestAs | undefined
  beforeAll(async () => {
    opened = await restAs(cms.payload)
  })
  afterAll(async () => {
    await opened?.close()
  })
  const open = (): RestAs => {
    if (!opened) throw new Error('restAsForFile: the REST API is not open yet; use it inside a hook or a test.')
    return opened
  }
  return {
    get url() {
      return open().url
    },
    get users() {
      return open().users
    },
    call: (...args) => open().call(...args),
    close: () => open().close(),
  }
}
