import * as migration_20261125_034035_initial from './20261125_034035_initial';

export const migrations = [
  {
    up: migration_20261125_034035_initial.up,
    down: migration_20261125_034035_initial.down,
    name: '20261125_034035_initial'
  },
];
