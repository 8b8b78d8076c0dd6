let running = 0

/**
 * Site builds of this process between their start (record `running`) and their outcome: a change
 * made while a build runs here waits for that build to end instead of starting one beside it
 * (docs/adr/0044). Counted once the turn that marked the record `running` has committed, so a
 * failed start never leaves the count up; the end of the build brings the waiting one forward.
 */
export const buildRunningHere = (): boolean => running > 0

export const buildStartedHere = (): void => {
  running++
}

export const buildEndedHere = (): void => {
  running = Math.max(0, running - 1)
}
