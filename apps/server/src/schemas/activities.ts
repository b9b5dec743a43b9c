// The request bodies of the caucus's activities: exchange visits, national caucuses, bills,
// bodies' meetings, engagements and collaborations.
import { isCountryCode } from '@tulay/engine';
import { BILL_ACTIONS, CAUCUS_STATUSES } from '@tulay/store/vocabulary';
import { z } from 'zod';
import { Id, PartialDate, Text, Visibility } from './common.ts';

/** An ISO 3166-1 alpha-2 country code in capitals, as the knowledge base writes them. */
export const Country = z
  .string()
  .refine(
    (code) => /^[A-Z]{2}$/.test(code) && isCountryCode(code),
    'must be an ISO 3166-1 alpha-2 country code in capitals, e.g. TH',
  );

const SourceIn = z.strictObject({
  title: Text(500),
  url: z.url().max(2000).optional(),
  publisher: Text(300).optional(),
  accessed: PartialDate.optional(),
  /** Whether the fact was checked against the source. */
  verified: z.boolean().optional(),
});

const Site = z.strictObject({
  name: Text(300),
  kind: z
    .enum(['government_office', 'migrant_community', 'workplace', 'parliament', 'other'])
    .optional(),
});

const Recommendation = z.union([
  Text(5000),
  z.strictObject({ text: Text(5000), commitment_id: Id.nullable().optional() }),
]);

export const VisitIn = z.strictObject({
  id: Id.optional(),
  title: Text(500),
  host_country: Country,
  visiting_countries: z.array(Country).min(1).max(30),
  delegation_person_ids: z.array(Id).max(100).optional(),
  sites: z.array(Site).max(100).optional(),
  start_date: PartialDate.optional(),
  end_date: PartialDate.optional(),
  findings: Text(20000).optional(),
  report_document_id: Id.optional(),
  recommendations: z.array(Recommendation).max(100).optional(),
  source: SourceIn.optional(),
  visibility: Visibility.optional(),
});

export const RecommendationParams = z.object({
  id: Id,
  n: z.coerce.number().int().min(0).max(99),
});

const Owner = z.strictObject({
  type: z.enum(['person', 'organization', 'country']),
  id: z.string().min(1).max(300),
});

export const RecommendationCommitmentIn = z.strictObject({
  title: Text(1000).optional(),
  description: Text(10000).optional(),
  status: z.enum(['proposed', 'in_progress', 'done', 'stalled', 'dropped', 'unknown']).optional(),
  review_date: PartialDate.optional(),
  owners: z.array(Owner).max(50).optional(),
  visibility: Visibility.optional(),
});

export const CaucusStatusName = z.enum(CAUCUS_STATUSES);

export const NationalCaucusIn = z.strictObject({
  id: Id.optional(),
  country: Country,
  parliament_id: Id,
  name: Text(300),
  status: CaucusStatusName,
  status_date: PartialDate,
  founding_date: PartialDate.optional(),
  description: Text(5000).optional(),
  note: Text(2000).optional(),
  /** Where the first status is known from, as a later change's `source`. */
  source: Text(2000).optional(),
  visibility: Visibility.optional(),
});

export const CaucusStatusIn = z.strictObject({
  status: CaucusStatusName,
  status_date: PartialDate,
  note: Text(2000).optional(),
  source: Text(2000).optional(),
  /** Default: the caucus's own. */
  visibility: Visibility.optional(),
});

/** One entry of a caucus's status history. */
export const CaucusStatusParams = z.object({ id: Id, status_id: Id });

/** A correction of an entry, or its publication: any of its fields; `null` clears a note or source. */
export const CaucusStatusPatch = z
  .strictObject({
    status: CaucusStatusName.optional(),
    status_date: PartialDate.optional(),
    note: Text(2000).nullable().optional(),
    source: Text(2000).nullable().optional(),
    visibility: Visibility.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');

/** What can happen to a bill: the vocabulary the web app shares (docs/api.md). */
export const BillActionName = z.enum(BILL_ACTIONS, {
  error: (issue) =>
    `"${String(issue.input)}" is not a bill action: use one of ${BILL_ACTIONS.join(', ')}`,
});

export const BillActionIn = z.strictObject({
  date: PartialDate,
  classification: BillActionName,
  description: Text(2000).optional(),
});

const Sponsor = z.strictObject({
  person_id: Id,
  classification: z.enum(['primary', 'cosponsor']),
});

const BillVersion = z
  .strictObject({
    date: PartialDate,
    note: Text(1000),
    url: z.url().max(2000).optional(),
    document_id: Id.optional(),
  })
  .refine((v) => v.url !== undefined || v.document_id !== undefined, {
    error: 'give a url or a document_id',
    path: ['url'],
  });

export const BillIn = z.strictObject({
  id: Id.optional(),
  organization_id: Id,
  identifier: Text(100),
  title: Text(1000),
  summary: Text(20000).optional(),
  sponsors: z.array(Sponsor).max(200).optional(),
  versions: z.array(BillVersion).max(200).optional(),
  actions: z.array(BillActionIn).max(500).optional(),
  commitment_ids: z.array(Id).max(100).optional(),
  topic_ids: z.array(Id).max(20).optional(),
  source: SourceIn.optional(),
  visibility: Visibility.optional(),
});

/** An iCalendar recurrence rule for meetings whose dates repeat exactly (RFC 5545 RRULE). */
const Recurrence = z
  .string()
  .max(200)
  .regex(
    /^FREQ=(YEARLY|MONTHLY|WEEKLY)(;(INTERVAL=\d{1,3}|COUNT=\d{1,4}|UNTIL=\d{8}|BYMONTH=\d{1,2}(,\d{1,2})*|BYMONTHDAY=-?\d{1,2}))*$/,
    'must be an RRULE such as FREQ=YEARLY;INTERVAL=1',
  );

/** How often a body meets when the dates vary (an annual assembly hosted in turn). */
const Cycle = z.strictObject({
  frequency: z.enum(['yearly', 'twice_yearly', 'biennial', 'irregular']),
  note: Text(1000).optional(),
});

export const BodyEventIn = z.strictObject({
  id: Id.optional(),
  organization_id: Id,
  title: Text(500),
  start_date: PartialDate.optional(),
  end_date: PartialDate.optional(),
  place: Text(300).optional(),
  recurrence: Recurrence.optional(),
  cycle: Cycle.optional(),
  description: Text(5000).optional(),
  is_verified: z.boolean().optional(),
  source: SourceIn.optional(),
  visibility: Visibility.optional(),
});

export const EngagementIn = z.strictObject({
  id: Id.optional(),
  organization_id: Id,
  event_id: Id.optional(),
  title: Text(500),
  engagement_date: PartialDate.optional(),
  asked: Text(20000).optional(),
  response: Text(20000).optional(),
  commitment_ids: z.array(Id).max(100).optional(),
  source: SourceIn.optional(),
  visibility: Visibility.optional(),
});

export const CollaborationIn = z.strictObject({
  id: Id.optional(),
  organization_id: Id,
  topic_id: Id.optional(),
  title: Text(500),
  description: Text(20000).optional(),
  start_date: PartialDate.optional(),
  end_date: PartialDate.optional(),
  commitment_ids: z.array(Id).max(100).optional(),
  source: SourceIn.optional(),
  visibility: Visibility.optional(),
});

export const CorridorParams = z.object({ origin: Country, destination: Country });
export const CorridorQuery = z.object({ at: PartialDate.optional() });
export const CalendarQuery = z.object({ body: Id.optional() });
