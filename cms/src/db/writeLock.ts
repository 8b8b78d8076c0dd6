/**
 * One writer at a time within this process, in arrival order, without blocking the event loop
 * (docs/adr/0029). A waiter gives up after `timeoutMs` with a message that names the usual
 * cause: code inside a transaction writing through another request.
 */
export class WriteLock {
  #held = false
  readonly #waiting: (() => void)[] = []

  constructor(private readonly timeoutMs: number) {}

  async acquire(): Promise<() => void> {
    if (this.#held) await this.#wait()
    this.#held = true
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.#waiting.shift()
      if (next) next()
      else this.#held = false
    }
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire()
    try {
      return await work()
    } finally {
      release()
    }
  }

  #wait(): Promise<void> {
    return new Promise((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        this.#waiting.splice(this.#waiting.indexOf(turn), 1)
        reject(
          Object.assign(
            new Error(
              `SQLITE_BUSY: a write waited ${this.timeoutMs} ms for another transaction of this process. ` +
                'If it comes from a hook or a task, pass its `req` to the Local API call (or use its transaction) ' +
                'instead of writing beside the transaction it runs in.',
            ),
            { code: 'SQLITE_BUSY' },
          ),
        )
      }, this.timeoutMs)
      this.#waiting.push(turn)
    })
  }
}
