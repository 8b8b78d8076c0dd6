let turn: Promise<unknown> = Promise.resolve()

/**
 * Site builds run one after the other in this process. A job the runner picks up while another
 * build runs (the wake after a change, the cron) waits here with its record still `queued`, so
 * every change made meanwhile joins it and it starts the moment the running build ends: changes
 * during a build make exactly one next build (docs/adr/0044).
 */
export function oneBuildAtATime<T>(build: () => Promise<T>): Promise<T> {
  const result = turn.then(build, build)
  turn = result.catch(() => undefined)
  return result
}
