import * as migration_20261125_000000_initial from './20261125_000000_initial'
import * as migration_20261125_063000_workflow_work_orders from './20261125_063000_workflow_work_orders'
import * as migration_20261130_112345_report_indexes from './20261130_112345_report_indexes'

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
    up: migration_20261130_112345_report_indexes.up,
    down: migration_20261130_112345_report_indexes.down,
    name: '20261130_112345_report_indexes',
  },
]
