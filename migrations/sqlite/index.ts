import * as migration_20261125_034736_initial from './20261125_034736_initial'
import * as migration_20261125_045846_search_lexicon_and_pins from './20261125_045846_search_lexicon_and_pins'
import * as migration_20261125_051925_entry_workflow from './20261125_051925_entry_workflow'
import * as migration_20261125_052830_supervision_notifications_calendar from './20261125_052830_supervision_notifications_calendar'
import * as migration_20261125_054828_work_orders from './20261125_054828_work_orders'
import * as migration_20261125_060157_work_order_round_gaps from './20261125_060157_work_order_round_gaps'
import * as migration_20261125_060536_work_order_pause from './20261125_060536_work_order_pause'
import * as migration_20261125_061037_work_order_attachments from './20261125_061037_work_order_attachments'
import * as migration_20261125_061638_entry_feedback from './20261125_061638_entry_feedback'
import * as migration_20261130_102335_work_order_flow from './20261130_102335_work_order_flow'
import * as migration_20261130_112345_report_indexes from './20261130_112345_report_indexes'

export const migrations = [
  {
    up: migration_20261125_034736_initial.up,
    down: migration_20261125_034736_initial.down,
    name: '20261125_034736_initial',
  },
  {
    up: migration_20261125_045846_search_lexicon_and_pins.up,
    down: migration_20261125_045846_search_lexicon_and_pins.down,
    name: '20261125_045846_search_lexicon_and_pins',
  },
  {
    up: migration_20261125_051925_entry_workflow.up,
    down: migration_20261125_051925_entry_workflow.down,
    name: '20261125_051925_entry_workflow',
  },
  {
    up: migration_20261125_052830_supervision_notifications_calendar.up,
    down: migration_20261125_052830_supervision_notifications_calendar.down,
    name: '20261125_052830_supervision_notifications_calendar',
  },
  {
    up: migration_20261125_054828_work_orders.up,
    down: migration_20261125_054828_work_orders.down,
    name: '20261125_054828_work_orders',
  },
  {
    up: migration_20261125_060157_work_order_round_gaps.up,
    down: migration_20261125_060157_work_order_round_gaps.down,
    name: '20261125_060157_work_order_round_gaps',
  },
  {
    up: migration_20261125_060536_work_order_pause.up,
    down: migration_20261125_060536_work_order_pause.down,
    name: '20261125_060536_work_order_pause',
  },
  {
    up: migration_20261125_061037_work_order_attachments.up,
    down: migration_20261125_061037_work_order_attachments.down,
    name: '20261125_061037_work_order_attachments',
  },
  {
    up: migration_20261125_061638_entry_feedback.up,
    down: migration_20261125_061638_entry_feedback.down,
    name: '20261125_061638_entry_feedback',
  },
  {
    up: migration_20261130_102335_work_order_flow.up,
    down: migration_20261130_102335_work_order_flow.down,
    name: '20261130_102335_work_order_flow',
  },
  {
    up: migration_20261130_112345_report_indexes.up,
    down: migration_20261130_112345_report_indexes.down,
    name: '20261130_112345_report_indexes',
  },
]
