// The caucus's own rules: the report's content is there on first start, endorsements are once
// per verified member with their office that day, drives show who answered, texts keep versions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSeed } from '@tulay/store';
import type { Harness } from './harness.ts';
import { PASSWORD, harness } from './harness.ts';
import { clientFor } from './harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

type Endorsement = {
  office: { organization_name: string; label: string | null }[];
  signed_on: string;
  text_version: number;
};

describe("the report's caucus, loaded on first start", () => {
  it('has the resolution, the statement, the programme series and the named participants', async () => {
    const visitor = await clientFor(h.app, undefined);
    const texts = (await visitor.get('/api/texts')).body as {
      items: { id: string; kind: string; endorsement_count: number }[];
    };
    expect(texts.items.map((t) => t.kind)).toEqual(
      expect.arrayContaining(['resolution', 'statement']),
    );
    const programmes = (await visitor.get('/api/programmes?limit=50')).body as {
      items: { city?: string; series_number?: number }[];
    };
    const series = programmes.items.filter((p) => p.series_number !== undefined).map((p) => p.city);
    expect(series).toEqual(
      expect.arrayContaining(['Manila', 'Singapore', 'Bangkok', 'Hanoi', 'Phnom Penh']),
    );
    const phnomPenh = (await visitor.get('/api/programmes/phnom_penh_2011')).body as {
      participants: { role: string }[];
      sessions: unknown[];
    };
    expect(phnomPenh.participants.length).toBeGreaterThanOrEqual(15);
    expect(phnomPenh.participants.some((p) => p.role === 'speaker')).toBe(true);
    expect(phnomPenh.sessions.length).toBeGreaterThan(0);
    const topics = (await visitor.get('/api/topics?kind=area_for_action')).body as {
      total: number;
    };
    expect(topics.total).toBe(6); // the five areas for action, plus the test harness's own
    const due = (await visitor.get('/api/follow-ups?limit=100')).body as { total: number };
    expect(due.total).toBeGreaterThanOrEqual(6);
  });

  it('loads idempotently: a second load creates nothing and keeps edits', async () => {
    const secretariat = await h.as('secretariat');
    const [first] = (
      (await secretariat.get('/api/people?limit=1')).body as { items: { id: string }[] }
    ).items;
    await secretariat.request('PATCH', `/api/people/${first?.id ?? ''}`, {
      summary: 'Edited by the secretariat',
    });
    const report = await loadSeed(h.store);
    expect(report.created).toEqual({});
    const person = (await secretariat.get(`/api/people/${first?.id ?? ''}`)).body as {
      summary: string;
    };
    expect(person.summary).toBe('Edited by the secretariat');
  });
});

describe('endorsements', () => {
  it('record the member’s office on the day of signing and count once per member', async () => {
    const member = await h.as('member');
    const res = await member.request('POST', '/api/texts/test_resolution/endorsements', {});
    expect(res.status, res.text).toBe(201);
    const endorsement = res.body as Endorsement;
    expect(endorsement.signed_on).toBe('2026-03-01');
    expect(endorsement.text_version).toBe(1);
    expect(endorsement.office).toEqual([
      expect.objectContaining({
        organization_name: 'Test Parliament',
        label: 'Member of the House of Representatives',
        start_date: '2023-05',
        is_dated: true,
      }),
    ]);
    const twice = await member.request('POST', '/api/texts/test_resolution/endorsements', {});
    expect(twice.status).toBe(409);
    expect((twice.body as { error: { code: string } }).error.code).toBe('already_endorsed');
    const visitor = await clientFor(h.app, undefined);
    expect(
      ((await visitor.get('/api/texts/test_resolution')).body as { endorsement_count: number })
        .endorsement_count,
    ).toBe(1);
  });

  it('keep the office of the day even after the member leaves office', async () => {
    const member = await h.as('member');
    await member.request('POST', '/api/texts/test_resolution/endorsements', {});
    const secretariat = await h.as('secretariat');
    await secretariat.request('PATCH', '/api/memberships/test_member_seat', {
      end_date: '2026-03',
      status: 'former',
    });
    const list = (await secretariat.get('/api/texts/test_resolution/endorsements')).body as {
      items: Endorsement[];
    };
    expect(list.items[0]?.office[0]?.organization_name).toBe('Test Parliament');
  });

  it('are refused to a member whose seat ended before the day of signing', async () => {
    const secretariat = await h.as('secretariat');
    await secretariat.request('PATCH', '/api/memberships/test_member_seat', {
      end_date: '2026-02',
    });
    const res = await (
      await h.as('member')
    ).request('POST', '/api/texts/test_resolution/endorsements', {});
    expect(res.status).toBe(403);
    expect((res.body as { error: { code: string } }).error.code).toBe('not_a_parliamentarian');
  });

  it('can be withdrawn, which removes them from the public count, and made again', async () => {
    const member = await h.as('member');
    await member.request('POST', '/api/texts/test_resolution/endorsements', {});
    const withdrawn = await member.request(
      'DELETE',
      '/api/texts/test_resolution/endorsements/mine',
    );
    expect(withdrawn.status).toBe(200);
    const visitor = await clientFor(h.app, undefined);
    const count = async () =>
      ((await visitor.get('/api/texts/test_resolution/endorsements')).body as { count: number })
        .count;
    expect(await count()).toBe(0);
    expect(
      (await member.request('DELETE', '/api/texts/test_resolution/endorsements/mine')).status,
    ).toBe(404);
    expect(
      (await member.request('POST', '/api/texts/test_resolution/endorsements', {})).status,
    ).toBe(201);
    expect(await count()).toBe(1);
  });

  it('are refused to unverified members, to staff, and on texts not open for endorsement', async () => {
    expect(
      (
        await (
          await h.as('unverified')
        ).request('POST', '/api/texts/test_resolution/endorsements', {})
      ).status,
    ).toBe(403);
    expect(
      (await (await h.as('staff')).request('POST', '/api/texts/test_resolution/endorsements', {}))
        .status,
    ).toBe(403);
    const draft = await (
      await h.as('member')
    ).request('POST', '/api/texts/test_statement/endorsements', {});
    expect(draft.status).toBe(409);
    expect((draft.body as { error: { code: string } }).error.code).toBe('not_endorsable');
  });
});

describe('endorsement drives', () => {
  it('send links to past participants who hold a seat and show who has and has not responded', async () => {
    const secretariat = await h.as('secretariat');
    const drive = (
      await secretariat.request('POST', '/api/drives', {
        text_id: 'resolution_caucus_2011',
        programme_ids: ['phnom_penh_2011'],
      })
    ).body as { id: string; links: { person_id: string; url: string }[] };
    // The report's sitting MPs only: researchers, CSO staff and former MPs get no link.
    expect(drive.links.length).toBeGreaterThanOrEqual(5);
    const [first] = drive.links;
    const token = first?.url.split('/').at(-1) ?? '';
    const visitor = await clientFor(h.app, undefined);
    const accepted = await visitor.request('POST', `/api/invitations/${token}/accept`, {
      email: 'invited-mp@example.org',
      display_name: 'Invited MP',
      password: PASSWORD,
    });
    expect(accepted.status, accepted.text).toBe(201);
    expect((accepted.body as { user: { is_verified: boolean; role: string } }).user).toMatchObject({
      is_verified: true,
      role: 'member',
    });
    const cookie =
      [accepted.headers['set-cookie'] ?? []]
        .flat()
        .map(String)
        .find((c) => c.startsWith('tulay_session=')) ?? '';
    const mp = await clientFor(h.app, cookie.split(';')[0]?.split('=')[1]);
    const signed = await mp.request('POST', '/api/texts/resolution_caucus_2011/endorsements', {
      drive_id: drive.id,
    });
    expect(signed.status, signed.text).toBe(201);
    const status = (await secretariat.get(`/api/drives/${drive.id}`)).body as {
      responded: number;
      not_responded: number;
      participants: { person_id: string; has_responded: boolean; endorsed_on: string | null }[];
    };
    expect(status.responded).toBe(1);
    expect(status.not_responded).toBe(status.participants.length - 1);
    expect(status.participants.find((p) => p.person_id === first?.person_id)).toMatchObject({
      has_responded: true,
      endorsed_on: '2026-03-01',
    });
  });
});

describe('texts', () => {
  it('keep every version; a new version starts in the authoritative language', async () => {
    const secretariat = await h.as('secretariat');
    const thaiFirst = await secretariat.request('POST', '/api/texts/test_resolution/versions', {
      language: 'th',
      title: 'มติ',
      body: 'ข้อความ',
      is_new_version: true,
    });
    expect(thaiFirst.status).toBe(400);
    expect(
      (thaiFirst.body as { error: { fields: { path: string }[] } }).error.fields[0]?.path,
    ).toBe('body.language');
    await secretariat.request('POST', '/api/texts/test_resolution/versions', {
      language: 'en',
      title: 'Test resolution (amended)',
      body: 'Resolved, amended.',
      is_new_version: true,
    });
    await secretariat.request('POST', '/api/texts/test_resolution/versions', {
      language: 'th',
      title: 'มติ',
      body: 'ข้อความ',
    });
    const text = (await secretariat.get('/api/texts/test_resolution')).body as {
      version: number;
      versions: { language: string }[];
    };
    expect(text.version).toBe(2);
    expect(text.versions.map((v) => v.language).sort()).toEqual(['en', 'th']);
    const all = (await secretariat.get('/api/texts/test_resolution/versions')).body as {
      items: unknown[];
    };
    expect(all.items).toHaveLength(3);
  });
});
