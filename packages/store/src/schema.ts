// The database's tables as Kysely sees them. Column types are kept to what both SQLite and
// PostgreSQL store the same way — text, integer, and JSON as text — so that repositories are
// dialect-free and a backup from one database restores into the other unchanged.

import type {
  CaucusStatus,
  DocumentStatus,
  DocumentType,
  InputStatus,
  Role,
  Visibility,
} from './vocabulary.ts';

// The vocabularies are defined in vocabulary.ts (shared with the web app); re-exported here so
// the tables' column types and their values come from one place.
export type {
  CaucusStatus,
  DocumentStatus,
  DocumentType,
  InputStatus,
  Role,
  Visibility,
} from './vocabulary.ts';
export {
  CAUCUS_STATUSES,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  INPUT_STATUSES,
  ROLES,
  VISIBILITIES,
} from './vocabulary.ts';

/** An ISO 8601 instant, e.g. `2026-11-28T01:02:03.000Z`. */
export type Instant = string;
/** A date as precise as it is known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type PartialDate = string;
/** A JSON document stored as text. */
export type JsonText = string;
/** SQLite has no boolean: 0 or 1 in both databases. */
export type Flag = 0 | 1;

interface Recorded {
  visibility: Visibility;
  created_at: Instant;
  updated_at: Instant;
}

/** Popolo Person. */
export interface PersonTable extends Recorded {
  id: string;
  name: string;
  sort_name: string | null;
  honorific_prefix: string | null;
  national_identity: string | null;
  /** Open Civic Data division id, e.g. `ocd-division/country:th`. */
  area_id: string | null;
  summary: string | null;
  /** Popolo fields without a column (other_names, identifiers, sources…). */
  extra: JsonText;
}

/** Popolo Organization: parliaments, parties, CSOs, trade unions, regional and international bodies. */
export interface OrganizationTable extends Recorded {
  id: string;
  name: string;
  classification: string;
  parent_id: string | null;
  area_id: string | null;
  founding_date: PartialDate | null;
  dissolution_date: PartialDate | null;
  description: string | null;
  extra: JsonText;
}

/** Popolo Post: a seat that exists apart from whoever holds it. */
export interface PostTable extends Recorded {
  id: string;
  organization_id: string;
  label: string;
  role: string | null;
  area_id: string | null;
  start_date: PartialDate | null;
  end_date: PartialDate | null;
  extra: JsonText;
}

/** Popolo Membership, with Tulay's `status` (current or former when the source was written). */
export interface MembershipTable extends Recorded {
  id: string;
  person_id: string;
  organization_id: string;
  post_id: string | null;
  on_behalf_of_id: string | null;
  role: string | null;
  label: string | null;
  area_id: string | null;
  start_date: PartialDate | null;
  end_date: PartialDate | null;
  status: string | null;
  extra: JsonText;
}

/** A programme (meeting) of the caucus's series. */
export interface ProgrammeTable extends Recorded {
  id: string;
  name: string;
  classification: string;
  series_number: number | null;
  start_date: PartialDate | null;
  end_date: PartialDate | null;
  city: string | null;
  area_id: string | null;
  description: string | null;
  organization_ids: JsonText;
  extra: JsonText;
}

export interface ProgrammeSessionTable extends Recorded {
  id: string;
  programme_id: string;
  name: string;
  position: number;
  start_date: PartialDate | null;
  description: string | null;
  extra: JsonText;
}

export interface ParticipantTable extends Recorded {
  id: string;
  programme_id: string;
  person_id: string;
  role: string;
  organization_id: string | null;
  extra: JsonText;
}

/** A resolution or statement: a versioned, multilingual text with one authoritative language. */
export interface TextTable extends Recorded {
  id: string;
  kind: 'resolution' | 'statement';
  programme_id: string | null;
  authoritative_language: string;
  /** `draft` texts cannot be endorsed; `open` ones can; `closed` ones no longer can. */
  status: 'draft' | 'open' | 'closed';
  is_endorsable: Flag;
  extra: JsonText;
}

export interface TextVersionTable {
  id: string;
  text_id: string;
  version: number;
  language: string;
  title: string;
  body: string;
  note: string | null;
  created_at: Instant;
  created_by: string | null;
}

/** A member's signature on a text, with their office on the day they signed. */
export interface EndorsementTable {
  id: string;
  text_id: string;
  text_version: number;
  person_id: string;
  user_id: string;
  /** JSON: the offices the member held on `signed_on`. */
  office: JsonText;
  signed_on: string;
  created_at: Instant;
  withdrawn_at: Instant | null;
  drive_id: string | null;
  /** Whether the endorser's name is shown to the public or only within the caucus; counts are public. */
  visibility: Visibility;
}

/** An endorsement drive: invitation links to a text's past participants, and who answered. */
export interface DriveTable {
  id: string;
  text_id: string;
  programme_ids: JsonText;
  message: string | null;
  created_by: string;
  created_at: Instant;
  closes_at: Instant;
}

export interface CommitmentTable extends Recorded {
  id: string;
  programme_id: string | null;
  title: string;
  description: string | null;
  status: 'proposed' | 'in_progress' | 'done' | 'stalled' | 'dropped' | 'unknown';
  review_date: PartialDate | null;
  extra: JsonText;
}

/** Who owns a commitment: a person, an organisation (a delegation, a parliament) or a country. */
export interface CommitmentOwnerTable {
  id: string;
  commitment_id: string;
  owner_type: 'person' | 'organization' | 'country';
  owner_id: string;
}

export interface EvidenceTable {
  id: string;
  commitment_id: string;
  description: string;
  url: string | null;
  evidence_date: PartialDate | null;
  created_by: string | null;
  created_at: Instant;
  visibility: Visibility;
}

export interface FollowUpTable extends Recorded {
  id: string;
  commitment_id: string | null;
  title: string;
  description: string | null;
  due_date: PartialDate | null;
  status: 'open' | 'done';
  extra: JsonText;
}

/** Report content that is neither a person, a body nor a text: areas for action, spaces for advocacy. */
export interface TopicTable extends Recorded {
  id: string;
  kind: string;
  name: string;
  description: string | null;
  position: number;
  extra: JsonText;
}

/** A parliamentarian exchange visit or study tour (area for action 1). */
export interface VisitTable extends Recorded {
  id: string;
  title: string;
  /** ISO 3166-1 alpha-2 in capitals, e.g. `TH`, as the knowledge base writes countries. */
  host_country: string;
  /** JSON: the visiting countries' ISO codes. */
  visiting_countries: JsonText;
  /** JSON: the people in the delegation. */
  delegation_person_ids: JsonText;
  /** JSON: `[{ name, kind? }]`, e.g. a ministry, a workplace, a migrant community. */
  sites: JsonText;
  start_date: PartialDate | null;
  end_date: PartialDate | null;
  findings: string | null;
  /** The published report in the documents table (no foreign key: built in another migration). */
  report_document_id: string | null;
  /** JSON: `[{ text, commitment_id }]`; a recommendation may become a commitment. */
  recommendations: JsonText;
  /** The account that recorded it (migration 0008); null for the seed and older rows. */
  created_by: string | null;
  extra: JsonText;
}

/** One change of a national caucus's status: the history is kept, the latest is current. */
export interface CaucusStatusTable {
  id: string;
  organization_id: string;
  status: CaucusStatus;
  status_date: PartialDate;
  note: string | null;
  source: string | null;
  created_by: string | null;
  created_at: Instant;
  visibility: Visibility;
}

/** A bill before a parliament (OpenStates-like). */
export interface BillTable extends Recorded {
  id: string;
  organization_id: string;
  identifier: string;
  title: string;
  summary: string | null;
  /** The classification of the latest action; null before any. */
  status: string | null;
  status_date: PartialDate | null;
  /** JSON: `[{ date, note, url?, document_id? }]`. */
  versions: JsonText;
  commitment_ids: JsonText;
  /** JSON: topics (areas for action) the bill serves. */
  topic_ids: JsonText;
  /** The account that recorded it (migration 0008); null for the seed and older rows. */
  created_by: string | null;
  extra: JsonText;
}

export interface BillSponsorTable {
  id: string;
  bill_id: string;
  person_id: string;
  classification: 'primary' | 'cosponsor';
  position: number;
}

export interface BillActionTable {
  id: string;
  bill_id: string;
  action_date: PartialDate;
  classification: string;
  description: string | null;
  /** Order among actions of the same date, as they were recorded. */
  position: number;
  created_by: string | null;
  created_at: Instant;
}

/** A meeting of a body the caucus engages; `recurrence` (an RRULE) makes it a cycle. */
export interface BodyEventTable extends Recorded {
  id: string;
  organization_id: string;
  title: string;
  start_date: PartialDate | null;
  end_date: PartialDate | null;
  place: string | null;
  recurrence: string | null;
  description: string | null;
  is_verified: Flag;
  extra: JsonText;
}

/** What the caucus asked of a body, and what came back. */
export interface EngagementTable extends Recorded {
  id: string;
  organization_id: string;
  event_id: string | null;
  title: string;
  engagement_date: PartialDate | null;
  asked: string | null;
  response: string | null;
  commitment_ids: JsonText;
  /** The account that recorded it (migration 0008); null for the seed and older rows. */
  created_by: string | null;
  extra: JsonText;
}

/** Work done together with a CSO or trade union. */
export interface CollaborationTable extends Recorded {
  id: string;
  organization_id: string;
  topic_id: string | null;
  title: string;
  description: string | null;
  start_date: PartialDate | null;
  end_date: PartialDate | null;
  commitment_ids: JsonText;
  extra: JsonText;
}

/** A strategy workshop of a programme: groups answer questions, participants pick priorities. */
export interface WorkshopTable extends Recorded {
  id: string;
  programme_id: string;
  session_id: string | null;
  title: string;
  date: PartialDate | null;
  description: string | null;
  /** `preparing` (set-up), `picking` (participants pick their three), `closed`. */
  status: 'preparing' | 'picking' | 'closed';
  /** 0 when the individual picks were never recorded (a workshop loaded from a report). */
  picks_recorded: Flag;
  extra: JsonText;
}

/** Workshop parts: their visibility is the workshop's. */
interface WorkshopPart {
  id: string;
  workshop_id: string;
  extra: JsonText;
  created_at: Instant;
  updated_at: Instant;
}

export interface WorkshopGroupTable extends WorkshopPart {
  name: string;
  position: number;
}

export interface WorkshopGroupMemberTable {
  id: string;
  workshop_id: string;
  group_id: string;
  person_id: string;
}

export interface WorkshopQuestionTable extends WorkshopPart {
  text: string;
  position: number;
}

/** One point a group made on a question: a cell of the matrix holds any number of them. */
export interface WorkshopAnswerTable extends WorkshopPart {
  group_id: string;
  question_id: string;
  text: string;
  position: number;
}

/** An option participants may pick: drawn from an answer, or written by the secretariat. */
export interface WorkshopPriorityTable extends WorkshopPart {
  answer_id: string | null;
  text: string;
  position: number;
}

/** An area for action (a topic) a workshop produced. */
export interface WorkshopAreaTable {
  id: string;
  workshop_id: string;
  topic_id: string;
  position: number;
  extra: JsonText;
}

/** The secretariat's condensation: a priority fed an area for action. */
export interface WorkshopCondensationTable {
  id: string;
  workshop_id: string;
  priority_id: string;
  topic_id: string;
}

/** A participant's pick, ranked 1–3. Who picked what is for the secretariat only. */
export interface WorkshopPickTable {
  id: string;
  workshop_id: string;
  person_id: string;
  priority_id: string;
  rank: number;
  /** The user who entered it: the participant, or the secretariat from a paper form. */
  entered_by: string;
  created_at: Instant;
}

export interface UserTable {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string;
  person_id: string | null;
  /** A member is verified when the secretariat has tied the account to the person (invitation or by hand). */
  is_verified: Flag;
  totp_secret: string | null;
  /** The last 30-second step a code was accepted for: a code is good for one sign-in only. */
  totp_last_step: number | null;
  created_at: Instant;
  updated_at: Instant;
  disabled_at: Instant | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  created_at: Instant;
  expires_at: Instant;
}

export interface InvitationTable {
  id: string;
  token_hash: string;
  email: string | null;
  role: Role;
  person_id: string | null;
  drive_id: string | null;
  totp_secret: string | null;
  created_by: string;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
  used_by: string | null;
}

export interface LoginFailureTable {
  id: string;
  email: string;
  ip: string;
  at: Instant;
}

export interface AuditTable {
  id: string;
  at: Instant;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: JsonText | null;
  after: JsonText | null;
}

/** The three kinds of file the library accepts, as sniffed from their content. */
export type DocumentMediaType =
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'text/plain';

/** A document of the library: its metadata, moderation state, file facts and extracted text. */
export interface DocumentTable {
  id: string;
  title: string;
  /** BCP 47 tag of the document's language. */
  language: string;
  /** JSON list of ISO 3166-1 alpha-2 codes, upper-case, e.g. `["TH","KH"]`. */
  countries: JsonText;
  corridor_origin: string | null;
  corridor_destination: string | null;
  type: DocumentType;
  programme_id: string | null;
  date: PartialDate;
  source: string | null;
  visibility: Visibility;
  status: DocumentStatus;
  moderation_comment: string | null;
  /** The account that uploaded it; null for seeded documents. */
  submitted_by: string | null;
  /** The uploaded name, sanitised; never used to decide the type. */
  file_name: string;
  media_type: DocumentMediaType;
  size: number;
  sha256: string;
  /** The text extracted from the file, for reading and for the search index. */
  text: string;
  created_at: Instant;
  updated_at: Instant;
  published_at: Instant | null;
}

/** A document's bytes, base64, keyed by the document's id. */
export interface DocumentFileTable {
  id: string;
  content: string;
}

/** A section of a document that participants give feedback on. */
export interface DocumentSectionTable {
  id: string;
  document_id: string;
  heading: string;
  position: number;
  created_at: Instant;
  created_by: string | null;
}

/** A participant's written input on a section: seen by its author, the document's author and the secretariat. */
export interface DocumentInputTable {
  id: string;
  document_id: string;
  section_id: string;
  author_id: string;
  body: string;
  status: InputStatus;
  reply: string | null;
  replied_by: string | null;
  replied_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

/** One searchable record (a text: one per language) as the search index holds it. */
export interface SearchEntryTable {
  /** `kind:record_id` or, for a text, `kind:record_id:language`. */
  id: string;
  kind: string;
  record_id: string;
  language: string | null;
  title: string;
  /** The plain text indexed, kept for snippets. */
  body: string;
  /** ISO 3166-1 alpha-2 codes as `,TH,KH,` (empty when none), so one LIKE filters by country. */
  countries: string;
  type: string | null;
  date: PartialDate | null;
  /** The record's own visibility; what it points to is checked against its table at query time. */
  visibility: Visibility;
  /**
   * Who counts this entry in the ranking's statistics (document frequency, average length): the
   * narrowest visibility of the record and the records it points to, as of its last refresh;
   * null while the record is not published. Never decides what a viewer finds.
   */
  counted_visibility: Visibility | null;
  /** Words in title and body, for BM25's length normalisation. */
  length: number;
}

export interface SearchPostingTable {
  entry_id: string;
  term: string;
  /** 1: title, 0: body. */
  field: number;
  /** 0: the word as written; 1: its diacritic-folded form. */
  form: number;
  tf: number;
  /**
   * The entry's `counted_visibility`, copied (0009): how often a word occurs, counted only within
   * a viewer's scope, picks a prefix's completions without reading the entries.
   */
  counted_visibility: Visibility | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** The whole database. Table order here is the order of creation, backup and restore. */
export interface Database {
  people: PersonTable;
  organizations: OrganizationTable;
  posts: PostTable;
  memberships: MembershipTable;
  programmes: ProgrammeTable;
  programme_sessions: ProgrammeSessionTable;
  participants: ParticipantTable;
  texts: TextTable;
  text_versions: TextVersionTable;
  users: UserTable;
  sessions: SessionTable;
  drives: DriveTable;
  invitations: InvitationTable;
  endorsements: EndorsementTable;
  commitments: CommitmentTable;
  commitment_owners: CommitmentOwnerTable;
  evidence: EvidenceTable;
  follow_ups: FollowUpTable;
  topics: TopicTable;
  visits: VisitTable;
  caucus_statuses: CaucusStatusTable;
  bills: BillTable;
  bill_sponsors: BillSponsorTable;
  bill_actions: BillActionTable;
  body_events: BodyEventTable;
  engagements: EngagementTable;
  collaborations: CollaborationTable;
  workshops: WorkshopTable;
  workshop_groups: WorkshopGroupTable;
  workshop_group_members: WorkshopGroupMemberTable;
  workshop_questions: WorkshopQuestionTable;
  workshop_answers: WorkshopAnswerTable;
  workshop_priorities: WorkshopPriorityTable;
  workshop_areas: WorkshopAreaTable;
  workshop_condensation: WorkshopCondensationTable;
  workshop_picks: WorkshopPickTable;
  login_failures: LoginFailureTable;
  audit_log: AuditTable;
  meta: MetaTable;
  documents: DocumentTable;
  document_files: DocumentFileTable;
  document_sections: DocumentSectionTable;
  document_inputs: DocumentInputTable;
  search_entries: SearchEntryTable;
  search_postings: SearchPostingTable;
}

/**
 * Tables in dependency order (parents first): restore inserts in this order, deletes in reverse.
 * The search index (`search_entries`, `search_postings`) is not among them: it is rebuilt from
 * these by `reindex`.
 */
export const TABLES = [
  'people',
  'organizations',
  'posts',
  'memberships',
  'programmes',
  'programme_sessions',
  'participants',
  'texts',
  'text_versions',
  'users',
  'sessions',
  'drives',
  'invitations',
  'endorsements',
  'commitments',
  'commitment_owners',
  'evidence',
  'follow_ups',
  'topics',
  'visits',
  'caucus_statuses',
  'bills',
  'bill_sponsors',
  'bill_actions',
  'body_events',
  'engagements',
  'collaborations',
  'workshops',
  'workshop_groups',
  'workshop_group_members',
  'workshop_questions',
  'workshop_answers',
  'workshop_priorities',
  'workshop_areas',
  'workshop_condensation',
  'workshop_picks',
  'login_failures',
  'audit_log',
  'meta',
  'documents',
  'document_files',
  'document_sections',
  'document_inputs',
] as const satisfies readonly (keyof Database)[];
export type TableName = (typeof TABLES)[number];
