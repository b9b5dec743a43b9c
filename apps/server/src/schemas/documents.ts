// The document library's requests and responses, as the shared API contract states them.
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, INPUT_STATUSES } from '@tulay/store/vocabulary';
import { z } from 'zod';
import { Id, Language, PartialDate, Text, Visibility } from './common.ts';

/** ISO 3166-1 alpha-2, upper-case, as the knowledge base writes countries. */
export const Country = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals, such as TH');

export const DocumentType = z.enum(DOCUMENT_TYPES);
export const DocumentStatus = z.enum(DOCUMENT_STATUSES);
export const InputStatus = z.enum(INPUT_STATUSES);

const Corridor = z.strictObject({ origin: Country, destination: Country });

/** The `metadata` part of an upload (a JSON string). */
export const DocumentMetadata = z.strictObject({
  title: Text(500),
  language: Language,
  countries: z.array(Country).max(60),
  corridor: Corridor.optional(),
  type: DocumentType,
  programme_id: Id.optional(),
  date: PartialDate,
  source: Text(2000).optional(),
  visibility: Visibility,
});
export type DocumentMetadata = z.output<typeof DocumentMetadata>;

/** A change of metadata: any field of the upload's; `null` clears an optional one. */
export const DocumentPatch = z.strictObject({
  title: Text(500).optional(),
  language: Language.optional(),
  countries: z.array(Country).max(60).optional(),
  corridor: Corridor.nullable().optional(),
  type: DocumentType.optional(),
  programme_id: Id.nullable().optional(),
  date: PartialDate.optional(),
  source: Text(2000).nullable().optional(),
  visibility: Visibility.optional(),
});
export type DocumentPatch = z.output<typeof DocumentPatch>;

/** How an upload is described in the OpenAPI document (the parts are read by hand). */
export const UploadForm = z.object({
  file: z.string().describe('the file: PDF, DOCX or UTF-8 text, at most 20 MiB (binary)'),
  metadata: z
    .string()
    .describe(
      'JSON: { title, language, countries, corridor?, type, programme_id?, date, source?, visibility }',
    ),
});
export const ResubmitForm = z.object({
  file: z.string().optional().describe('a replacement file (optional)'),
  metadata: z.string().optional().describe('JSON: the metadata fields to change (optional)'),
});

export const DocumentOut = z.object({
  id: z.string(),
  title: z.string(),
  language: z.string(),
  countries: z.array(z.string()),
  corridor: z.object({ origin: z.string(), destination: z.string() }).nullable(),
  type: DocumentType,
  programme_id: z.string().nullable(),
  date: z.string(),
  source: z.string().nullable(),
  visibility: Visibility,
  status: DocumentStatus,
  moderation_comment: z.string().nullable(),
  submitted_by: z.object({ id: z.string(), name: z.string() }).nullable(),
  file: z.object({
    name: z.string(),
    media_type: z.string(),
    size: z.number().int(),
    sha256: z.string(),
  }),
  created_at: z.string(),
  updated_at: z.string(),
  published_at: z.string().nullable(),
});

export const DocumentQuery = z.object({
  q: z.string().max(200).optional(),
  type: DocumentType.optional(),
  country: Country.optional(),
  language: Language.optional(),
  status: DocumentStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const Comment = Text(5000);

export const SectionOut = z.object({
  id: z.string(),
  document_id: z.string(),
  heading: z.string(),
  position: z.number().int(),
});

export const SectionIn = z
  .strictObject({
    heading: Text(500).optional(),
    position: z.number().int().min(1).max(10_000).optional(),
    from_headings: z.literal(true).optional(),
  })
  .refine((v) => (v.heading !== undefined) !== (v.from_headings === true), {
    error: 'give either a heading, or from_headings: true to take them from the text',
    path: ['heading'],
  });

export const InputOut = z.object({
  id: z.string(),
  document_id: z.string(),
  section_id: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  body: z.string(),
  status: InputStatus,
  reply: z.string().nullable(),
  replied_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const InputIn = z.strictObject({ section_id: Id, body: Text(20_000) });

export const InputPatch = z
  .strictObject({ status: InputStatus.optional(), reply: Text(20_000).optional() })
  .refine((v) => v.status !== undefined || v.reply !== undefined, {
    error: 'give a status, a reply or both',
    path: ['status'],
  });
