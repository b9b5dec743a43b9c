// The workspace's controlled vocabularies, defined once: the store's column types, the server's
// request schemas and the web app's choices are all derived from these. Plain constants with no
// imports, exported on their own (`@tulay/store/vocabulary`), so the web app can share them
// without pulling a database driver into its bundle.

/** Who may read a record: anyone, signed-in caucus participants, or the secretariat only. */
export const VISIBILITIES = ['public', 'caucus', 'secretariat'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** The roles of an account. `public` is the visitor who has none. */
export const ROLES = ['member', 'staff', 'partner', 'secretariat', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a library document is. */
export const DOCUMENT_TYPES = ['report', 'statement', 'resolution', 'research', 'news'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Where a document is in moderation: only `published` ones reach anyone but the submitter and the secretariat. */
export const DOCUMENT_STATUSES = ['submitted', 'returned', 'rejected', 'published'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Where a participant's input on a document's section stands. */
export const INPUT_STATUSES = ['open', 'accepted', 'addressed', 'declined'] as const;
export type InputStatus = (typeof INPUT_STATUSES)[number];

/** A national caucus's status: `none` records that a parliament has (still) no caucus. */
export const CAUCUS_STATUSES = [
  'none',
  'informal_group',
  'formal_caucus',
  'standing_committee',
] as const;
export type CaucusStatus = (typeof CAUCUS_STATUSES)[number];

/**
 * What can happen to a bill, from introduction to its end. A subset of OpenStates' action
 * classifications, cut to the stages every parliament of the region shares (docs/api.md).
 */
export const BILL_ACTIONS = [
  'introduced',
  'referred_to_committee',
  'committee_report',
  'passed_lower',
  'passed_upper',
  'passed',
  'enacted',
  'vetoed',
  'lapsed',
  'withdrawn',
] as const;
export type BillActionName = (typeof BILL_ACTIONS)[number];
