import * as migration_20261130_073234_initial from './20261130_073234_initial'
import * as migration_20261130_083540_subscriptions_and_mail from './20261130_083540_subscriptions_and_mail'

export const migrations = [
  {
    up: migration_20261130_073234_initial.up,
    down: migration_20261130_073234_initial.down,
    name: '20261130_073234_initial',
  },
  {
    up: migration_20261130_083540_subscriptions_and_mail.up,
    down: migration_20261130_083540_subscriptions_and_mail.down,
    name: '20261130_083540_subscriptions_and_mail',
  },
]
