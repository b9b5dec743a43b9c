// A verified member with a live session, written straight into the store: what the crash test and
// the API benchmark need in bulk, without going through invitations and logins.
import type { Repositories } from '@tulay/store';
import { newToken, tokenHash } from '../src/auth/tokens.ts';

/** The parliament the members sit in (made once per store when it lacks it). */
const PARLIAMENT = 'test_parliament';

/**
 * Inserts a public person with a seat in a parliament (only a sitting member of parliament may
 * endorse: docs/api.md), a verified member account for them and a session; returns the session
 * token.
 */
export async function addSignedInMember(
  repos: Repositories,
  member: { personId: string; userId: string; email: string; name: string; now: string },
): Promise<string> {
  const { now } = member;
  await repos.records.insert('people', {
    id: member.personId,
    name: member.name,
    sort_name: null,
    honorific_prefix: null,
    national_identity: null,
    area_id: null,
    summary: null,
    visibility: 'public',
    created_at: now,
    updated_at: now,
    extra: '{}',
  });
  const recorded = { visibility: 'public' as const, created_at: now, updated_at: now, extra: '{}' };
  if (!(await repos.records.getAny('organizations', PARLIAMENT)))
    await repos.records.insert('organizations', {
      id: PARLIAMENT,
      name: 'Test Parliament',
      classification: 'parliament',
      parent_id: null,
      area_id: null,
      founding_date: null,
      dissolution_date: null,
      description: null,
      ...recorded,
    });
  await repos.records.insert('memberships', {
    id: `${member.personId}_seat`,
    person_id: member.personId,
    organization_id: PARLIAMENT,
    post_id: null,
    on_behalf_of_id: null,
    role: 'member',
    label: 'MP',
    area_id: null,
    start_date: '2020-01',
    end_date: null,
    status: 'current',
    ...recorded,
  });
  await repos.accounts.addUser({
    id: member.userId,
    email: member.email,
    display_name: member.name,
    role: 'member',
    password_hash: 'x',
    person_id: member.personId,
    is_verified: 1,
    totp_secret: null,
    created_at: now,
    updated_at: now,
    disabled_at: null,
  });
  const token = newToken();
  await repos.accounts.addSession({
    id: tokenHash(token),
    user_id: member.userId,
    created_at: now,
    expires_at: '2099-01-01T00:00:00.000Z',
  });
  return token;
}
