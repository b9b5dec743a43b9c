// The request bodies of the caucus's records. Field names are Popolo's where Popolo has them.
import { z } from 'zod';
import { Id, OcdId, PartialDate, Text, Visibility } from './common.ts';

/** A classification from a controlled but open vocabulary: parliament, party, cso, programme… */
const Slug = z.string().regex(/^[a-z_]{1,40}$/, 'must be lower-case letters and "_"');

const OtherName = z.strictObject({ name: Text(300), note: z.string().max(300).optional() });
const Identifier = z.strictObject({ scheme: Text(100), identifier: Text(300) });
const Link = z.strictObject({ url: z.url().max(2000), note: z.string().max(300).optional() });

export const PersonIn = z.strictObject({
  id: Id.optional(),
  name: Text(300),
  sort_name: Text(300).optional(),
  honorific_prefix: Text(100).optional(),
  national_identity: Text(100).optional(),
  area_id: OcdId.optional(),
  summary: Text(5000).optional(),
  other_names: z.array(OtherName).max(50).optional(),
  identifiers: z.array(Identifier).max(50).optional(),
  links: z.array(Link).max(50).optional(),
  sources: z.array(Link).max(50).optional(),
  visibility: Visibility.optional(),
});

export const OrganizationIn = z.strictObject({
  id: Id.optional(),
  name: Text(300),
  classification: Slug,
  parent_id: Id.optional(),
  area_id: OcdId.optional(),
  founding_date: PartialDate.optional(),
  dissolution_date: PartialDate.optional(),
  description: Text(5000).optional(),
  other_names: z.array(OtherName).max(50).optional(),
  identifiers: z.array(Identifier).max(50).optional(),
  links: z.array(Link).max(50).optional(),
  sources: z.array(Link).max(50).optional(),
  visibility: Visibility.optional(),
});

export const PostIn = z.strictObject({
  id: Id.optional(),
  organization_id: Id,
  label: Text(300),
  role: Text(100).optional(),
  area_id: OcdId.optional(),
  start_date: PartialDate.optional(),
  end_date: PartialDate.optional(),
  visibility: Visibility.optional(),
});

export const MembershipIn = z.strictObject({
  id: Id.optional(),
  person_id: Id,
  organization_id: Id,
  post_id: Id.optional(),
  on_behalf_of_id: Id.optional(),
  role: Text(100).optional(),
  label: Text(300).optional(),
  area_id: OcdId.optional(),
  start_date: PartialDate.optional(),
  end_date: PartialDate.optional(),
  status: z.enum(['current', 'former']).optional(),
  links: z.array(Link).max(50).optional(),
  sources: z.array(Link).max(50).optional(),
  visibility: Visibility.optional(),
});

export const ProgrammeIn = z.strictObject({
  id: Id.optional(),
  name: Text(300),
  classification: Slug,
  series_number: z.number().int().min(1).max(1000).optional(),
  start_date: PartialDate.optional(),
  end_date: PartialDate.optional(),
  city: Text(200).optional(),
  area_id: OcdId.optional(),
  description: Text(10000).optional(),
  organization_ids: z.array(Id).max(50).optional(),
  visibility: Visibility.optional(),
});

export const SessionIn = z.strictObject({
  id: Id.optional(),
  programme_id: Id,
  name: Text(300),
  position: z.number().int().min(0).max(10000),
  start_date: PartialDate.optional(),
  description: Text(10000).optional(),
  visibility: Visibility.optional(),
});

export const ParticipantIn = z.strictObject({
  id: Id.optional(),
  programme_id: Id,
  person_id: Id,
  role: z.enum([
    'participant',
    'speaker',
    'organiser',
    'resource_person',
    'observer',
    'facilitator',
    'chair',
  ]),
  organization_id: Id.optional(),
  visibility: Visibility.optional(),
});

export const CommitmentStatus = z.enum([
  'proposed',
  'in_progress',
  'done',
  'stalled',
  'dropped',
  'unknown',
]);
const Owner = z.strictObject({
  type: z.enum(['person', 'organization', 'country']),
  id: z.string().min(1).max(300),
});

export const CommitmentIn = z.strictObject({
  id: Id.optional(),
  programme_id: Id.optional(),
  title: Text(1000),
  description: Text(10000).optional(),
  status: CommitmentStatus.optional(),
  review_date: PartialDate.optional(),
  owners: z.array(Owner).max(50).optional(),
  visibility: Visibility.optional(),
});

export const EvidenceIn = z.strictObject({
  description: Text(5000),
  url: z.url().max(2000).optional(),
  evidence_date: PartialDate.optional(),
  visibility: Visibility.optional(),
});

export const FollowUpIn = z.strictObject({
  id: Id.optional(),
  commitment_id: Id.optional(),
  title: Text(1000),
  description: Text(10000).optional(),
  due_date: PartialDate.optional(),
  status: z.enum(['open', 'done']).optional(),
  visibility: Visibility.optional(),
});

export const TopicIn = z.strictObject({
  id: Id.optional(),
  kind: z.string().regex(/^[a-z_]{1,40}$/, 'must be lower-case letters and "_"'),
  name: Text(300),
  description: Text(10000).optional(),
  position: z.number().int().min(0).max(10000).optional(),
  visibility: Visibility.optional(),
});

/** A patch: any field of the create body except the id, at least one. */
export function patchOf(schema: z.ZodObject) {
  return schema
    .omit({ id: true } as never)
    .partial()
    .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');
}
