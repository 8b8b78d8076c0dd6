import * as migration_20261130_073234_initial from './20261130_073234_initial'
import * as migration_20261130_082440_press_kit_publications_and_web_sizes from './20261130_082440_press_kit_publications_and_web_sizes'
import * as migration_20261130_084953_site_builds_and_notices_to_institutions from './20261130_084953_site_builds_and_notices_to_institutions'
import * as migration_20261130_090621_subscriptions_and_mail from './20261130_090621_subscriptions_and_mail'
import * as migration_20261207_054940_leak_proof_publishing from './20261207_054940_leak_proof_publishing'
import * as migration_20261207_060158_rate_limits from './20261207_060158_rate_limits'
import * as migration_20261207_091410_operations_and_doors from './20261207_091410_operations_and_doors'
import * as migration_20261207_150033_issue15_previews_confirm_zones from './20261207_150033_issue15_previews_confirm_zones'
import * as migration_20261207_152555_issue15_site_build_failure_codes from './20261207_152555_issue15_site_build_failure_codes'
import * as migration_20261207_180629_issue16_journalists from './20261207_180629_issue16_journalists'
import * as migration_20261207_181159_issue16_advance_sends from './20261207_181159_issue16_advance_sends'

export const migrations = [
  {
    up: migration_20261130_073234_initial.up,
    down: migration_20261130_073234_initial.down,
    name: '20261130_073234_initial',
  },
  {
    up: migration_20261130_082440_press_kit_publications_and_web_sizes.up,
    down: migration_20261130_082440_press_kit_publications_and_web_sizes.down,
    name: '20261130_082440_press_kit_publications_and_web_sizes',
  },
  {
    up: migration_20261130_084953_site_builds_and_notices_to_institutions.up,
    down: migration_20261130_084953_site_builds_and_notices_to_institutions.down,
    name: '20261130_084953_site_builds_and_notices_to_institutions',
  },
  {
    up: migration_20261130_090621_subscriptions_and_mail.up,
    down: migration_20261130_090621_subscriptions_and_mail.down,
    name: '20261130_090621_subscriptions_and_mail',
  },
  {
    up: migration_20261207_054940_leak_proof_publishing.up,
    down: migration_20261207_054940_leak_proof_publishing.down,
    name: '20261207_054940_leak_proof_publishing',
  },
  {
    up: migration_20261207_060158_rate_limits.up,
    down: migration_20261207_060158_rate_limits.down,
    name: '20261207_060158_rate_limits',
  },
  {
    up: migration_20261207_091410_operations_and_doors.up,
    down: migration_20261207_091410_operations_and_doors.down,
    name: '20261207_091410_operations_and_doors',
  },
  {
    up: migration_20261207_150033_issue15_previews_confirm_zones.up,
    down: migration_20261207_150033_issue15_previews_confirm_zones.down,
    name: '20261207_150033_issue15_previews_confirm_zones',
  },
  {
    up: migration_20261207_152555_issue15_site_build_failure_codes.up,
    down: migration_20261207_152555_issue15_site_build_failure_codes.down,
    name: '20261207_152555_issue15_site_build_failure_codes',
  },
  {
    up: migration_20261207_180629_issue16_journalists.up,
    down: migration_20261207_180629_issue16_journalists.down,
    name: '20261207_180629_issue16_journalists',
  },
  {
    up: migration_20261207_181159_issue16_advance_sends.up,
    down: migration_20261207_181159_issue16_advance_sends.down,
    name: '20261207_181159_issue16_advance_sends',
  },
]
