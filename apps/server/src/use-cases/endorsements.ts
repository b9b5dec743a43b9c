// Endorsements: a verified member signs a text once, with the offices they hold that day
// recorded beside the signature; they may withdraw it; the count of live ones is public.
import type { Repositories } from '@tulay/store';
import { VISIBILITIES } from '@tulay/store/vocabulary';
import { authorise, scopeOf } from '../access.ts';
import { newId, newToken, tokenHash } from '../auth/tokens.ts';
import { ApiError, notFound } from '../errors.ts';
import type { Context } from './context.ts';
import { change } from './context.ts';

/** An office held on a date: the membership's organisation, post and party. */
export interface Office {
  organization_id: string;
  organization_name: string;
  role: string | null;
  label: string | null;
  on_behalf_of_id: string | null;
  area_id: string | null;
  start_date: string | null;
  end_date: string | null;
  /**
   * False when the membership has no start date, so that it was held on the day is an
   * assumption: the seed's memberships, for instance, are the report's, as of September 2011.
   */
  is_dated: boolean;
}

/** Whether a partial date (YYYY, YYYY-MM, YYYY-MM-DD) may include `day` as a start or an end. */
const startsBy = (start: string | null, day: string): boolean =>
  start === null || start.slice(0, 10) <= day.slice(0, start.length);
const endsAfter = (end: string | null, day: string): boolean =>
  end === null || end.slice(0, 10) >= day.slice(0, end.length);

/** The parliamentary offices a person holds on `day` (Popolo memberships of parliaments). */
export async function officesOn(
  repos: Repositories,
  personId: string,
  day: string,
): Promise<Office[]> {
  const everything = VISIBILITIES;
  const memberships = await repos.records.list('memberships', everything, {
    where: { person_id: personId },
  });
  const offices: Office[] = [];
  for (const m of memberships) {
    if (m.status === 'former' || !startsBy(m.start_date, day) || !endsAfter(m.end_date, day))
      continue;
    const organization = await repos.records.getAny('organizations', m.organization_id);
    if (organization?.classification !== 'parliament') continue;
    offices.push({
      organization_id: organization.id,
      organization_name: organization.name,
      role: m.role,
      label: m.label,
      on_behalf_of_id: m.on_behalf_of_id,
      area_id: m.area_id ?? organization.area_id,
      start_date: m.start_date,
      end_date: m.end_date,
      is_dated: m.start_date !== null,
    });
  }
  return offices;
}

/** Signs a text for the member who is signed in. */
export async function endorse(
  ctx: Context,
  textId: string,
  input: { visibility?: 'public' | 'caucus' | undefined; drive_id?: string | undefined },
) {
  authorise(ctx.actor, 'text.endorse');
  const actor = ctx.actor;
  if (!actor.isVerified || actor.personId === null) {
    throw new ApiError(
      'forbidden',
      'only verified members may endorse: ask the secretariat to verify your account',
    );
  }
  const personId = actor.personId;
  try {
    return await change(ctx, async ({ repos, now, audit }) => {
      const text = await repos.records.get('texts', textId, scopeOf(actor));
      if (!text) throw notFound('text');
      if (text.is_endorsable !== 1 || text.status !== 'open') {
        throw new ApiError('not_endorsable', `this ${text.kind} is not open for endorsement`);
      }
      if (input.drive_id !== undefined) {
        const drive = await repos.endorsements.drive(input.drive_id);
        if (drive?.text_id !== textId) {
          throw new ApiError('invalid_request', 'no such drive for this text', [
            { path: 'body.drive_id', message: 'not a drive for this text' },
          ]);
        }
      }
      const day = now.slice(0, 10);
      const offices = await officesOn(repos, personId, day);
      // The count says "members of parliament endorse this": an account whose person holds no
      // seat today must not add to it, however the account came to have the member role.
      if (offices.length === 0) {
        throw new ApiError(
          'not_a_parliamentarian',
          `only a sitting member of parliament may endorse: your person record holds no membership of a parliament on ${day}; the secretariat records seats`,
        );
      }
      const row = {
        id: newId(),
        text_id: textId,
        text_version: await repos.texts.latestVersion(textId),
        person_id: personId,
        user_id: actor.userId,
        office: JSON.stringify(offices),
        signed_on: day,
        created_at: now,
        withdrawn_at: null,
        drive_id: input.drive_id ?? null,
        visibility: input.visibility ?? 'public',
      };
      await repos.endorsements.add(row);
      await audit('endorse', 'endorsements', row.id, null, row);
      return presentEndorsement({ ...row, person_name: null });
    });
  } catch (error) {
    if (ctx.store.isUniqueViolation(error))
      throw new ApiError('already_endorsed', 'you have already endorsed this text');
    throw error;
  }
}

/** Withdraws the signed-in member's live endorsement of a text. */
export async function withdraw(ctx: Context, textId: string) {
  authorise(ctx.actor, 'text.endorse');
  const actor = ctx.actor;
  if (actor.personId === null) throw notFound('endorsement');
  const personId = actor.personId;
  return change(ctx, async ({ repos, now, audit }) => {
    const text = await repos.records.get('texts', textId, scopeOf(actor));
    if (!text) throw notFound('text');
    const live = await repos.endorsements.live(textId, personId);
    if (!live) throw notFound('endorsement');
    await repos.endorsements.withdraw(live.id, now);
    const after = { ...live, withdrawn_at: now };
    await audit('withdraw', 'endorsements', live.id, live, after);
    return presentEndorsement({ ...after, person_name: null });
  });
}

/**
 * The secretariat's correction of a wrong endorsement (signed by someone without a seat, or by
 * mistake): it leaves the count like a withdrawal, and the audit entry says who voided it and why.
 */
export async function voidEndorsement(ctx: Context, id: string, input: { reason: string }) {
  authorise(ctx.actor, 'endorsement.void');
  return change(ctx, async ({ repos, now, audit }) => {
    const endorsement = await repos.endorsements.byId(id);
    if (!endorsement) throw notFound('endorsement');
    if (endorsement.withdrawn_at !== null) {
      throw new ApiError('conflict', 'this endorsement was already withdrawn or voided');
    }
    await repos.endorsements.withdraw(id, now);
    const after = { ...endorsement, withdrawn_at: now, void_reason: input.reason };
    await audit('void', 'endorsements', id, endorsement, after);
    return presentEndorsement({ ...endorsement, withdrawn_at: now, person_name: null });
  });
}

function presentEndorsement(e: {
  id: string;
  text_id: string;
  text_version: number;
  person_id: string;
  person_name: string | null;
  office: string;
  signed_on: string;
  withdrawn_at: string | null;
  visibility: string;
}) {
  return {
    id: e.id,
    text_id: e.text_id,
    text_version: e.text_version,
    person_id: e.person_id,
    ...(e.person_name !== null ? { person_name: e.person_name } : {}),
    office: JSON.parse(e.office) as Office[],
    signed_on: e.signed_on,
    ...(e.withdrawn_at !== null ? { withdrawn_at: e.withdrawn_at } : {}),
    visibility: e.visibility,
  };
}

/** The public count of a text's endorsements, and the endorsers whose names the actor may see. */
export async function listEndorsements(ctx: Context, textId: string) {
  const scope = scopeOf(ctx.actor);
  const text = await ctx.store.repos.records.get('texts', textId, scope);
  if (!text) throw notFound('text');
  const items = await ctx.store.repos.endorsements.list(textId, scope);
  return {
    count: await ctx.store.repos.endorsements.count(textId),
    items: items.map(presentEndorsement),
  };
}

/** The endorsements as CSV (for the public: only the names they may see). */
export async function endorsementsCsv(ctx: Context, textId: string): Promise<string> {
  const { items } = await listEndorsements(ctx, textId);
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ['person_id,person_name,signed_on,text_version,offices'];
  for (const e of items) {
    const offices = e.office
      .map((o) => [o.label ?? o.role ?? '', o.organization_name].filter(Boolean).join(', '))
      .join('; ');
    lines.push(
      [e.person_id, e.person_name ?? '', e.signed_on, String(e.text_version), offices]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Why a drive sent a participant no link. */
export type NotInvitedReason = 'not_a_parliamentarian' | 'has_account' | 'already_invited';

/**
 * Opens an endorsement drive: a one-time member link for each past participant of the given
 * programmes who holds a seat in a parliament on the drive's day and has neither an account nor
 * a link for this text that still works. The links are returned once, to be sent by the
 * secretariat; everyone else is listed with the reason they got none.
 */
export async function createDrive(
  ctx: Context,
  input: {
    text_id: string;
    programme_ids: string[];
    message?: string | undefined;
    expires_in_days: number;
  },
  baseUrl: string,
) {
  authorise(ctx.actor, 'drive.manage');
  const actor = ctx.actor;
  return change(ctx, async ({ repos, now, audit }) => {
    const text = await repos.records.get('texts', input.text_id, scopeOf(actor));
    if (!text) {
      throw new ApiError('invalid_request', 'no such text', [
        { path: 'body.text_id', message: `no text with id "${input.text_id}"` },
      ]);
    }
    const fields = [];
    for (const [i, id] of input.programme_ids.entries()) {
      if (!(await repos.records.exists('programmes', id)))
        fields.push({ path: `body.programme_ids.${i}`, message: `no programme with id "${id}"` });
    }
    if (fields.length > 0)
      throw new ApiError('invalid_request', 'a referenced programme does not exist', fields);
    const id = newId();
    const closesAt = new Date(Date.parse(now) + input.expires_in_days * DAY_MS).toISOString();
    const drive = {
      id,
      text_id: input.text_id,
      programme_ids: JSON.stringify(input.programme_ids),
      message: input.message ?? null,
      created_by: actor.userId,
      created_at: now,
      closes_at: closesAt,
    };
    await repos.endorsements.addDrive(drive);
    await audit('create', 'drives', id, null, drive);
    // A link already sent for this text keeps working and is not sent again: the server keeps
    // only its hash, so it cannot be shown twice, and revoking it would break a link that may
    // already be in the person's hands. A later drive reaches only those not yet reached.
    const open = new Map(
      (await repos.endorsements.openDriveInvitations(input.text_id, now)).map((i) => [
        i.person_id,
        i,
      ]),
    );
    const day = now.slice(0, 10);
    const links: { person_id: string; url: string; expires_at: string }[] = [];
    const notInvited: {
      person_id: string;
      name: string;
      reason: NotInvitedReason;
      drive_id?: string;
      expires_at?: string;
    }[] = [];
    for (const personId of await pastParticipants(repos, input.programme_ids)) {
      const name = (await repos.records.getAny('people', personId))?.name ?? personId;
      if ((await officesOn(repos, personId, day)).length === 0) {
        notInvited.push({ person_id: personId, name, reason: 'not_a_parliamentarian' });
        continue;
      }
      if (await repos.accounts.userByPerson(personId)) {
        notInvited.push({ person_id: personId, name, reason: 'has_account' });
        continue;
      }
      const earlier = open.get(personId);
      if (earlier) {
        notInvited.push({
          person_id: personId,
          name,
          reason: 'already_invited',
          ...(earlier.drive_id !== null ? { drive_id: earlier.drive_id } : {}),
          expires_at: earlier.expires_at,
        });
        continue;
      }
      const token = newToken();
      const invitation = {
        id: newId(),
        token_hash: tokenHash(token),
        email: null,
        role: 'member' as const,
        person_id: personId,
        drive_id: id,
        totp_secret: null,
        created_by: actor.userId,
        created_at: now,
        expires_at: closesAt,
        used_at: null,
        used_by: null,
      };
      await repos.accounts.addInvitation(invitation);
      await audit('create', 'invitations', invitation.id, null, {
        ...invitation,
        token_hash: '[redacted]',
      });
      links.push({
        person_id: personId,
        url: `${baseUrl}/invitations/${token}`,
        expires_at: closesAt,
      });
    }
    return { id, text_id: input.text_id, closes_at: closesAt, links, not_invited: notInvited };
  });
}

async function pastParticipants(
  repos: Repositories,
  programmeIds: readonly string[],
): Promise<string[]> {
  const everything = VISIBILITIES;
  const ids = new Set<string>();
  for (const programmeId of programmeIds) {
    for (const p of await repos.records.list('participants', everything, {
      where: { programme_id: programmeId },
    })) {
      ids.add(p.person_id);
    }
  }
  return [...ids].sort();
}

/** A text's title in its authoritative language (else any), for the secretariat's lists. */
async function titleOf(repos: Repositories, textId: string, language: string | undefined) {
  const versions = await repos.texts.all(textId);
  return (versions.find((v) => v.language === language) ?? versions[0])?.title ?? textId;
}

/** Who was invited by a drive, who was not and why, and who has and has not responded. */
export async function driveStatus(ctx: Context, driveId: string) {
  authorise(ctx.actor, 'drive.manage');
  const { repos } = ctx.store;
  const drive = await repos.endorsements.drive(driveId);
  if (!drive) throw notFound('drive');
  const text = await repos.records.getAny('texts', drive.text_id);
  const programmeIds = JSON.parse(drive.programme_ids) as string[];
  const people = await pastParticipants(repos, programmeIds);
  const invitations = await repos.accounts.invitationsOfDrive(driveId);
  const endorsements = await repos.endorsements.byPeople(drive.text_id, people);
  const day = drive.created_at.slice(0, 10);
  const participants = [];
  for (const personId of people) {
    const person = await repos.records.getAny('people', personId);
    const invitation = invitations.find((i) => i.person_id === personId);
    const mine = endorsements.filter((e) => e.person_id === personId);
    const live = mine.find((e) => e.withdrawn_at === null);
    const last = mine.at(-1);
    const isParliamentarian = (await officesOn(repos, personId, day)).length > 0;
    const hasAccount = (await repos.accounts.userByPerson(personId)) !== undefined;
    // Why no link was sent, read from what the drive had at hand: no seat on its day, an
    // account made before it, or a link an earlier drive for this text had sent.
    const notInvited: NotInvitedReason | null = invitation
      ? null
      : !isParliamentarian
        ? 'not_a_parliamentarian'
        : hasAccount
          ? 'has_account'
          : 'already_invited';
    participants.push({
      person_id: personId,
      name: person?.name ?? personId,
      is_parliamentarian: isParliamentarian,
      invited: invitation !== undefined,
      not_invited_reason: notInvited,
      has_account: hasAccount,
      invitation_used: invitation ? invitation.used_at !== null : null,
      endorsement_id: live?.id ?? null,
      endorsed_on: live?.signed_on ?? null,
      withdrawn_at: live ? null : (last?.withdrawn_at ?? null),
      has_responded: mine.length > 0,
    });
  }
  return {
    id: drive.id,
    text_id: drive.text_id,
    text_title: await titleOf(repos, drive.text_id, text?.authoritative_language),
    programme_ids: programmeIds,
    created_at: drive.created_at,
    closes_at: drive.closes_at,
    invited: invitations.length,
    responded: participants.filter((p) => p.has_responded).length,
    not_responded: participants.filter((p) => !p.has_responded).length,
    participants,
  };
}

/** Every drive, newest first, with its text and counts, so that two drives can be told apart. */
export async function listDrives(ctx: Context) {
  authorise(ctx.actor, 'drive.manage');
  const drives = await ctx.store.repos.endorsements.drives();
  const items = [];
  for (const drive of drives) {
    const status = await driveStatus(ctx, drive.id);
    const invited = status.participants.filter((p) => p.invited);
    items.push({
      id: drive.id,
      text_id: drive.text_id,
      text_title: status.text_title,
      programme_ids: status.programme_ids,
      created_at: drive.created_at,
      closes_at: drive.closes_at,
      invited: invited.length,
      // Of those this drive sent a link to, how many signed (live or since withdrawn).
      endorsed: invited.filter((p) => p.has_responded).length,
      not_invited: status.participants.length - invited.length,
    });
  }
  return { items, total: items.length };
}
