// Reads that join records (a person with their memberships, a programme with its sessions and
// participants, a commitment with owners and evidence), commitments' writes, search, counts and
// the Popolo export. Every read goes through the viewer's visibility scope.
import type { Repositories, SearchQuery, Visibility } from '@tulay/store';
import { authorise, scopeOf } from '../access.ts';
import { newId } from '../auth/tokens.ts';
import { ApiError, forbidden, notFound } from '../errors.ts';
import type { Context } from './context.ts';
import { change } from './context.ts';
import { present } from './present.ts';
import { KINDS, createRecord, getRecord } from './records.ts';

export async function personDetail(ctx: Context, id: string) {
  const person = await getRecord(ctx, KINDS.people, id);
  const scope = scopeOf(ctx.actor);
  const memberships = await ctx.store.repos.records.list('memberships', scope, {
    where: { person_id: id },
  });
  const visible = [];
  for (const m of memberships) {
    if (await ctx.store.repos.records.get('organizations', m.organization_id, scope))
      visible.push(present(m));
  }
  return { ...person, memberships: visible };
}

export async function programmeDetail(ctx: Context, id: string) {
  const scope = scopeOf(ctx.actor);
  const programme = await getRecord(ctx, KINDS.programmes, id);
  const [sessions, participants, texts] = await Promise.all([
    ctx.store.repos.records.list('programme_sessions', scope, { where: { programme_id: id } }),
    ctx.store.repos.records.list('participants', scope, { where: { programme_id: id } }),
    ctx.store.repos.records.list('texts', scope, { where: { programme_id: id } }),
  ]);
  return {
    ...programme,
    sessions: sessions.map(present),
    participants: (
      await Promise.all(
        participants.map(async (p) =>
          (await ctx.store.repos.records.get('people', p.person_id, scope)) ? present(p) : null,
        ),
      )
    ).filter((p) => p !== null),
    text_ids: texts.map((t) => t.id),
  };
}

type OwnerInput = { type: 'person' | 'organization' | 'country'; id: string };

async function checkOwners(repos: Repositories, owners: readonly OwnerInput[]): Promise<void> {
  const fields = [];
  for (const [i, owner] of owners.entries()) {
    const ok =
      owner.type === 'country'
        ? /^ocd-division\/country:[a-z]{2}$/.test(owner.id)
        : await repos.records.exists(
            owner.type === 'person' ? 'people' : 'organizations',
            owner.id,
          );
    if (!ok) {
      fields.push({
        path: `body.owners.${i}.id`,
        message:
          owner.type === 'country'
            ? 'must be a country division id such as ocd-division/country:th'
            : `no ${owner.type} with id "${owner.id}"`,
      });
    }
  }
  if (fields.length > 0) throw new ApiError('invalid_request', 'an owner does not exist', fields);
}

export async function createCommitment(
  ctx: Context,
  input: Record<string, unknown> & { id?: string | undefined; owners?: OwnerInput[] | undefined },
  alsoDo?: (repos: Repositories, id: string) => Promise<void>,
) {
  const { owners = [], ...rest } = input;
  const created = await createRecord(ctx, KINDS.commitments, rest, async (repos, id) => {
    if (alsoDo) await alsoDo(repos, id);
    await checkOwners(repos, owners);
    for (const owner of owners) {
      await repos.commitments.addOwner({
        id: newId(),
        commitment_id: id,
        owner_type: owner.type,
        owner_id: owner.id,
      });
    }
  });
  return commitmentDetail(ctx, created.id);
}

export async function commitmentDetail(ctx: Context, id: string) {
  const commitment = await getRecord(ctx, KINDS.commitments, id);
  const owners = await ctx.store.repos.commitments.owners([id]);
  const evidence = await ctx.store.repos.commitments.evidence(id, scopeOf(ctx.actor));
  const followUps = await ctx.store.repos.records.list('follow_ups', scopeOf(ctx.actor), {
    where: { commitment_id: id },
  });
  // An owner the viewer may not see (a person kept to the caucus) is left out, not named.
  const visible = async (type: 'person' | 'organization') =>
    ctx.store.repos.activities.visibleIds(
      type === 'person' ? 'people' : 'organizations',
      owners.filter((o) => o.owner_type === type).map((o) => o.owner_id),
      scopeOf(ctx.actor),
    );
  const [people, organizations] = [await visible('person'), await visible('organization')];
  return {
    ...commitment,
    owners: owners
      .filter(
        (o) =>
          o.owner_type === 'country' ||
          (o.owner_type === 'person' ? people : organizations).has(o.owner_id),
      )
      .map((o) => ({ type: o.owner_type, id: o.owner_id })),
    evidence: evidence.map(present),
    follow_ups: followUps.map(present),
  };
}

/** Adds evidence: the secretariat for any commitment, a member or their staff for one their member owns. */
export async function addEvidence(
  ctx: Context,
  commitmentId: string,
  input: {
    description: string;
    url?: string | undefined;
    evidence_date?: string | undefined;
    visibility?: Visibility | undefined;
  },
) {
  authorise(ctx.actor, 'evidence.add');
  const actor = ctx.actor;
  await change(ctx, async ({ repos, now, audit }) => {
    const commitment = await repos.records.get('commitments', commitmentId, scopeOf(actor));
    if (!commitment) throw notFound('commitment');
    if (actor.role === 'member' || actor.role === 'staff') {
      const owners = await repos.commitments.owners([commitmentId]);
      if (!owners.some((o) => o.owner_type === 'person' && o.owner_id === actor.personId)) {
        throw forbidden(
          'only the secretariat, or the member who owns this commitment, may add evidence',
        );
      }
    }
    const row = {
      id: newId(),
      commitment_id: commitmentId,
      description: input.description,
      url: input.url ?? null,
      evidence_date: input.evidence_date ?? null,
      created_by: actor.userId,
      created_at: now,
      visibility: input.visibility ?? commitment.visibility,
    };
    await repos.commitments.addEvidence(row);
    await audit('create', 'evidence', row.id, null, row);
  });
  return commitmentDetail(ctx, commitmentId);
}

/** Open follow-ups whose due date is on or before `by`, soonest first. */
export async function followUpsDue(ctx: Context, by: string) {
  const rows = await ctx.store.repos.records.list('follow_ups', scopeOf(ctx.actor), {
    where: { status: 'open' },
  });
  return { items: rows.filter((r) => r.due_date !== null && r.due_date <= by).map(present) };
}

/** Whether the database answers. */
export async function health(ctx: Context) {
  await ctx.store.repos.meta.get('seed.loaded_at');
  return { status: 'ok' as const, database: ctx.store.dialect };
}

/**
 * Ranked full-text search across the records the viewer may see (texts in every language,
 * people, organisations, programmes, commitments); visibility is filtered in SQL by the store.
 */
export async function search(ctx: Context, query: SearchQuery) {
  return ctx.store.repos.search.search(query, {
    scope: scopeOf(ctx.actor),
    userId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
  });
}

/**
 * How many records of each kind the viewer may see, and live endorsements of visible texts.
 * Each count applies the rule its own list applies: documents are the published ones (a draft
 * under moderation is not the caucus's yet, even to the secretariat, who sees the queue).
 */
export async function stats(ctx: Context) {
  const scope = scopeOf(ctx.actor);
  const { records, endorsements, documents, workshops } = ctx.store.repos;
  const count = (table: Parameters<typeof records.count>[0]) => records.count(table, scope);
  const texts = await records.list('texts', scope);
  let endorsementCount = 0;
  for (const t of texts) endorsementCount += await endorsements.count(t.id);
  return {
    people: await count('people'),
    organizations: await count('organizations'),
    memberships: await count('memberships'),
    programmes: await count('programmes'),
    texts: texts.length,
    endorsements: endorsementCount,
    commitments: await count('commitments'),
    follow_ups: await count('follow_ups'),
    topics: await count('topics'),
    documents: await documents.count(
      { kind: 'scoped', scope, userId: null },
      { status: 'published' },
    ),
    visits: await count('visits'),
    bills: await count('bills'),
    engagements: await count('engagements'),
    national_caucuses: await records.count('organizations', scope, {
      where: { classification: 'national_caucus' },
    }),
    collaborations: await count('collaborations'),
    workshops: await workshops.count(scope),
  };
}

/** People, organisations, posts and memberships the viewer may see, as a Popolo JSON export. */
export async function popoloExport(ctx: Context) {
  const scope = scopeOf(ctx.actor);
  const { records } = ctx.store.repos;
  const strip = (r: { id: string }) => {
    const out = present(r);
    delete out.visibility;
    delete out.created_at;
    delete out.updated_at;
    return out;
  };
  const [persons, organizations, posts, memberships] = await Promise.all([
    records.list('people', scope),
    records.list('organizations', scope),
    records.list('posts', scope),
    records.list('memberships', scope),
  ]);
  // A link is exported only when both ends are: a visible membership must not reveal a hidden person.
  const personIds = new Set(persons.map((p) => p.id));
  const organizationIds = new Set(organizations.map((o) => o.id));
  const visiblePosts = posts.filter((p) => organizationIds.has(p.organization_id));
  const postIds = new Set(visiblePosts.map((p) => p.id));
  const visibleMemberships = memberships.filter(
    (m) =>
      personIds.has(m.person_id) &&
      organizationIds.has(m.organization_id) &&
      (m.post_id === null || postIds.has(m.post_id)) &&
      (m.on_behalf_of_id === null || organizationIds.has(m.on_behalf_of_id)),
  );
  // A parent the viewer may not see is left out rather than named.
  const organization = (o: (typeof organizations)[number]) => {
    const out = strip(o);
    if (o.parent_id !== null && !organizationIds.has(o.parent_id)) delete out.parent_id;
    return out;
  };
  return {
    persons: persons.map(strip),
    organizations: organizations.map(organization),
    posts: visiblePosts.map(strip),
    memberships: visibleMemberships.map(strip),
  };
}
