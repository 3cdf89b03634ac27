import * as migration_20261125_034736_initial from './20261125_034736_initial';

export const migrations = [
  {
    up: migration_20261125_034736_initial.up,
    down: migration_20261125_034736_initial.down,
    name: '20261125_034736_initial'
  },
];
