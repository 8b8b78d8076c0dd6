import * as migration_20261130_073234_initial from './20261130_073234_initial'

export const migrations = [
  {
    up: migration_20261130_073234_initial.up,
    down: migration_20261130_073234_initial.down,
    name: '20261130_073234_initial',
  },
]
