import * as migration_20261125_000000_initial from './20261125_000000_initial'
import * as migration_20261125_063000_workflow_work_orders from './20261125_063000_workflow_work_orders'
import * as migration_20261130_101251_catalogue_item_code from './20261130_101251_catalogue_item_code'
import * as migration_20261130_103000_personal_data_retention from './20261130_103000_personal_data_retention'
import * as migration_20261130_103144_multi_instance from './20261130_103144_multi_instance'
import * as migration_20261130_110100_question_candidates from './20261130_110100_question_candidates'
import * as migration_20261130_112345_report_indexes from './20261130_112345_report_indexes'
import * as migration_20261130_130600_volume_indexes from './20261130_130600_volume_indexes'
import * as migration_20261130_132220_search_log from './20261130_132220_search_log'
import * as migration_20261130_155951_order_attachments from './20261130_155951_order_attachments'
import * as migration_20261130_191722_intake_caller_index from './20261130_191722_intake_caller_index'
import * as migration_20261130_214639_work_order_returns from './20261130_214639_work_order_returns'
import * as migration_20261201_005528_work_order_report_flags from './20261201_005528_work_order_report_flags'

export const migrations = [
  {
    up: migration_20261125_000000_initial.up,
    down: migration_20261125_000000_initial.down,
    name: '20261125_000000_initial',
  },
  {
    up: migration_20261125_063000_workflow_work_orders.up,
    down: migration_20261125_063000_workflow_work_orders.down,
    name: '20261125_063000_workflow_work_orders',
  },
  {
    up: migration_20261130_101251_catalogue_item_code.up,
    down: migration_20261130_101251_catalogue_item_code.down,
    name: '20261130_101251_catalogue_item_code',
  },
  {
    up: migration_20261130_103000_personal_data_retention.up,
    down: migration_20261130_103000_personal_data_retention.down,
    name: '20261130_103000_personal_data_retention',
  },
  {
    up: migration_20261130_103144_multi_instance.up,
    down: migration_20261130_103144_multi_instance.down,
    name: '20261130_103144_multi_instance',
  },
  {
    up: migration_20261130_110100_question_candidates.up,
    down: migration_20261130_110100_question_candidates.down,
    name: '20261130_110100_question_candidates',
  },
  {
    up: migration_20261130_112345_report_indexes.up,
    down: migration_20261130_112345_report_indexes.down,
    name: '20261130_112345_report_indexes',
  },
  {
    up: migration_20261130_130600_volume_indexes.up,
    down: migration_20261130_130600_volume_indexes.down,
    name: '20261130_130600_volume_indexes',
  },
  {
    up: migration_20261130_132220_search_log.up,
    down: migration_20261130_132220_search_log.down,
    name: '20261130_132220_search_log',
  },
  {
    up: migration_20261130_155951_order_attachments.up,
    down: migration_20261130_155951_order_attachments.down,
    name: '20261130_155951_order_attachments',
  },
  {
    up: migration_20261130_191722_intake_caller_index.up,
    down: migration_20261130_191722_intake_caller_index.down,
    name: '20261130_191722_intake_caller_index',
  },
  {
    up: migration_20261130_214639_work_order_returns.up,
    down: migration_20261130_214639_work_order_returns.down,
    name: '20261130_214639_work_order_returns',
  },
  {
    up: migration_20261201_005528_work_order_report_flags.up,
    down: migration_20261201_005528_work_order_report_flags.down,
    name: '20261201_005528_work_order_report_flags',
  },
]
