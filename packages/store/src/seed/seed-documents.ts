// The library's first documents: the founding report itself, and the research on social
// protection it describes, as a draft open to participants' feedback section by section. Both are
// built from the report's own text (docs/seed/), so nothing here is invented: the research paper
// itself is not in the repository, only the report's account of it.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownHeadings } from '../document-headings.ts';
import type { DocumentTable } from '../schema.ts';
import type { Repositories } from '../store.ts';

/** The report's Markdown copy that ships with the repository. */
export const REPORT_PATH = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'docs',
  'seed',
  'caucus-report-phnom-penh-2011.md',
);

export const REPORT_DOCUMENT_ID = 'caucus_report_phnom_penh_2011';
export const RESEARCH_DOCUMENT_ID = 'research_social_protection_2011';

/** Where the research's account starts and where the report moves on to other matters. */
const RESEARCH_FROM = "## Migrant Workers' Rights to Social Protection";
const RESEARCH_TO = '## *Further Insights Based on National Contexts*';

interface SeedDocument {
  row: Omit<DocumentTable, 'size' | 'sha256' | 'text' | 'media_type'>;
  content: Buffer;
  /** Derive the feedback sections from the text's headings. */
  hasSections: boolean;
}

function documentsOf(report: string, now: string): SeedDocument[] {
  const start = report.indexOf(RESEARCH_FROM);
  const end = report.indexOf(RESEARCH_TO);
  const base = {
    language: 'en',
    corridor_origin: null,
    corridor_destination: null,
    programme_id: 'phnom_penh_2011',
    status: 'published' as const,
    moderation_comment: null,
    submitted_by: null,
    created_at: now,
    updated_at: now,
    published_at: now,
  };
  const out: SeedDocument[] = [
    {
      row: {
        ...base,
        id: REPORT_DOCUMENT_ID,
        title:
          "Migrant Workers' Rights to Social Protection: narrative report of the 5th Inter-Parliamentary Caucus on Labour Migration, Phnom Penh, 15–17 September 2011",
        // The participants' countries, as the report's Summary lists them.
        countries: JSON.stringify(['KH', 'ID', 'PH', 'TH', 'MY', 'SG', 'LA', 'VN', 'IN', 'NP']),
        type: 'report',
        // The report gives the programme's dates, not its own publication date.
        date: '2011-09',
        source:
          'The narrative report itself (docs/seed/caucus-report-phnom-penh-2011.md); its date is the programme’s month, the report states no publication date (unverified).',
        visibility: 'public',
        file_name: 'caucus-report-phnom-penh-2011.md',
      },
      content: Buffer.from(report, 'utf8'),
      hasSections: false,
    },
  ];
  if (start >= 0 && end > start) {
    out.push({
      row: {
        ...base,
        id: RESEARCH_DOCUMENT_ID,
        title:
          "Migrant Workers' Rights to Social Protection in ASEAN (research draft by Andy Hall, as the 2011 report summarises it)",
        // The research's four case studies (report, "Migrant Workers' Rights to Social Protection").
        countries: JSON.stringify(['ID', 'PH', 'TH', 'SG']),
        type: 'research',
        date: '2011-09',
        source:
          'The 2011 report, sections "Migrant Workers\' Rights to Social Protection" and "Summary of Case Study Findings": the report\'s account of the preliminary findings presented in Phnom Penh, not the paper itself.',
        // A draft for the caucus's feedback, as the report says participants' inputs feed the next draft.
        visibility: 'caucus',
        file_name: 'social-protection-research-2011-summary.md',
      },
      content: Buffer.from(report.slice(start, end).trimEnd() + '\n', 'utf8'),
      hasSections: true,
    });
  }
  return out;
}

/**
 * Adds the seed documents that are not there yet (by id); an existing one is left as it is, with
 * its sections and any feedback. Returns the number of documents and sections created.
 */
export async function seedDocuments(
  repos: Repositories,
  now: string,
  path = REPORT_PATH,
): Promise<{ created: Record<string, number>; skipped: string[] }> {
  const created: Record<string, number> = {};
  if (!existsSync(path)) return { created, skipped: [`documents: no report at ${path}`] };
  const skipped: string[] = [];
  const report = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const audit = (entityType: string, entityId: string, after: unknown) =>
    repos.audit.record({
      id: randomUUID(),
      at: now,
      actor: 'seed',
      action: 'create',
      entityType,
      entityId,
      before: null,
      after,
    });
  for (const document of documentsOf(report, now)) {
    if (await repos.documents.exists(document.row.id)) continue;
    if (!(await repos.records.exists('programmes', document.row.programme_id ?? ''))) {
      skipped.push(
        `documents ${document.row.id}: no programme_id "${document.row.programme_id ?? ''}"`,
      );
      continue;
    }
    const row: DocumentTable = {
      ...document.row,
      media_type: 'text/plain',
      size: document.content.byteLength,
      sha256: createHash('sha256').update(document.content).digest('hex'),
      text: document.content.toString('utf8'),
    };
    await repos.documents.insert(row, document.content.toString('base64'));
    // The audit keeps the metadata; the text and bytes are in the document itself.
    await audit('documents', row.id, { ...row, text: `(${row.text.length} characters)` });
    created.documents = (created.documents ?? 0) + 1;
    if (!document.hasSections) continue;
    for (const [i, { heading }] of markdownHeadings(row.text).entries()) {
      const section = {
        id: `${row.id}__s${String(i + 1).padStart(2, '0')}`,
        document_id: row.id,
        heading,
        position: i + 1,
        created_at: now,
        created_by: null,
      };
      await repos.documents.addSection(section);
      await audit('document_sections', section.id, section);
      created.document_sections = (created.document_sections ?? 0) + 1;
    }
  }
  return { created, skipped };
}
