// Resolutions and statements: versioned texts in several languages, one of them authoritative.
import type { TextVersion, Visibility } from '@tulay/store';
import { authorise, scopeOf } from '../access.ts';
import { newId } from '../auth/tokens.ts';
import { ApiError, notFound } from '../errors.ts';
import type { Context } from './context.ts';
import { change } from './context.ts';
import { present } from './present.ts';

export interface TextInput {
  id?: string | undefined;
  kind: 'resolution' | 'statement';
  programme_id?: string | undefined;
  authoritative_language: string;
  status?: 'draft' | 'open' | 'closed' | undefined;
  is_endorsable?: boolean | undefined;
  title: string;
  body: string;
  visibility?: Visibility | undefined;
}

function presentVersion(v: TextVersion) {
  return {
    version: v.version,
    language: v.language,
    title: v.title,
    body: v.body,
    ...(v.note !== null ? { note: v.note } : {}),
    created_at: v.created_at,
  };
}

/** A text with its latest version in each language and its public endorsement count. */
export async function getText(ctx: Context, id: string) {
  const row = await ctx.store.repos.records.get('texts', id, scopeOf(ctx.actor));
  if (!row) throw notFound('text');
  const versions = await ctx.store.repos.texts.all(id);
  const latest = versions[0]?.version ?? 0;
  const current = versions.filter((v) => v.version === latest).map(presentVersion);
  return {
    ...present(row),
    id: row.id,
    kind: row.kind,
    authoritative_language: row.authoritative_language,
    status: row.status,
    visibility: row.visibility,
    is_endorsable: row.is_endorsable === 1,
    version: latest,
    versions: current,
    endorsement_count: await ctx.store.repos.endorsements.count(id),
  };
}

/** Every version of a text the actor may see. */
export async function textVersions(ctx: Context, id: string) {
  const row = await ctx.store.repos.records.get('texts', id, scopeOf(ctx.actor));
  if (!row) throw notFound('text');
  return { items: (await ctx.store.repos.texts.all(id)).map(presentVersion) };
}

export async function listTexts(
  ctx: Context,
  options: { kind?: string | undefined; limit: number; offset: number },
) {
  const scope = scopeOf(ctx.actor);
  const where = options.kind !== undefined ? { kind: options.kind } : undefined;
  const filter = where ? { where } : {};
  const [rows, total] = await Promise.all([
    ctx.store.repos.records.list('texts', scope, {
      ...filter,
      limit: options.limit,
      offset: options.offset,
    }),
    ctx.store.repos.records.count('texts', scope, filter),
  ]);
  return { items: await Promise.all(rows.map((r) => getText(ctx, r.id))), total };
}

/** Creates a text with its first version in its authoritative language. */
export async function createText(ctx: Context, input: TextInput) {
  authorise(ctx.actor, 'text.write');
  const id = input.id ?? newId();
  await change(ctx, async ({ repos, now, audit }) => {
    if (
      input.programme_id !== undefined &&
      !(await repos.records.exists('programmes', input.programme_id))
    ) {
      throw new ApiError('invalid_request', 'a referenced record does not exist', [
        { path: 'body.programme_id', message: `no programme with id "${input.programme_id}"` },
      ]);
    }
    if (await repos.records.exists('texts', id)) {
      throw new ApiError('conflict', `a text with id "${id}" already exists`, [
        { path: 'body.id', message: 'already taken' },
      ]);
    }
    const row = {
      id,
      kind: input.kind,
      programme_id: input.programme_id ?? null,
      authoritative_language: input.authoritative_language,
      status: input.status ?? 'draft',
      is_endorsable: input.is_endorsable === false ? (0 as const) : (1 as const),
      extra: '{}',
      visibility: input.visibility ?? 'public',
      created_at: now,
      updated_at: now,
    };
    await repos.records.insert('texts', row);
    const version = {
      id: newId(),
      text_id: id,
      version: 1,
      language: input.authoritative_language,
      title: input.title,
      body: input.body,
      note: null,
      created_at: now,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    };
    await repos.texts.add(version);
    await repos.search.refresh('text', id);
    await audit('create', 'texts', id, null, { ...row, version });
  });
  return getText(ctx, id);
}

/**
 * Adds a version. A new version number starts in the authoritative language; translations are
 * added at the current version number and must not precede the authoritative one.
 */
export async function addVersion(
  ctx: Context,
  id: string,
  input: {
    language: string;
    title: string;
    body: string;
    note?: string | undefined;
    is_new_version: boolean;
  },
) {
  authorise(ctx.actor, 'text.write');
  await change(ctx, async ({ repos, now, audit }) => {
    const text = await repos.records.get('texts', id, scopeOf(ctx.actor));
    if (!text) throw notFound('text');
    const latest = await repos.texts.latestVersion(id);
    const version = input.is_new_version ? latest + 1 : latest;
    if (input.is_new_version && input.language !== text.authoritative_language) {
      throw new ApiError('invalid_request', 'a new version starts in the authoritative language', [
        {
          path: 'body.language',
          message: `must be ${text.authoritative_language} for a new version`,
        },
      ]);
    }
    const existing = (await repos.texts.all(id)).find(
      (v) => v.version === version && v.language === input.language,
    );
    if (existing) {
      throw new ApiError('conflict', `version ${version} already exists in ${input.language}`, [
        { path: 'body.language', message: 'this version already has this language' },
      ]);
    }
    const row = {
      id: newId(),
      text_id: id,
      version,
      language: input.language,
      title: input.title,
      body: input.body,
      note: input.note ?? null,
      created_at: now,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    };
    await repos.texts.add(row);
    await repos.records.update('texts', id, { updated_at: now });
    await repos.search.refresh('text', id);
    await audit('add_version', 'texts', id, null, row);
  });
  return getText(ctx, id);
}

/** Changes a text's status (draft → open → closed) or visibility. */
export async function updateText(
  ctx: Context,
  id: string,
  patch: {
    status?: 'draft' | 'open' | 'closed' | undefined;
    visibility?: Visibility | undefined;
  },
) {
  authorise(ctx.actor, 'text.write');
  await change(ctx, async ({ repos, now, audit }) => {
    const before = await repos.records.get('texts', id, scopeOf(ctx.actor));
    if (!before) throw notFound('text');
    await repos.records.update('texts', id, {
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.visibility !== undefined ? { visibility: patch.visibility } : {}),
      updated_at: now,
    });
    await repos.search.refresh('text', id);
    await audit('update', 'texts', id, before, await repos.records.getAny('texts', id));
  });
  return getText(ctx, id);
}
