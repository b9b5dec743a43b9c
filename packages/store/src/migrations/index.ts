// Every committed migration, in order. Listed by hand rather than read from disk so that the
// store works the same from sources, from a bundle and in tests.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-caucus-workspace.ts';
import * as m0002 from './0002-documents.ts';
import * as m0003 from './0003-search.ts';
import * as m0004 from './0004-activities.ts';
import * as m0005 from './0005-workshops.ts';
import * as m0006 from './0006-search-statistics.ts';
import * as m0007 from './0007-totp-replay.ts';
import * as m0008 from './0008-activity-recorders.ts';
import * as m0009 from './0009-search-completions.ts';

export const migrations: Record<string, Migration> = {
  '0001-caucus-workspace': m0001,
  '0002-documents': m0002,
  '0003-search': m0003,
  '0004-activities': m0004,
  '0005-workshops': m0005,
  '0006-search-statistics': m0006,
  '0007-totp-replay': m0007,
  '0008-activity-recorders': m0008,
  '0009-search-completions': m0009,
};

/** Kysely's provider over the list above. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
