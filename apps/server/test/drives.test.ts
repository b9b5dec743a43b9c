// Endorsement integrity: drives reach only people who hold a seat in a parliament, a later drive
// for the same text sends no second link to anyone whose first still works, an account whose
// person holds no seat cannot endorse, and the secretariat can void a wrong endorsement.
import { testDatabases } from '@tulay/store/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client, Harness } from './harness.ts';
import { PASSWORD, clientFor, harness } from './harness.ts';

const TEXT = 'resolution_caucus_2011';
/** People the founding report names with a current seat in a parliament (memberships.yaml). */
const SITTING = ['charles_santiago', 'som_ock_kingsada', 'carlos_m_padilla'];
/** Participants with no seat: a researcher, CSO staff, and a former MP (Mayong Aguja, 2011). */
const NO_SEAT = ['andy_hall', 'ellene_sana', 'william_gois', 'mayong_aguja'];

interface Drive {
  id: string;
  links: { person_id: string; url: string }[];
  not_invited: { person_id: string; name: string; reason: string; drive_id?: string }[];
}

interface ErrorBody {
  error: { code: string; message: string; fields: { path: string }[] };
}

async function openDrive(secretariat: Client, programmeIds = ['phnom_penh_2011']) {
  const res = await secretariat.request('POST', '/api/drives', {
    text_id: TEXT,
    programme_ids: programmeIds,
  });
  expect(res.status, res.text).toBe(201);
  return res.body as Drive;
}

/** Accepts a one-time link and returns the new account's client. */
async function accept(h: Harness, url: string, email: string): Promise<Client> {
  const visitor = await clientFor(h.app, undefined);
  const res = await visitor.request(
    'POST',
    `/api/invitations/${url.split('/').at(-1) ?? ''}/accept`,
    {
      email,
      display_name: email,
      password: PASSWORD,
    },
  );
  expect(res.status, res.text).toBe(201);
  const cookie =
    [res.headers['set-cookie'] ?? []]
      .flat()
      .map(String)
      .find((c) => c.startsWith('tulay_session=')) ?? '';
  return clientFor(h.app, cookie.split(';')[0]?.split('=')[1]);
}

describe.each(testDatabases)('endorsement integrity, on $name', (database) => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness({ database });
  });
  afterEach(async () => {
    await h.close();
  });

  it('a drive sends links only to sitting members of parliament and says why others got none', async () => {
    const drive = await openDrive(await h.as('secretariat'));
    const invited = drive.links.map((l) => l.person_id);
    expect(invited).toEqual(expect.arrayContaining(SITTING));
    for (const id of NO_SEAT) {
      expect(invited).not.toContain(id);
      expect(drive.not_invited.find((p) => p.person_id === id)).toMatchObject({
        reason: 'not_a_parliamentarian',
      });
    }
    const andy = drive.not_invited.find((p) => p.person_id === 'andy_hall');
    expect(andy?.name).toBe('Andy Hall');

    const status = (await (await h.as('secretariat')).get(`/api/drives/${drive.id}`)).body as {
      text_title: string;
      invited: number;
      participants: {
        person_id: string;
        invited: boolean;
        is_parliamentarian: boolean;
        not_invited_reason: string | null;
      }[];
    };
    expect(status.text_title).toMatch(/Resolution to establish/);
    expect(status.invited).toBe(drive.links.length);
    expect(status.participants.find((p) => p.person_id === 'andy_hall')).toMatchObject({
      invited: false,
      is_parliamentarian: false,
      not_invited_reason: 'not_a_parliamentarian',
    });
    expect(status.participants.find((p) => p.person_id === 'charles_santiago')).toMatchObject({
      invited: true,
      is_parliamentarian: true,
      not_invited_reason: null,
    });
  });

  it('a second drive for the same text sends no second link while the first one works', async () => {
    const secretariat = await h.as('secretariat');
    const first = await openDrive(secretariat);
    h.clock.advance(60_000);
    const second = await openDrive(secretariat);
    expect(second.links).toEqual([]);
    for (const l of first.links) {
      expect(second.not_invited.find((p) => p.person_id === l.person_id)).toMatchObject({
        reason: 'already_invited',
        drive_id: first.id,
      });
    }
    // The earlier links still work.
    const link = first.links.find((l) => l.person_id === 'charles_santiago');
    const mp = await accept(h, link?.url ?? '', 'santiago@example.org');
    const signed = await mp.request('POST', `/api/texts/${TEXT}/endorsements`, {
      drive_id: first.id,
    });
    expect(signed.status, signed.text).toBe(201);
    // Once the links have expired, a new drive reaches those who never answered.
    h.clock.advance(31 * 24 * 60 * 60 * 1000);
    const third = await openDrive(secretariat);
    expect(third.links.length).toBe(first.links.length - 1);
    expect(third.not_invited.find((p) => p.person_id === 'charles_santiago')).toMatchObject({
      reason: 'has_account',
    });

    const drives = (await secretariat.get('/api/drives')).body as {
      items: { id: string; text_title: string; invited: number; endorsed: number }[];
      total: number;
    };
    expect(drives.total).toBe(3);
    expect(drives.items.map((d) => d.id)).toEqual([third.id, second.id, first.id]);
    expect(drives.items[2]).toMatchObject({ invited: first.links.length, endorsed: 1 });
    expect(drives.items[1]).toMatchObject({ invited: 0, endorsed: 0 });
    expect(drives.items[0]?.text_title).toMatch(/Resolution to establish/);
  });

  it('refuses the endorsement of a member account whose person holds no seat, naming why', async () => {
    const secretariat = await h.as('secretariat');
    for (const [i, person] of ['andy_hall', 'mayong_aguja'].entries()) {
      const invitation = await secretariat.request('POST', '/api/invitations', {
        role: 'member',
        person_id: person,
        expires_in_hours: 24,
      });
      expect(invitation.status, invitation.text).toBe(201);
      const token = (invitation.body as { token: string }).token;
      const account = await accept(h, `/invitations/${token}`, `no-seat-${String(i)}@example.org`);
      const res = await account.request('POST', `/api/texts/${TEXT}/endorsements`, {});
      expect(res.status, res.text).toBe(403);
      const body = res.body as ErrorBody;
      expect(body.error.code).toBe('not_a_parliamentarian');
      expect(body.error.message).toMatch(/membership of a parliament/);
    }
    const count = (await (await h.as('public')).get(`/api/texts/${TEXT}/endorsements`)).body as {
      count: number;
    };
    expect(count.count).toBe(0);
  });

  it('lets the secretariat void a wrong endorsement, with the reason in the audit log', async () => {
    const member = await h.as('member');
    const signed = await member.request('POST', '/api/texts/test_resolution/endorsements', {});
    expect(signed.status, signed.text).toBe(201);
    const id = (signed.body as { id: string }).id;
    const url = `/api/endorsements/${id}/void`;
    const reason = { reason: 'Signed from a shared device by mistake' };

    expect((await (await h.as('public')).request('POST', url, reason)).status).toBe(401);
    for (const who of ['member', 'staff', 'partner'] as const)
      expect((await (await h.as(who)).request('POST', url, reason)).status).toBe(403);

    const secretariat = await h.as('secretariat');
    const empty = await secretariat.request('POST', url, { reason: ' ' });
    expect(empty.status).toBe(400);
    expect((empty.body as ErrorBody).error.fields[0]?.path).toBe('body.reason');
    const missing = await secretariat.request(
      'POST',
      '/api/endorsements/00000000-0000-4000-8000-000000000000/void',
      reason,
    );
    expect(missing.status).toBe(404);

    const voided = await secretariat.request('POST', url, reason);
    expect(voided.status, voided.text).toBe(200);
    expect((voided.body as { withdrawn_at?: string }).withdrawn_at).toBe(
      h.clock.now().toISOString(),
    );
    const after = (await (await h.as('public')).get('/api/texts/test_resolution/endorsements'))
      .body as { count: number; items: unknown[] };
    expect(after).toMatchObject({ count: 0, items: [] });
    const again = await (await h.as('admin')).request('POST', url, reason);
    expect(again.status).toBe(409);

    const log = (await secretariat.get(`/api/audit?entity_type=endorsements&entity_id=${id}`))
      .body as { items: { action: string; actor: string; after: { void_reason?: string } }[] };
    const entry = log.items.find((e) => e.action === 'void');
    expect(entry?.actor).toBe(`user:${h.users.secretariat.id}`);
    expect(entry?.after.void_reason).toBe(reason.reason);
    // The member may sign again: voiding is not a ban.
    expect(
      (await member.request('POST', '/api/texts/test_resolution/endorsements', {})).status,
    ).toBe(201);
  });
});
