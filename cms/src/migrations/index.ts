import * as migration_20261130_071742_initial from './20261130_071742_initial'

export const migrations = [
  {
    up: migration_20261130_071742_initial.up,
    down: migration_20261130_071742_initial.down,
    name: '20261130_071742_initial',
  },
]
