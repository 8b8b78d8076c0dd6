import * as migration_20261130_073234_initial from './20261130_073234_initial'
import * as migration_20261130_082918_site_builds from './20261130_082918_site_builds'

export const migrations = [
  {
    up: migration_20261130_073234_initial.up,
    down: migration_20261130_073234_initial.down,
    name: '20261130_073234_initial',
  },
  {
    up: migration_20261130_082918_site_builds.up,
    down: migration_20261130_082918_site_builds.down,
    name: '20261130_082918_site_builds',
  },
]
