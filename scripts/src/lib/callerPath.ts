import path from 'node:path'

/**
 * `./pressroom` changes to the repository before it runs anything, and pnpm runs scripts in their
 * package; a path the user typed is relative to where they typed it (PRESSROOM_CALLER_CWD).
 */
export const callerPath = (given: string) =>
  path.resolve(process.env.PRESSROOM_CALLER_CWD || process.env.INIT_CWD || process.cwd(), given)
