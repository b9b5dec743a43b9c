// Members record their own activities: a bill they sponsor and its actions, a visit they were
// part of, an engagement with a body. Kept to the caucus (or the secretariat) until the
// secretariat publishes; a member changes only their own, unpublished records; staff act for
// their member; partners and visitors may not. What a member records never reaches the public.
import { testDatabases } from '@tulay/store/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Client, Harness, Response } from './harness.ts';
import { MEMBER_PERSON, T0, clientFor, harness } from './harness.ts';
import { addSignedInMember } from './signed-in-member.ts';

const OTHER_PERSON = 'test_other_mp';
const MARKER = 'zqmemberrecorded';

interface ErrorBody {
  error: { code: string; message: string; fields: { path: string; message: string }[] };
}
interface Bill {
  id: string;
  visibility: string;
  status?: string;
  status_date?: string;
  sponsors: { person_id: string; classification: string }[];
  actions: { date: string; classification: string }[];
}

const errorOf = (res: Response) => (res.body as ErrorBody).error;
const pathsOf = (res: Response) => errorOf(res).fields.map((f) => f.path);

describe.each(testDatabases)('members record their own activities, on $name', (database) => {
  let h: Harness;
  let member: Client;
  let staff: Client;
  let other: Client;
  let secretariat: Client;
  let n = 0;
  /** A new identifier, so every bill is new to the parliament. */
  const identifier = () => `MEM ${++n}`;

  const recordBill = async (client: Client, body: Record<string, unknown> = {}) => {
    const res = await client.request('POST', '/api/bills', {
      organization_id: 'test_parliament',
      identifier: identifier(),
      title: `${MARKER} Migrant Workers Social Security Bill`,
      actions: [{ date: '2026-02-01', classification: 'introduced' }],
      ...body,
    });
    expect(res.status, res.text).toBe(201);
    return res.body as Bill;
  };

  beforeAll(async () => {
    h = await harness({ database });
    member = await h.as('member');
    staff = await h.as('staff');
    secretariat = await h.as('secretariat');
    const token = await addSignedInMember(h.store.repos, {
      personId: OTHER_PERSON,
      userId: 'test_other_member',
      email: 'other-member@example.org',
      name: 'Other Member',
      now: T0.toISOString(),
    });
    other = await clientFor(h.app, token);
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('records a bill the member sponsors, with its first action, kept to the caucus', async () => {
    const bill = await recordBill(member);
    expect(bill.visibility).toBe('caucus');
    expect(bill.sponsors).toEqual([{ person_id: MEMBER_PERSON, classification: 'primary' }]);
    expect(bill.status).toBe('introduced');
    expect(bill.status_date).toBe('2026-02-01');
    // Which account recorded it is the secretariat's business only.
    expect(bill).not.toHaveProperty('created_by');
    const audit = (await secretariat.get(`/api/audit?entity_type=bills&entity_id=${bill.id}`))
      .body as { items: { actor: string; action: string }[] };
    expect(audit.items).toContainEqual(
      expect.objectContaining({ action: 'create', actor: `user:${h.users.member.id}` }),
    );
  });

  it('keeps the member among the sponsors next to co-sponsors they add', async () => {
    const bill = await recordBill(member, {
      sponsors: [{ person_id: OTHER_PERSON, classification: 'cosponsor' }],
    });
    expect(bill.sponsors).toEqual([
      { person_id: MEMBER_PERSON, classification: 'primary' },
      { person_id: OTHER_PERSON, classification: 'cosponsor' },
    ]);
    const listed = await member.request('PATCH', `/api/bills/${bill.id}`, {
      sponsors: [{ person_id: MEMBER_PERSON, classification: 'cosponsor' }],
    });
    expect(listed.status, listed.text).toBe(200);
    const dropped = await member.request('PATCH', `/api/bills/${bill.id}`, {
      sponsors: [{ person_id: OTHER_PERSON, classification: 'primary' }],
    });
    expect(dropped.status, dropped.text).toBe(400);
    expect(pathsOf(dropped)).toEqual(['body.sponsors']);
  });

  it('keeps the sponsors and delegates hidden from the member when the member changes the list', async () => {
    // Someone the secretariat keeps to itself, whom the secretariat adds to a member's records.
    const hiddenPerson = 'zqmember_hidden_person';
    const person = await secretariat.request('POST', '/api/people', {
      id: hiddenPerson,
      name: 'Hidden adviser',
      visibility: 'secretariat',
    });
    expect(person.status, person.text).toBe(201);
    const bill = await recordBill(member);
    const added = await secretariat.request('PATCH', `/api/bills/${bill.id}`, {
      sponsors: [
        { person_id: MEMBER_PERSON, classification: 'primary' },
        { person_id: hiddenPerson, classification: 'cosponsor' },
      ],
    });
    expect(added.status, added.text).toBe(200);
    // The member sees only themself, adds a co-sponsor: the hidden one stays.
    const seen = (await member.get(`/api/bills/${bill.id}`)).body as Bill;
    expect(seen.sponsors.map((s) => s.person_id)).toEqual([MEMBER_PERSON]);
    // The bill's sponsors are read once to find those hidden from the member, and once more for
    // the answer.
    const sponsorReads = vi.spyOn(h.store.repos.activities, 'sponsors');
    const changed = await member.request('PATCH', `/api/bills/${bill.id}`, {
      sponsors: [
        { person_id: MEMBER_PERSON, classification: 'primary' },
        { person_id: OTHER_PERSON, classification: 'cosponsor' },
      ],
    });
    expect(changed.status, changed.text).toBe(200);
    expect(sponsorReads).toHaveBeenCalledTimes(2);
    sponsorReads.mockRestore();
    expect((changed.body as Bill).sponsors.map((s) => s.person_id)).toEqual([
      MEMBER_PERSON,
      OTHER_PERSON,
    ]);
    const all = (await secretariat.get(`/api/bills/${bill.id}`)).body as Bill;
    expect(all.sponsors).toEqual([
      { person_id: MEMBER_PERSON, classification: 'primary' },
      { person_id: OTHER_PERSON, classification: 'cosponsor' },
      { person_id: hiddenPerson, classification: 'cosponsor' },
    ]);

    // The same for a visit's delegation.
    const visit = await member.request('POST', '/api/visits', {
      title: `${MARKER} visit with a hidden delegate`,
      host_country: 'TH',
      visiting_countries: ['KH'],
    });
    expect(visit.status, visit.text).toBe(201);
    const visitId = (visit.body as { id: string }).id;
    expect(
      (
        await secretariat.request('PATCH', `/api/visits/${visitId}`, {
          delegation_person_ids: [MEMBER_PERSON, hiddenPerson],
        })
      ).status,
    ).toBe(200);
    const shown = (await member.get(`/api/visits/${visitId}`)).body as {
      delegation_person_ids: string[];
    };
    expect(shown.delegation_person_ids).toEqual([MEMBER_PERSON]);
    const moved = await member.request('PATCH', `/api/visits/${visitId}`, {
      delegation_person_ids: [MEMBER_PERSON, OTHER_PERSON],
    });
    expect(moved.status, moved.text).toBe(200);
    const kept = (await secretariat.get(`/api/visits/${visitId}`)).body as {
      delegation_person_ids: string[];
    };
    expect(kept.delegation_person_ids).toEqual([MEMBER_PERSON, OTHER_PERSON, hiddenPerson]);
  });

  it('adds actions to their bill; the status becomes the latest', async () => {
    const bill = await recordBill(member);
    const res = await member.request('POST', `/api/bills/${bill.id}/actions`, {
      date: '2026-03-15',
      classification: 'referred_to_committee',
    });
    expect(res.status, res.text).toBe(201);
    const after = res.body as Bill;
    expect(after.status).toBe('referred_to_committee');
    expect(after.actions.map((a) => a.classification)).toEqual([
      'introduced',
      'referred_to_committee',
    ]);
    const bad = await member.request('POST', `/api/bills/${bill.id}/actions`, {
      date: '2026-03-16',
      classification: 'signed_by_king',
    });
    expect(bad.status).toBe(400);
    expect(pathsOf(bad)).toContain('body.classification');
  });

  it('staff record for their member: the member is the sponsor, and both may change it', async () => {
    const bill = await recordBill(staff);
    expect(bill.sponsors.map((s) => s.person_id)).toEqual([MEMBER_PERSON]);
    const res = await member.request('PATCH', `/api/bills/${bill.id}`, { summary: 'By staff' });
    expect(res.status, res.text).toBe(200);
    expect(
      (
        await staff.request('POST', `/api/bills/${bill.id}/actions`, {
          date: '2026-04-01',
          classification: 'committee_report',
        })
      ).status,
    ).toBe(201);
    const visit = await staff.request('POST', '/api/visits', {
      title: `${MARKER} staff visit`,
      host_country: 'TH',
      visiting_countries: ['KH'],
    });
    expect(visit.status, visit.text).toBe(201);
    expect((visit.body as { delegation_person_ids: string[] }).delegation_person_ids).toEqual([
      MEMBER_PERSON,
    ]);
    const mine = (await member.get('/api/activities/mine')).body as {
      bills: { id: string }[];
      visits: { id: string }[];
    };
    expect(mine.bills.map((b) => b.id)).toContain(bill.id);
    expect(mine.visits.map((v) => v.id)).toContain((visit.body as { id: string }).id);
  });

  it('records a visit the member was part of and an engagement with a body', async () => {
    const visit = await member.request('POST', '/api/visits', {
      title: `${MARKER} exchange visit`,
      host_country: 'MY',
      visiting_countries: ['ID', 'KH'],
      start_date: '2026-05-02',
      end_date: '2026-05-06',
      sites: [{ name: 'Migrant community centre, Kuala Lumpur', kind: 'migrant_community' }],
      findings: 'Workers do not know the scheme covers them.',
      recommendations: ['Translate the scheme guide'],
    });
    expect(visit.status, visit.text).toBe(201);
    expect(visit.body).toMatchObject({
      visibility: 'caucus',
      delegation_person_ids: [MEMBER_PERSON],
      recommendations: [{ n: 0, text: 'Translate the scheme guide', commitment_id: null }],
    });
    const engagement = await member.request('POST', '/api/engagements', {
      organization_id: 'aipa',
      title: `${MARKER} question to AIPA`,
      engagement_date: '2026-06-01',
      asked: 'Put portability on the agenda',
      response: 'Referred to the committee',
      visibility: 'secretariat',
    });
    expect(engagement.status, engagement.text).toBe(201);
    expect(engagement.body).toMatchObject({ visibility: 'secretariat' });
    // Kept to the secretariat: the member's own list does not show it back to them.
    const mine = (await member.get('/api/activities/mine')).body as {
      visits: { id: string }[];
      engagements: { id: string }[];
    };
    expect(mine.visits.map((v) => v.id)).toContain((visit.body as { id: string }).id);
    expect(mine.engagements.map((e) => e.id)).not.toContain((engagement.body as { id: string }).id);
  });

  it('refuses making a record public, choosing its id, or tying a commitment, naming the field', async () => {
    for (const [path, body] of [
      [
        'bills',
        { organization_id: 'test_parliament', identifier: identifier(), title: 'Public bill' },
      ],
      ['visits', { title: 'Public visit', host_country: 'TH', visiting_countries: ['KH'] }],
      ['engagements', { organization_id: 'aipa', title: 'Public engagement' }],
    ] as const) {
      const res = await member.request('POST', `/api/${path}`, { ...body, visibility: 'public' });
      expect(res.status, res.text).toBe(403);
      expect(errorOf(res).code).toBe('forbidden');
      expect(pathsOf(res)).toEqual(['body.visibility']);
      expect(errorOf(res).fields[0]?.message).toMatch(/only the secretariat/);
      const withId = await member.request('POST', `/api/${path}`, { ...body, id: 'chosen_id' });
      expect(withId.status).toBe(403);
      expect(pathsOf(withId)).toEqual(['body.id']);
    }
    const bill = await recordBill(member);
    const patch = await member.request('PATCH', `/api/bills/${bill.id}`, { visibility: 'public' });
    expect(patch.status).toBe(403);
    expect(pathsOf(patch)).toEqual(['body.visibility']);
    const tied = await member.request('POST', '/api/visits', {
      title: 'Visit',
      host_country: 'TH',
      visiting_countries: ['KH'],
      recommendations: [{ text: 'Fund interpreters', commitment_id: 'test_commitment' }],
    });
    expect(tied.status).toBe(403);
    expect(pathsOf(tied)).toEqual(['body.recommendations.0.commitment_id']);
  });

  it('answers bad input with 400 naming the field', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'bills',
        {
          organization_id: 'test_parliament',
          identifier: identifier(),
          title: 'X',
          actions: [{ date: 'yesterday', classification: 'introduced' }],
        },
        'body.actions.0.date',
      ],
      [
        'bills',
        { organization_id: 'no_such_parliament', identifier: 'X', title: 'X' },
        'body.organization_id',
      ],
      [
        'bills',
        { organization_id: 'aipa', identifier: identifier(), title: 'X' },
        'body.organization_id',
      ],
      [
        'visits',
        { title: 'X', host_country: 'Thailand', visiting_countries: ['KH'] },
        'body.host_country',
      ],
      [
        'visits',
        { title: 'X', host_country: 'TH', visiting_countries: ['TH'] },
        'body.visiting_countries',
      ],
      [
        'visits',
        {
          title: 'X',
          host_country: 'TH',
          visiting_countries: ['KH'],
          start_date: '2026-05',
          end_date: '2026-04',
        },
        'body.end_date',
      ],
      ['engagements', { organization_id: 'aipa', title: '' }, 'body.title'],
      [
        'engagements',
        { organization_id: 'aipa', title: 'X', engagement_date: 'last week' },
        'body.engagement_date',
      ],
    ];
    for (const [path, body, field] of cases) {
      const res = await member.request('POST', `/api/${path}`, body);
      expect(res.status, `${path} ${field}: ${res.text}`).toBe(400);
      expect(errorOf(res).code).toBe('invalid_request');
      expect(pathsOf(res), res.text).toContain(field);
    }
  });

  it('answers a reference to a record hidden from the member as if it did not exist', async () => {
    const hidden = await secretariat.request('POST', '/api/commitments', {
      id: 'secret_commitment',
      title: 'Kept to the secretariat',
      visibility: 'secretariat',
    });
    expect(hidden.status, hidden.text).toBe(201);
    for (const id of ['secret_commitment', 'no_such_commitment']) {
      const res = await member.request('POST', '/api/engagements', {
        organization_id: 'aipa',
        title: 'X',
        commitment_ids: [id],
      });
      expect(res.status).toBe(400);
      expect(errorOf(res).fields).toEqual([
        { path: 'body.commitment_ids.0', message: `no commitments record with id "${id}"` },
      ]);
    }
  });

  it("may change only their own, unpublished records; never another member's", async () => {
    const bill = await recordBill(member);
    // Another member: not theirs to change, nor to add actions to, nor listed as theirs.
    const patch = await other.request('PATCH', `/api/bills/${bill.id}`, { summary: 'Mine now' });
    expect(patch.status, patch.text).toBe(403);
    const action = await other.request('POST', `/api/bills/${bill.id}/actions`, {
      date: '2026-05-01',
      classification: 'withdrawn',
    });
    expect(action.status).toBe(403);
    const theirs = (await other.get('/api/activities/mine')).body as { bills: { id: string }[] };
    expect(theirs.bills.map((b) => b.id)).not.toContain(bill.id);
    // The secretariat's records: not the member's, unless a bill they sponsor (and unpublished).
    const engagement = (
      await secretariat.request('POST', '/api/engagements', {
        organization_id: 'aipa',
        title: 'Secretariat engagement',
        visibility: 'caucus',
      })
    ).body as { id: string };
    expect(
      (await member.request('PATCH', `/api/engagements/${engagement.id}`, { response: 'x' }))
        .status,
    ).toBe(403);
    const sponsored = (
      await secretariat.request('POST', '/api/bills', {
        organization_id: 'test_parliament',
        identifier: identifier(),
        title: 'Recorded by the secretariat',
        sponsors: [{ person_id: MEMBER_PERSON, classification: 'primary' }],
        visibility: 'caucus',
      })
    ).body as { id: string };
    expect(
      (await member.request('PATCH', `/api/bills/${sponsored.id}`, { summary: 'Mine' })).status,
    ).toBe(200);
    // Published: the member records what happens to it, but its text is the secretariat's.
    const published = await secretariat.request('PATCH', `/api/bills/${bill.id}`, {
      visibility: 'public',
    });
    expect(published.status, published.text).toBe(200);
    const late = await member.request('PATCH', `/api/bills/${bill.id}`, { summary: 'Edited' });
    expect(late.status).toBe(403);
    expect(errorOf(late).message).toMatch(/published/);
    expect(
      (
        await member.request('POST', `/api/bills/${bill.id}/actions`, {
          date: '2026-06-01',
          classification: 'passed_lower',
        })
      ).status,
    ).toBe(201);
    // A record kept to the secretariat is not found for a member at all.
    const secret = (
      await secretariat.request('POST', '/api/visits', {
        title: 'Secret visit',
        host_country: 'TH',
        visiting_countries: ['KH'],
        delegation_person_ids: [MEMBER_PERSON],
        visibility: 'secretariat',
      })
    ).body as { id: string };
    expect(
      (await member.request('PATCH', `/api/visits/${secret.id}`, { findings: 'x' })).status,
    ).toBe(404);
  });

  it('lets neither partners nor visitors record, and members only these three kinds', async () => {
    const partner = await h.as('partner');
    const visitor = await clientFor(h.app, undefined);
    const bill = {
      organization_id: 'test_parliament',
      identifier: identifier(),
      title: 'Partner bill',
    };
    expect((await partner.request('POST', '/api/bills', bill)).status).toBe(403);
    expect((await visitor.request('POST', '/api/bills', bill)).status).toBe(401);
    expect((await partner.get('/api/activities/mine')).status).toBe(403);
    expect((await visitor.get('/api/activities/mine')).status).toBe(401);
    expect((await member.get('/api/activities/from-members')).status).toBe(403);
    // An account tied to no person has no activities of its own to record.
    const unverified = await h.as('unverified');
    const unbound = await unverified.request('POST', '/api/bills', bill);
    expect(unbound.status).toBe(403);
    expect(errorOf(unbound).message).toMatch(/not tied/);
    for (const [path, body] of [
      ['body-events', { organization_id: 'aipa', title: 'A meeting' }],
      ['collaborations', { organization_id: 'mfa', title: 'Together' }],
      [
        'national-caucuses',
        {
          country: 'TH',
          parliament_id: 'test_parliament',
          name: 'Caucus',
          status: 'informal_group',
          status_date: '2026',
        },
      ],
    ] as const) {
      const res = await member.request('POST', `/api/${path}`, body);
      expect(res.status, `${path}: ${res.text}`).toBe(403);
    }
  });

  it('shows the secretariat what members recorded, unpublished first, and lets it publish', async () => {
    const bill = await recordBill(member, { title: `${MARKER} to publish` });
    const review = async () =>
      (await secretariat.get('/api/activities/from-members')).body as {
        bills: (Bill & { recorded_by: { name: string; role: string } })[];
        visits: { recorded_by: { role: string } }[];
      };
    const before = await review();
    const listed = before.bills.find((b) => b.id === bill.id);
    expect(listed?.recorded_by).toEqual({ name: 'Test member', role: 'member' });
    expect(listed?.actions.length).toBe(1);
    expect(before.visits.some((v) => v.recorded_by.role === 'staff')).toBe(true);
    // The secretariat's own records are not in the review.
    expect(before.bills.every((b) => b.recorded_by.role !== 'secretariat')).toBe(true);
    const visitor = await clientFor(h.app, undefined);
    expect((await visitor.get(`/api/bills/${bill.id}`)).status).toBe(404);
    const res = await secretariat.request('PATCH', `/api/bills/${bill.id}`, {
      visibility: 'public',
    });
    expect(res.status, res.text).toBe(200);
    expect((await visitor.get(`/api/bills/${bill.id}`)).status).toBe(200);
    const after = await review();
    const visibilities = after.bills.map((b) => b.visibility);
    expect(visibilities.indexOf('public')).toBeGreaterThan(visibilities.lastIndexOf('caucus'));
  });

  it('never shows a caucus-only record a member made to the public', async () => {
    const bill = await recordBill(member, { title: `${MARKER} hidden bill` });
    const visitor = await clientFor(h.app, undefined);
    const reads = [
      '/api/bills?limit=500',
      '/api/visits?limit=500',
      '/api/engagements?limit=500',
      `/api/search?q=${MARKER}&limit=100`,
      '/api/corridors/KH/TH',
      '/api/open-data/bills.json',
      '/api/open-data/bills.csv',
      '/api/open-data/visits.json',
      '/api/open-data/engagements.json',
      '/api/export/popolo.json',
    ];
    let publicText = '';
    for (const url of reads) {
      const res = await visitor.get(url);
      expect(res.status, `${url}: ${res.text}`).toBe(200);
      publicText += res.text;
    }
    // Some were published by the test above; none of the still unpublished ones shows.
    expect(publicText).not.toContain(`${MARKER} hidden bill`);
    expect(publicText).not.toContain(`${MARKER} exchange visit`);
    expect(publicText).not.toContain(`${MARKER} question to AIPA`);
    expect(publicText).not.toContain(`${MARKER} staff visit`);
    expect(publicText).not.toContain(h.users.member.id);
    expect((await visitor.get(`/api/bills/${bill.id}`)).status).toBe(404);
    // And the caucus sees it where it should: the list, search, the corridor of its parliament.
    const partner = await h.as('partner');
    let caucusText = '';
    for (const url of reads.slice(0, 5)) caucusText += (await partner.get(url)).text;
    expect(caucusText.split(`${MARKER} hidden bill`).length - 1).toBeGreaterThanOrEqual(3);
  });
});
