export type { DatabaseAdapter } from './adapter.ts';
export type { Backup } from './backup.ts';
export { backup, parseBackup, restore } from './backup.ts';
export type { StoreOptions } from './open-store.ts';
export { REPO_ROOT, defaultSqlitePath, openStore } from './open-store.ts';
export type { Invitation, Session, User } from './repositories/accounts.ts';
export type {
  BillAction,
  BillSponsor,
  CaucusStatusChange,
  MemberActivityTable,
  RecordedRow,
} from './repositories/activities.ts';
export type { AuditEntry, Change } from './repositories/audit-log.ts';
export type { CommitmentOwner, Evidence } from './repositories/commitments.ts';
export type {
  DocumentFilter,
  DocumentInput,
  DocumentRow,
  DocumentSection,
  DocumentViewer,
} from './repositories/documents.ts';
export { markdownHeadings } from './document-headings.ts';
export { documentVisibleTo } from './repositories/documents.ts';
export type { Drive, Endorsement } from './repositories/endorsements.ts';
export type { ListOptions, RecordTable, Row } from './repositories/records.ts';
export type { SearchHit, SearchQuery, SnippetSegment } from './repositories/search.ts';
export type { TextVersion } from './repositories/texts.ts';
export type {
  PriorityTally,
  Workshop,
  WorkshopAnswer,
  WorkshopArea,
  WorkshopGroup,
  WorkshopMember,
  WorkshopPartTable,
  WorkshopPick,
  WorkshopPriority,
  WorkshopQuestion,
} from './repositories/workshops.ts';
export type { SearchEntryInput, SearchKind, SearchSource, SearchViewer } from './search/sources.ts';
export { SEARCH_SOURCES, countryOf } from './search/sources.ts';
export type { Token } from './search/tokenize.ts';
export { fold, localeFor, normalise, queryTerms, tokenize } from './search/tokenize.ts';
export type * from './schema.ts';
export { TABLES } from './schema.ts';
export type { BillActionName } from './vocabulary.ts';
export {
  BILL_ACTIONS,
  CAUCUS_STATUSES,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  INPUT_STATUSES,
  ROLES,
  VISIBILITIES,
} from './vocabulary.ts';
export type { Repositories } from './store.ts';
export { Store, StoreError } from './store.ts';
export type { SeedReport } from './seed/load-seed.ts';
export { SEED_DIR, loadSeed } from './seed/load-seed.ts';
