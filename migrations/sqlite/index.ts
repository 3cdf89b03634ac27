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
import * as migration_20261130_111838_personal_data_retention from './20261130_111838_personal_data_retention'
import * as migration_20261130_112826_media_audience from './20261130_112826_media_audience'
import * as migration_20261130_113547_catalogue_item_code from './20261130_113547_catalogue_item_code'
import * as migration_20261130_114731_question_candidates from './20261130_114731_question_candidates'
import * as migration_20261130_115513_entry_published_at from './20261130_115513_entry_published_at'
import * as migration_20261130_120135_multi_instance from './20261130_120135_multi_instance'
import * as migration_20261130_120715_report_indexes from './20261130_120715_report_indexes'
import * as migration_20261130_130820_intake_choice from './20261130_130820_intake_choice'
import * as migration_20261130_143146_search_log_volume_indexes from './20261130_143146_search_log_volume_indexes'
import * as migration_20261130_155951_order_attachments from './20261130_155951_order_attachments'
import * as migration_20261130_191722_intake_caller_index from './20261130_191722_intake_caller_index'
import * as migration_20261130_194500_entry_version_indexes from './20261130_194500_entry_version_indexes'
import * as migration_20261130_214639_work_order_returns from './20261130_214639_work_order_returns'
import * as migration_20261201_005528_work_order_report_flags from './20261201_005528_work_order_report_flags'

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
    up: migration_20261130_111838_personal_data_retention.up,
    down: migration_20261130_111838_personal_data_retention.down,
    name: '20261130_111838_personal_data_retention',
  },
  {
    up: migration_20261130_112826_media_audience.up,
    down: migration_20261130_112826_media_audience.down,
    name: '20261130_112826_media_audience',
  },
  {
    up: migration_20261130_113547_catalogue_item_code.up,
    down: migration_20261130_113547_catalogue_item_code.down,
    name: '20261130_113547_catalogue_item_code',
  },
  {
    up: migration_20261130_114731_question_candidates.up,
    down: migration_20261130_114731_question_candidates.down,
    name: '20261130_114731_question_candidates',
  },
  {
    up: migration_20261130_115513_entry_published_at.up,
    down: migration_20261130_115513_entry_published_at.down,
    name: '20261130_115513_entry_published_at',
  },
  {
    up: migration_20261130_120135_multi_instance.up,
    down: migration_20261130_120135_multi_instance.down,
    name: '20261130_120135_multi_instance',
  },
  {
    up: migration_20261130_120715_report_indexes.up,
    down: migration_20261130_120715_report_indexes.down,
    name: '20261130_120715_report_indexes',
  },
  {
    up: migration_20261130_130820_intake_choice.up,
    down: migration_20261130_130820_intake_choice.down,
    name: '20261130_130820_intake_choice',
  },
  {
    up: migration_20261130_143146_search_log_volume_indexes.up,
    down: migration_20261130_143146_search_log_volume_indexes.down,
    name: '20261130_143146_search_log_volume_indexes',
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
    up: migration_20261130_194500_entry_version_indexes.up,
    down: migration_20261130_194500_entry_version_indexes.down,
    name: '20261130_194500_entry_version_indexes',
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
