// The document library end to end: a file's type comes from its bytes, submissions are seen only
// by their submitter and the secretariat until published, moderation returns, rejects and
// publishes with comments, and feedback on a draft's sections stays with the secretariat, the
// document's author and each input's own author.
import { createHash } from 'node:crypto';
import { testDatabases } from '@tulay/store/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness, Who } from './harness.ts';
import { harness } from './harness.ts';
import {
  KHMER,
  METADATA,
  RESEARCH,
  THAI,
  docx,
  encryptedPdf,
  executable,
  multipart,
  pdf,
  upload,
  uploadCall,
} from './documents/files.ts';

interface Doc {
  id: string;
  title: string;
  status: string;
  visibility: string;
  moderation_comment: string | null;
  submitted_by: { id: string; name: string } | null;
  countries: string[];
  corridor: { origin: string; destination: string } | null;
  file: { name: string; media_type: string; size: number; sha256: string };
  published_at: string | null;
}
interface ErrorBody {
  error: { code: string; message: string; fields: { path: string; message: string }[] };
}
type List = { items: Doc[]; total: number };

const OTHER_MEMBER = 'other_member';

describe.each(testDatabases)('documents, on $name', (database) => {
  let h: Harness;
  // A fresh seeded database per test; PostgreSQL on a shared machine can take a while to make one.
  beforeEach(async () => {
    h = await harness({ database });
  }, 60_000);
  afterEach(async () => {
    await h.close();
  });

  const send = async (who: Who, call: ReturnType<typeof uploadCall>) =>
    (await h.as(who)).request(call.method, call.url, call.body, call.headers);
  const get = async (who: Who, url: string) => (await h.as(who)).get(url);
  const post = async (who: Who, url: string, body: unknown = {}) =>
    (await h.as(who)).request('POST', url, body);
  const ids = (list: unknown) => (list as List).items.map((d) => d.id);

  describe('upload', () => {
    it('stores a member’s text file as a submission, with its facts and extracted text', async () => {
      const content = `${THAI}\n${KHMER}\nSynthetic text.`;
      const res = await send('member', uploadCall());
      expect(res.status, res.text).toBe(201);
      const doc = res.body as Doc;
      expect(doc).toMatchObject({
        title: METADATA.title,
        status: 'submitted',
        countries: ['TH', 'KH'],
        corridor: { origin: 'KH', destination: 'TH' },
        moderation_comment: null,
        published_at: null,
        submitted_by: { id: h.users.member.id, name: 'Test member' },
        file: {
          name: 'notes.txt',
          media_type: 'text/plain',
          size: Buffer.byteLength(content),
          sha256: createHash('sha256').update(content).digest('hex'),
        },
      });
      const text = await get('member', `/api/documents/${doc.id}/text`);
      expect((text.body as { text: string }).text).toBe(content);
      const audit = await get(
        'secretariat',
        `/api/audit?entity_type=documents&entity_id=${doc.id}`,
      );
      expect(audit.text).toContain('"action":"create"');
    });

    it('publishes the secretariat’s own upload at once', async () => {
      const res = await send('secretariat', uploadCall());
      expect((res.body as Doc).status).toBe('published');
      expect((res.body as Doc).published_at).not.toBeNull();
      expect(ids((await get('public', '/api/documents')).body)).toContain((res.body as Doc).id);
    });

    it('takes the type from the content: a DOCX named report.pdf, a PDF named notes.txt', async () => {
      const word = await upload(
        h,
        'secretariat',
        {},
        {
          name: 'file',
          filename: 'report.pdf',
          contentType: 'application/pdf',
          value: await docx(['Social protection', THAI, KHMER]),
        },
      );
      const asDocx = (await get('public', `/api/documents/${word}`)).body as Doc;
      expect(asDocx.file.media_type).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(asDocx.file.name).toBe('report.pdf');
      const wordText = (await get('public', `/api/documents/${word}/text`)).body as {
        text: string;
      };
      expect(wordText.text).toContain(KHMER);

      const bytes = pdf('Portability of benefits', THAI);
      const portable = await upload(
        h,
        'secretariat',
        {},
        {
          name: 'file',
          filename: 'notes.txt',
          contentType: 'text/plain',
          value: bytes,
        },
      );
      const asPdf = (await get('public', `/api/documents/${portable}`)).body as Doc;
      expect(asPdf.file.media_type).toBe('application/pdf');
      const pdfText = (await get('public', `/api/documents/${portable}/text`)).body as {
        text: string;
      };
      expect(pdfText.text).toContain('Portability of benefits');
      expect(pdfText.text).toContain(THAI);
      const file = await get('public', `/api/documents/${portable}/file`);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toMatch(/^attachment; filename="notes.txt"/);
      expect(asPdf.file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      const raw = await h.app.inject({ method: 'GET', url: `/api/documents/${portable}/file` });
      expect(raw.rawPayload.equals(bytes)).toBe(true);
    });

    it('refuses an executable renamed .pdf with 415 saying what it is', async () => {
      const res = await send(
        'member',
        uploadCall({}, '/api/documents', {
          file: {
            name: 'file',
            filename: 'report.pdf',
            contentType: 'application/pdf',
            value: executable(),
          },
        }),
      );
      expect(res.status, res.text).toBe(415);
      const body = res.body as ErrorBody;
      expect(body.error.code).toBe('unsupported_media_type');
      expect(body.error.message).toMatch(/application\/x-msdownload|exe/);
      expect(body.error.fields[0]?.path).toBe('file');
    });

    it('reports an encrypted PDF as unreadable (422), and stores nothing', async () => {
      const res = await send(
        'member',
        uploadCall({}, '/api/documents', {
          file: { name: 'file', filename: 'locked.pdf', value: encryptedPdf() },
        }),
      );
      expect(res.status, res.text).toBe(422);
      expect((res.body as ErrorBody).error.code).toBe('unreadable_document');
      expect((res.body as ErrorBody).error.message).toMatch(/encrypted|password/);
      expect(((await get('member', '/api/documents/mine')).body as List).total).toBe(0);
    });

    it('refuses a file over 20 MiB with 413 naming the limit', async () => {
      const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x61);
      const res = await send(
        'member',
        uploadCall({}, '/api/documents', {
          file: { name: 'file', filename: 'big.txt', value: big },
        }),
      );
      expect(res.status, res.text.slice(0, 300)).toBe(413);
      expect((res.body as ErrorBody).error.code).toBe('payload_too_large');
      expect((res.body as ErrorBody).error.message).toContain('20 MiB');
    });

    it('refuses a form with too many parts, and one cut short with the parser’s words', async () => {
      const metadata = { name: 'metadata', value: JSON.stringify(METADATA) };
      const crowded = multipart([metadata, metadata, metadata, metadata]);
      const many = await (
        await h.as('member')
      ).request('POST', '/api/documents', crowded.body, crowded.headers);
      expect(many.status, many.text).toBe(400);
      expect((many.body as ErrorBody).error.message).toBe(
        'the form has too many parts: send one file and its metadata',
      );
      const call = uploadCall();
      const whole = call.body as Buffer;
      const cut = await send('member', { ...call, body: whole.subarray(0, whole.length - 40) });
      expect(cut.status, cut.text).toBe(400);
      expect((cut.body as ErrorBody).error.message).toMatch(
        /^the multipart body could not be read: \S/,
      );
      expect(((await get('member', '/api/documents/mine')).body as List).total).toBe(0);
    });

    it('names each wrong metadata field, a missing file, and bad JSON', async () => {
      const wrong = await send(
        'member',
        uploadCall({ countries: ['TH', 'kh'], type: 'memo', date: '2026-13', extra: 1 }),
      );
      expect(wrong.status).toBe(400);
      expect((wrong.body as ErrorBody).error.fields.map((f) => f.path)).toEqual(
        expect.arrayContaining([
          'metadata.countries[1]',
          'metadata.type',
          'metadata.date',
          'metadata.extra',
        ]),
      );
      const noFile = await send('member', uploadCall({}, '/api/documents', { file: null }));
      expect((noFile.body as ErrorBody).error.fields[0]?.path).toBe('file');
      const call = uploadCall();
      const badJson = await send('member', {
        ...call,
        body: Buffer.from(
          (call.body as Buffer).toString('latin1').replace('{"title"', '{title'),
          'latin1',
        ),
      });
      expect((badJson.body as ErrorBody).error.fields[0]?.path).toBe('metadata');
      const unknownProgramme = await send('member', uploadCall({ programme_id: 'nowhere' }));
      expect((unknownProgramme.body as ErrorBody).error.fields[0]?.path).toBe(
        'metadata.programme_id',
      );
      const json = await post('member', '/api/documents', METADATA);
      expect(json.status).toBe(415);
    });

    it('needs sign-in and a CSRF token', async () => {
      expect((await send('public', uploadCall())).status).toBe(401);
      const call = uploadCall();
      const res = await h.app.inject({
        method: 'POST',
        url: call.url,
        payload: call.body as Buffer,
        headers: call.headers ?? {},
      });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('who sees what', () => {
    it('filters by viewer and status in the list, the detail, the file and the text', async () => {
      const submission = await upload(h, 'member', { visibility: 'public' });
      const caucusDoc = await upload(h, 'secretariat', { visibility: 'caucus' });
      const secretDoc = await upload(h, 'secretariat', { visibility: 'secretariat' });
      const partnerOwn = await upload(h, 'partner', { visibility: 'secretariat' });
      const seen: Record<string, string[]> = {};
      for (const who of ['public', 'member', 'partner', 'secretariat', 'admin'] as const) {
        seen[who] = ids((await get(who, '/api/documents?limit=100')).body);
      }
      expect(seen.public).toContain('caucus_report_phnom_penh_2011');
      expect(seen.public).not.toContain(submission);
      expect(seen.public).not.toContain(caucusDoc);
      expect(seen.public).not.toContain(RESEARCH);
      expect(seen.member).toEqual(expect.arrayContaining([submission, caucusDoc, RESEARCH]));
      expect(seen.member).not.toContain(secretDoc);
      expect(seen.member).not.toContain(partnerOwn);
      expect(seen.partner).toEqual(expect.arrayContaining([partnerOwn, caucusDoc]));
      expect(seen.partner).not.toContain(submission);
      for (const who of ['secretariat', 'admin'] as const)
        expect(seen[who]).toEqual(
          expect.arrayContaining([submission, caucusDoc, secretDoc, partnerOwn]),
        );
      for (const path of ['', '/file', '/text']) {
        expect((await get('partner', `/api/documents/${submission}${path}`)).status).toBe(404);
        expect((await get('public', `/api/documents/${caucusDoc}${path}`)).status).toBe(404);
        expect((await get('member', `/api/documents/${submission}${path}`)).status).toBe(200);
      }
      const publicView = (await get('public', '/api/documents/caucus_report_phnom_penh_2011'))
        .body as Doc;
      expect(publicView.submitted_by).toBeNull();
      const mine = (await get('partner', '/api/documents/mine')).body as List;
      expect(mine.items.map((d) => d.id)).toEqual([partnerOwn]);
      expect((await get('public', '/api/documents/mine')).status).toBe(401);
    });

    it('filters by type, country, language and title', async () => {
      await upload(h, 'secretariat', { title: 'Zq Thai news', countries: ['TH'], language: 'th' });
      const byCountry = (await get('public', '/api/documents?country=TH&type=news')).body as List;
      expect(byCountry.items.map((d) => d.title)).toEqual(['Zq Thai news']);
      expect(byCountry.total).toBe(1);
      expect(
        ((await get('public', '/api/documents?country=SG&type=news')).body as List).total,
      ).toBe(0);
      expect(((await get('public', '/api/documents?language=th&q=zq')).body as List).total).toBe(1);
      expect(((await get('public', '/api/documents?type=report')).body as List).total).toBe(1);
    });
  });

  describe('in search', () => {
    it('finds a document by its extracted text once published; before, only its submitter', async () => {
      const hits = async (who: Who, q: string) =>
        (
          (await get(who, `/api/search?kind=document&q=${encodeURIComponent(q)}`)).body as {
            items: { id: string }[];
          }
        ).items.map((i) => i.id);
      const doc = (await send('member', uploadCall({ title: 'Zqfeedback memo' }))).body as Doc;
      expect(await hits('member', 'Zqfeedback')).toContain(doc.id);
      expect(await hits('public', 'Zqfeedback')).not.toContain(doc.id);
      expect(await hits('partner', 'Zqfeedback')).not.toContain(doc.id);
      expect(await hits('secretariat', 'Zqfeedback')).toContain(doc.id);
      expect((await post('secretariat', `/api/documents/${doc.id}/publish`)).status).toBe(200);
      expect(await hits('public', 'Zqfeedback')).toContain(doc.id);
      expect(await hits('public', 'Synthetic')).toContain(doc.id);
    });
  });

  describe('in the corridor view', () => {
    it('lists the documents of either end the viewer may see', async () => {
      const corridor = (
        await send('secretariat', uploadCall({ title: 'KH to TH brief', countries: ['KH'] }))
      ).body as Doc;
      const other = (
        await send(
          'secretariat',
          uploadCall({ title: 'PH to JP brief', countries: ['PH'], corridor: undefined }),
        )
      ).body as Doc;
      const internal = (
        await send('secretariat', uploadCall({ title: 'Caucus only', visibility: 'caucus' }))
      ).body as Doc;
      const submitted = (await send('member', uploadCall({ title: 'Not yet moderated' })))
        .body as Doc;
      const docsOf = async (who: Who, url: string) =>
        ((await get(who, url)).body as { documents: Doc[] }).documents.map((d) => d.id);

      const publicView = await docsOf('public', '/api/corridors/TH/KH');
      expect(publicView).toContain(corridor.id);
      expect(publicView).not.toContain(other.id);
      expect(publicView).not.toContain(internal.id);
      expect(publicView).not.toContain(submitted.id);
      expect(await docsOf('member', '/api/corridors/KH/TH')).toEqual(
        expect.arrayContaining([corridor.id, internal.id, submitted.id]),
      );
      expect(await docsOf('partner', '/api/corridors/KH/TH')).not.toContain(submitted.id);
      expect(await docsOf('public', '/api/corridors/PH/JP')).toContain(other.id);
    });
  });

  describe('moderation', () => {
    it('submit → return with comment → resubmit → publish, then the public sees it', async () => {
      const id = await upload(h, 'member');
      const queue = (await get('secretariat', '/api/moderation/documents')).body as List;
      expect(queue.items.map((d) => d.id)).toContain(id);
      expect((await get('member', '/api/moderation/documents')).status).toBe(403);

      const returned = await post('secretariat', `/api/documents/${id}/return`, {
        comment: 'Please name the source',
      });
      expect(returned.status, returned.text).toBe(200);
      expect(returned.body).toMatchObject({
        status: 'returned',
        moderation_comment: 'Please name the source',
      });
      const mine = (await get('member', '/api/documents/mine')).body as List;
      expect(mine.items[0]).toMatchObject({ id, status: 'returned' });
      expect(ids((await get('secretariat', '/api/moderation/documents')).body)).not.toContain(id);
      expect(
        ((await post('secretariat', `/api/documents/${id}/return`, {})).body as ErrorBody).error
          .fields[0]?.path,
      ).toBe('body.comment');

      const newFile = await docx(['Revised', THAI]);
      const resubmitted = await send(
        'member',
        uploadCall({ source: 'Synthetic source' }, `/api/documents/${id}/resubmit`, {
          isPartial: true,
          file: { name: 'file', filename: 'revised.docx', value: newFile },
        }),
      );
      expect(resubmitted.status, resubmitted.text).toBe(200);
      expect(resubmitted.body).toMatchObject({
        status: 'submitted',
        source: 'Synthetic source',
        title: METADATA.title,
        file: {
          name: 'revised.docx',
          sha256: createHash('sha256').update(newFile).digest('hex'),
        },
      });
      expect((await get('member', `/api/documents/${id}/text`)).text).toContain('Revised');
      expect((await get('public', `/api/documents/${id}`)).status).toBe(404);

      // Publishing takes no body at all.
      const published = await (
        await h.as('secretariat')
      ).request('POST', `/api/documents/${id}/publish`);
      expect((published.body as Doc).status).toBe('published');
      expect((published.body as Doc).published_at).not.toBeNull();
      expect((await get('public', `/api/documents/${id}`)).status).toBe(200);
      expect(ids((await get('public', '/api/documents?limit=100')).body)).toContain(id);
      // Published: the submitter may no longer change it, nor resubmit.
      const late = await (
        await h.as('member')
      ).request('PATCH', `/api/documents/${id}`, {
        title: 'Changed',
      });
      expect(late.status).toBe(409);
      expect(
        (await post('secretariat', `/api/documents/${id}/return`, { comment: 'x' })).status,
      ).toBe(409);
    });

    it('reject with a comment: the document stays hidden and cannot be resubmitted', async () => {
      const id = await upload(h, 'partner');
      const rejected = await post('admin', `/api/documents/${id}/reject`, {
        comment: 'Out of scope',
      });
      expect(rejected.body).toMatchObject({
        status: 'rejected',
        moderation_comment: 'Out of scope',
      });
      expect((await get('public', `/api/documents/${id}`)).status).toBe(404);
      expect((await get('member', `/api/documents/${id}`)).status).toBe(404);
      expect(((await get('partner', '/api/documents/mine')).body as List).items[0]?.status).toBe(
        'rejected',
      );
      const again = await send(
        'partner',
        uploadCall({}, `/api/documents/${id}/resubmit`, { isPartial: true, file: null }),
      );
      expect(again.status).toBe(409);
      expect((await post('secretariat', `/api/documents/${id}/publish`, {})).status).toBe(409);
    });

    it('lets only the submitter or the secretariat change metadata or resubmit', async () => {
      const id = await upload(h, 'member');
      const patch = (who: Who, body: unknown) =>
        h.as(who).then((c) => c.request('PATCH', `/api/documents/${id}`, body));
      expect((await patch('public', { title: 'x' })).status).toBe(401);
      expect((await patch('partner', { title: 'x' })).status).toBe(404);
      // Staff act for the same member but did not submit the document.
      expect((await patch('staff', { title: 'x' })).status).toBe(404);
      const own = await patch('member', { title: 'Own title', corridor: null });
      expect(own.body).toMatchObject({ title: 'Own title', corridor: null });
      const bySecretariat = await patch('secretariat', { visibility: 'caucus' });
      expect((bySecretariat.body as Doc).visibility).toBe('caucus');
      expect(
        ((await patch('member', { countries: ['th'] })).body as ErrorBody).error.fields[0]?.path,
      ).toBe('body.countries.0');
      await post('secretariat', `/api/documents/${id}/return`, { comment: 'Fix it' });
      const resubmit = (who: Who) =>
        send(who, uploadCall({}, `/api/documents/${id}/resubmit`, { isPartial: true, file: null }));
      expect((await resubmit('public')).status).toBe(401);
      expect((await resubmit('partner')).status).toBe(404);
      expect((await resubmit('secretariat')).status).toBe(403);
      expect((await resubmit('member')).status).toBe(200);
    });
  });

  describe('research feedback', () => {
    const section = `${RESEARCH}__s05`;

    it('has the seeded draft with sections from the report’s headings and no inputs', async () => {
      const sections = (await get('member', `/api/documents/${RESEARCH}/sections`)).body as {
        items: { heading: string }[];
      };
      expect(sections.items.map((s) => s.heading)).toEqual(
        expect.arrayContaining([
          "Migrant Workers' Rights to Social Protection",
          'Recommendations Emerging from the Research',
          'Thailand',
        ]),
      );
      const inputs = (await get('secretariat', `/api/documents/${RESEARCH}/inputs`)).body as {
        items: unknown[];
      };
      expect(inputs.items).toEqual([]);
      expect((await get('public', `/api/documents/${RESEARCH}/sections`)).status).toBe(404);
    });

    it('shows an input to its author and the secretariat only; the secretariat replies', async () => {
      const given = await post('member', `/api/documents/${RESEARCH}/inputs`, {
        section_id: section,
        body: 'The MOU list needs the 2011 Cambodia–Thailand MOU.',
      });
      expect(given.status, given.text).toBe(201);
      const input = given.body as { id: string; status: string; author: { id: string } };
      expect(input).toMatchObject({ status: 'open', author: { id: h.users.member.id } });
      const visible = async (who: Who) =>
        (
          (await get(who, `/api/documents/${RESEARCH}/inputs`)).body as { items: { id: string }[] }
        ).items.map((i) => i.id);
      expect(await visible('member')).toEqual([input.id]);
      expect(await visible('partner')).toEqual([]);
      expect(await visible('staff')).toEqual([]);
      expect(await visible('secretariat')).toEqual([input.id]);
      expect(await visible('admin')).toEqual([input.id]);
      expect((await get('public', `/api/documents/${RESEARCH}/inputs`)).status).toBe(401);

      const patch = (who: Who, body: unknown) =>
        h.as(who).then((c) => c.request('PATCH', `/api/inputs/${input.id}`, body));
      expect((await patch('member', { status: 'accepted' })).status).toBe(403);
      expect((await patch('partner', { status: 'accepted' })).status).toBe(403);
      const replied = await patch('secretariat', { status: 'addressed', reply: 'In draft 2.' });
      expect(replied.body).toMatchObject({ status: 'addressed', reply: 'In draft 2.' });
      const wrongSection = await post('member', `/api/documents/${RESEARCH}/inputs`, {
        section_id: 'caucus_report_phnom_penh_2011__s01',
        body: 'x',
      });
      expect((wrongSection.body as ErrorBody).error.fields[0]?.path).toBe('body.section_id');
    });

    it('lets a document’s author see every input on it and set their status', async () => {
      const id = await upload(
        h,
        'member',
        { type: 'research', visibility: 'caucus' },
        {
          name: 'file',
          filename: 'draft.md',
          value: `# Draft on portability\n\n## Findings\n\n${THAI}\n\n## Recommendations\n\nText.`,
        },
      );
      await post('secretariat', `/api/documents/${id}/publish`, {});
      const sections = (await get('partner', `/api/documents/${id}/sections`)).body as {
        items: { id: string; heading: string }[];
      };
      expect(sections.items.map((s) => s.heading)).toEqual([
        'Draft on portability',
        'Findings',
        'Recommendations',
      ]);
      const given = await post('partner', `/api/documents/${id}/inputs`, {
        section_id: sections.items[1]?.id,
        body: 'Cite the source of the figures.',
      });
      const inputId = (given.body as { id: string }).id;
      const authorView = (await get('member', `/api/documents/${id}/inputs`)).body as {
        items: { id: string }[];
      };
      expect(authorView.items.map((i) => i.id)).toEqual([inputId]);
      expect(
        ((await get('staff', `/api/documents/${id}/inputs`)).body as { items: [] }).items,
      ).toEqual([]);
      const declined = await (
        await h.as('member')
      ).request('PATCH', `/api/inputs/${inputId}`, {
        status: 'declined',
        reply: 'Out of scope for this draft.',
      });
      expect(declined.body).toMatchObject({ status: 'declined' });
      // The author adds a section of their own; another member may not.
      expect(
        (await post('member', `/api/documents/${id}/sections`, { heading: 'Annex' })).status,
      ).toBe(201);
      expect(
        (await post('partner', `/api/documents/${id}/sections`, { heading: 'Annex' })).status,
      ).toBe(403);
      expect(
        (await post('member', `/api/documents/${id}/sections`, { from_headings: true })).status,
      ).toBe(409);
    });
  });
});

describe.each(testDatabases)('another member’s submission, on $name', (database) => {
  let h: Harness;
  // A fresh seeded database per test; PostgreSQL on a shared machine can take a while to make one.
  beforeEach(async () => {
    h = await harness({ database });
  }, 60_000);
  afterEach(async () => {
    await h.close();
  });

  it('is invisible to a second member, as are their inputs', async () => {
    const { addSignedInMember } = await import('./signed-in-member.ts');
    const { clientFor } = await import('./harness.ts');
    const token = await addSignedInMember(h.store.repos, {
      personId: OTHER_MEMBER,
      userId: crypto.randomUUID(),
      email: 'other@example.org',
      name: 'Other Member',
      now: new Date().toISOString(),
    });
    const other = await clientFor(h.app, token);
    const id = await upload(h, 'member');
    expect((await other.get(`/api/documents/${id}`)).status).toBe(404);
    expect(
      ((await other.get('/api/documents?limit=100')).body as List).items.map((d) => d.id),
    ).not.toContain(id);
    expect(((await other.get('/api/documents/mine')).body as List).total).toBe(0);
    const member = await h.as('member');
    await member.request('POST', `/api/documents/${RESEARCH}/inputs`, {
      section_id: `${RESEARCH}__s01`,
      body: 'Mine only.',
    });
    const theirs = (await other.get(`/api/documents/${RESEARCH}/inputs`)).body as { items: [] };
    expect(theirs.items).toEqual([]);
  });
});
