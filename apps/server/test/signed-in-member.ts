// A verified member with a live session, written straight into the store: what the crash test and
// the API benchmark need in bulk, without going through invitations and logins.
import type { Repositories } from '@tulay/store';
import { newToken, tokenHash } from '../src/auth/tokens.ts';

/** Inserts a public person, a verified member account for them and a session; returns the session token. */
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
