// Ranked full-text search over the caucus's records in every script of the region. Terms come
// from the tokeniser (Intl.Segmenter, so Thai, Lao, Khmer and Burmese are split into words);
// the index is two tables (entries and postings) in portable SQL, ranked by BM25 with a title
// boost. Visibility is filtered in SQL against the records' own tables, as records.ts does, so a
// hidden record, or one pointing to a hidden record, never reaches a viewer who may not see it.
import type { Insertable, Kysely, RawBuilder } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';
import type { Database, SearchEntryTable, SearchPostingTable, Visibility } from '../schema.ts';
import { VISIBILITIES } from '../schema.ts';
import type {
  SearchEntryInput,
  SearchKind,
  SearchSource,
  SearchViewer,
} from '../search/sources.ts';
import { SEARCH_SOURCES } from '../search/sources.ts';
import type { Token } from '../search/tokenize.ts';
import { fold, isUnspaced, queryTerms, tokenize } from '../search/tokenize.ts';
import { linksVisible } from './records.ts';

export interface SearchQuery {
  q: string;
  kind?: SearchKind | undefined;
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string | undefined;
  /** A BCP 47 tag; `th` also finds `th-TH`. */
  language?: string | undefined;
  type?: string | undefined;
  /** Partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); a record dated `2011` is within `2011-09`. */
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

/** A piece of a snippet: plain text, and whether it is one of the query's words. */
export interface SnippetSegment {
  text: string;
  match: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  snippet: SnippetSegment[];
  score: number;
  language: string | null;
  date: string | null;
  countries: string[];
  type: string | null;
}

/** BM25's parameters, and how much a word in the title counts beside one in the body. */
const K1 = 1.2;
const B = 0.75;
const TITLE_BOOST = 3;
/** How much a match counts by how close it is to the query's word (exact ranks first). */
const WEIGHT = { exact: 1, prefix: 0.6, folded: 0.5, foldedPrefix: 0.3 } as const;
/** A query's words beyond this many are ignored. */
const MAX_QUERY_TERMS = 12;
/**
 * A query word matches at most this many of the indexed words it begins (its completions), the
 * most frequent first, and always itself. A word of one or two letters begins many words (in a
 * library of reports, every name beginning with it), and every one of their postings would be
 * read, scored and checked for visibility; past the few dozen most frequent, each completion adds
 * only the few records it occurs in, while the frequent ones are where people's words are. 50
 * keeps every completion of most real words (on the seed, `pension` begins 2 indexed words and
 * `migra` 4, while `p` begins 107 and `co` 75), and with 12 query words at most the terms named
 * stay far within both databases' parameter limits (docs/storage.md, "Search index").
 */
export const MAX_COMPLETIONS = 50;
/** Snippets: about this many characters around the best match. */
const SNIPPET_BEFORE = 70;
const SNIPPET_AFTER = 130;
/** Bodies longer than this are tokenised for a snippet only in a window of this size. */
const LONG_BODY = 4000;
/** Rows per INSERT (5 and 11 parameters each: well within both databases' limits). */
const BATCH = 1000;
const ENTRY_BATCH = 200;
/** Characters of a body indexed and kept: a long extracted report is searched by its first 500,000. */
const MAX_BODY = 500_000;
/** Records read at a time when rebuilding. */
const READ_BATCH = 200;
// Above every code point a term can hold: `term >= p and term < p + TOP` is "starts with p".
const TOP = '\u{10FFFF}';

const entryId = (kind: string, recordId: string, key?: string) =>
  key === undefined ? `${kind}:${recordId}` : `${kind}:${recordId}:${key}`;

/** Term frequencies of a field: `term|form` → count. */
function frequencies(
  tokens: readonly Token[],
): Map<string, { term: string; form: number; tf: number }> {
  const out = new Map<string, { term: string; form: number; tf: number }>();
  const add = (term: string, form: number) => {
    const key = `${form}|${term}`;
    const found = out.get(key);
    if (found) found.tf += 1;
    else out.set(key, { term, form, tf: 1 });
  };
  for (const t of tokens) {
    add(t.term, 0);
    if (t.folded !== null) add(t.folded, 1);
  }
  return out;
}

/** How strongly an indexed word matches a query word (0: not at all). */
function matchWeight(word: { term: string; folded: string | null }, q: Token): number {
  const qf = fold(q.term);
  const wf = word.folded ?? word.term;
  if (word.term === q.term) return WEIGHT.exact;
  if (word.term.startsWith(q.term)) return WEIGHT.prefix;
  if (wf === qf) return WEIGHT.folded;
  if (wf.startsWith(qf)) return WEIGHT.foldedPrefix;
  return 0;
}

/** A window of `body` around its best match, cut into plain-text segments. */
export function snippet(
  body: string,
  language: string | null,
  query: readonly Token[],
): SnippetSegment[] {
  if (body === '') return [];
  // A long body (an extracted report) is tokenised only around the first literal occurrence of
  // a query word, or at its start: the snippet is one window, wherever it is.
  let from = 0;
  let text = body;
  if (body.length > LONG_BODY) {
    const lower = body.toLowerCase();
    const hits = query
      .map((q) => (lower.length === body.length ? lower.indexOf(q.term) : -1))
      .filter((i) => i >= 0);
    from = Math.max(0, (hits.length > 0 ? Math.min(...hits) : 0) - LONG_BODY / 2);
    text = body.slice(from, from + LONG_BODY);
  }
  const words = tokenize(text, language).map((w) => ({
    ...w,
    start: w.start + from,
    end: w.end + from,
  }));
  const matches = words.flatMap((word) => {
    let best = 0;
    let which = -1;
    query.forEach((q, i) => {
      const w = matchWeight(word, q);
      if (w > best) [best, which] = [w, i];
    });
    return best > 0 ? [{ start: word.start, end: word.end, weight: best, which }] : [];
  });
  // The best window holds the most of the query's words, then the closest matches.
  let anchor = matches[0];
  let anchorValue = -1;
  for (const m of matches) {
    const near = matches.filter(
      (o) => o.start >= m.start - SNIPPET_BEFORE && o.end <= m.start + SNIPPET_AFTER,
    );
    const value = new Set(near.map((o) => o.which)).size * 10 + m.weight;
    if (value > anchorValue) [anchor, anchorValue] = [m, value];
  }
  let start = 0;
  let end = Math.min(body.length, SNIPPET_BEFORE + SNIPPET_AFTER);
  if (anchor !== undefined) {
    start = Math.max(0, anchor.start - SNIPPET_BEFORE);
    end = Math.min(body.length, anchor.start + SNIPPET_AFTER);
  }
  // Cut at whitespace where there is some nearby, never inside a match.
  const inMatch = (at: number) => matches.some((m) => m.start < at && at < m.end);
  if (start > 0) {
    const space = body.slice(start, start + 20).search(/\s/);
    if (space >= 0) start += space + 1;
    while (start > 0 && inMatch(start)) start -= 1;
  }
  if (end < body.length) {
    const space = body.slice(Math.max(start, end - 20), end).search(/\s\S*$/);
    if (space >= 0) end = Math.max(start, end - 20) + space;
    while (end < body.length && inMatch(end)) end += 1;
  }
  const segments: SnippetSegment[] = [];
  const push = (text: string, match: boolean) => {
    if (text === '') return;
    const last = segments.at(-1);
    if (last !== undefined && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (const m of matches) {
    if (m.start < start || m.end > end) continue;
    push(body.slice(at, m.start), false);
    push(body.slice(m.start, m.end), true);
    at = m.end;
  }
  push(body.slice(at, end), false);
  if (end < body.length) push('…', false);
  return segments;
}

/** `(p.term >= lower and p.term < lower + TOP)`: terms starting with `lower`. */
const startsWith = (prefix: string) => sql`(p.term >= ${prefix} and p.term < ${prefix + TOP})`;

/**
 * The postings a query word matches: as written, or beginning with it (`form` 0), or, folded,
 * beginning with its folded form (either form). A word without Latin diacritics is its own folded
 * form, and then the second range holds the first.
 */
function matching(t: string): RawBuilder<unknown> {
  const f = fold(t);
  return f === t ? startsWith(t) : sql`((p.form = 0 and ${startsWith(t)}) or ${startsWith(f)})`;
}

/**
 * The postings of `terms`, completions of the query word `t` that `matching(t)` would match. As
 * equalities alone, without the prefix range: PostgreSQL estimates a range and a list together
 * as a few rows and then looks up each matching entry one by one (54 ms against 33 ms for the
 * hash join it picks for the list alone, on a one-letter prefix in `npm run bench:search`).
 */
function among(t: string, terms: readonly string[]): RawBuilder<unknown> {
  const f = fold(t);
  // A completion of the folded form matches in either form; one of the word as written only as
  // written (its folded twin, if any, begins with the folded form and is in the first list).
  const either = terms.filter((term) => term.startsWith(f));
  const written = terms.filter((term) => !term.startsWith(f));
  const parts = [];
  if (either.length > 0) parts.push(sql`p.term in (${sql.join(either)})`);
  if (written.length > 0) parts.push(sql`(p.form = 0 and p.term in (${sql.join(written)}))`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * One query word's matching postings, summed per entry with their weights; `terms`, when the
 * word has more completions than are read, the ones that are. Floating point throughout:
 * PostgreSQL's exact `numeric` arithmetic costs several times more per row.
 */
function termMatches(t: string, i: number, terms: readonly string[] | null): RawBuilder<unknown> {
  const f = fold(t);
  const weight = sql`case
      when p.form = 0 and p.term = ${t} then ${sql.lit(WEIGHT.exact)}
      when p.form = 0 and ${startsWith(t)} then ${sql.lit(WEIGHT.prefix)}
      when p.term = ${f} then ${sql.lit(WEIGHT.folded)}
      else ${sql.lit(WEIGHT.foldedPrefix)} end`;
  return sql`select p.entry_id as entry_id, ${sql.lit(i)} as qi,
      cast(sum(cast(p.tf as double precision) * (case when p.field = 1 then ${sql.lit(TITLE_BOOST)} else 1 end) * ${weight}) as double precision) as w
    from search_postings p
    where ${terms === null ? matching(t) : among(t, terms)}
    group by p.entry_id`;
}

/** The narrower of two visibilities (`secretariat` is narrower than `caucus`, than `public`). */
const narrower = (a: Visibility, b: Visibility): Visibility =>
  VISIBILITIES.indexOf(a) >= VISIBILITIES.indexOf(b) ? a : b;

/** Repositories run inside a transaction or not: this is what both have. */
type Db = Kysely<Database>;

export interface SearchOptions {
  /** Completions read per query word (default `MAX_COMPLETIONS`; `Infinity`: all, as before 0009). */
  maxCompletions?: number;
}

/** The search index: keeping it current, rebuilding it, and querying it. */
export class Search {
  private readonly maxCompletions: number;

  constructor(
    private readonly db: Db,
    private readonly sources: readonly SearchSource[] = SEARCH_SOURCES,
    private readonly options: SearchOptions = {},
  ) {
    this.maxCompletions = options.maxCompletions ?? MAX_COMPLETIONS;
  }

  private source(kind: SearchKind): SearchSource | undefined {
    return this.sources.find((s) => s.kind === kind);
  }

  /** Re-reads one record into the index (removing it when it no longer exists). */
  async refresh(kind: SearchKind, recordId: string): Promise<void> {
    const source = this.source(kind);
    if (source === undefined) throw new Error(`no search source for kind "${kind}"`);
    await this.remove(kind, recordId);
    const read = await source.read(this.db, [recordId]);
    await this.insert([{ kind, recordId, entries: read.get(recordId) ?? [] }]);
  }

  /** Takes a record out of the index. */
  async remove(kind: SearchKind, recordId: string): Promise<void> {
    const ids = this.db
      .selectFrom('search_entries')
      .select('id')
      .where('kind', '=', kind)
      .where('record_id', '=', recordId);
    await this.db.deleteFrom('search_postings').where('entry_id', 'in', ids).execute();
    await this.db
      .deleteFrom('search_entries')
      .where('kind', '=', kind)
      .where('record_id', '=', recordId)
      .execute();
  }

  /** Whether the index holds anything. */
  async hasEntries(): Promise<boolean> {
    const row = await this.db.selectFrom('search_entries').select('id').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /** Rebuilds the whole index from the records; returns how many entries it holds. */
  async reindex(): Promise<{ records: number; entries: number }> {
    await this.db.deleteFrom('search_postings').execute();
    await this.db.deleteFrom('search_entries').execute();
    let records = 0;
    let entries = 0;
    for (const source of this.sources) {
      const ids = await source.ids(this.db);
      for (let i = 0; i < ids.length; i += READ_BATCH) {
        const read = await source.read(this.db, ids.slice(i, i + READ_BATCH));
        const batch = [...read].map(([recordId, list]) => ({
          kind: source.kind,
          recordId,
          entries: list,
        }));
        await this.insert(batch);
        records += batch.length;
        entries += batch.reduce((n, b) => n + b.entries.length, 0);
      }
    }
    // Fresh statistics, so that both databases' planners use the term index for rare terms.
    await sql`analyze search_entries`.execute(this.db);
    await sql`analyze search_postings`.execute(this.db);
    return { records, entries };
  }

  /**
   * Re-reads the records that point to this one (a programme's texts, commitments and documents;
   * an organisation's bills): their country, date and ranking
   * statistics follow it. What a viewer finds never depends on this: links are checked live.
   */
  async refreshLinked(table: string, recordId: string): Promise<void> {
    for (const source of this.sources) {
      for (const [column, target] of Object.entries(source.links ?? {})) {
        if (target !== table) continue;
        const found = await sql<{ id: string }>`select id from ${sql.table(source.table)}
          where ${sql.ref(column)} = ${recordId} order by id`.execute(this.db);
        for (const { id } of found.rows) await this.refresh(source.kind, id);
      }
    }
  }

  /** Per record: the narrowest visibility among the records it points to (none: absent). */
  private async linkedVisibility(
    kind: SearchKind,
    recordIds: readonly string[],
  ): Promise<Map<string, Visibility>> {
    const out = new Map<string, Visibility>();
    const source = this.source(kind);
    if (source === undefined || recordIds.length === 0) return out;
    for (const [column, target] of Object.entries(source.links ?? {})) {
      const rows = await sql<{ id: string; visibility: Visibility }>`
        select r.id as id, l.visibility as visibility
        from ${sql.table(source.table)} r join ${sql.table(target)} l on l.id = ${sql.ref(`r.${column}`)}
        where r.id in (${sql.join([...recordIds])})`.execute(this.db);
      for (const row of rows.rows)
        out.set(row.id, narrower(out.get(row.id) ?? 'public', row.visibility));
    }
    return out;
  }

  /** Writes records' entries and their postings, a few statements per batch. */
  private async insert(
    records: readonly {
      kind: SearchKind;
      recordId: string;
      entries: readonly SearchEntryInput[];
    }[],
  ): Promise<void> {
    const rows: Insertable<SearchEntryTable>[] = [];
    const postings: Insertable<SearchPostingTable>[] = [];
    const linked = new Map<SearchKind, Map<string, Visibility>>();
    for (const kind of new Set(records.map((r) => r.kind)))
      linked.set(
        kind,
        await this.linkedVisibility(
          kind,
          records.filter((r) => r.kind === kind).map((r) => r.recordId),
        ),
      );
    for (const { kind, recordId, entries } of records) {
      const links = linked.get(kind)?.get(recordId) ?? 'public';
      for (const entry of entries) {
        const id = entryId(kind, recordId, entry.key);
        const title = tokenize(entry.title, entry.language);
        const text = entry.body.length > MAX_BODY ? entry.body.slice(0, MAX_BODY) : entry.body;
        const body = tokenize(text, entry.language);
        const counted = entry.published === false ? null : narrower(entry.visibility, links);
        rows.push({
          id,
          kind,
          record_id: recordId,
          language: entry.language,
          title: entry.title,
          body: text,
          countries:
            entry.countries.length === 0
              ? ''
              : `,${entry.countries.map((c) => c.toUpperCase()).join(',')},`,
          type: entry.type,
          date: entry.date,
          visibility: entry.visibility,
          counted_visibility: counted,
          length: title.length + body.length,
        });
        for (const [field, tokens] of [
          [1, title],
          [0, body],
        ] as const) {
          for (const p of frequencies(tokens).values())
            postings.push({
              entry_id: id,
              term: p.term,
              field,
              form: p.form,
              tf: p.tf,
              counted_visibility: counted,
            });
        }
      }
    }
    for (let i = 0; i < rows.length; i += ENTRY_BATCH)
      await this.db
        .insertInto('search_entries')
        .values(rows.slice(i, i + ENTRY_BATCH))
        .execute();
    for (let i = 0; i < postings.length; i += BATCH)
      await this.db
        .insertInto('search_postings')
        .values(postings.slice(i, i + BATCH))
        .execute();
  }

  /** SQL over `e` (with `kind` and `record_id`): the record behind the entry is one the viewer may see. */
  private visible(viewer: SearchViewer): RawBuilder<boolean> {
    const scope = [...viewer.scope];
    const kinds = this.sources.map((source) => {
      const table = sql.table(source.table);
      const ref = (column: string) => sql.ref(`${source.table}.${column}`);
      const access = source.access ? sql` and ${source.access(viewer)}` : sql``;
      return sql`(e.kind = ${source.kind} and exists (select 1 from ${table} where ${ref('id')} = e.record_id and ${ref('visibility')} in (${sql.join(scope)}) and ${linksVisible(source.table, scope, source.links ?? {})}${access}))`;
    });
    return sql<boolean>`(${sql.join(kinds, sql` or `)})`;
  }

  /** The records matching `query` that the viewer may see, best first, and how many there are. */
  async search(
    query: SearchQuery,
    viewer: SearchViewer,
  ): Promise<{ items: SearchHit[]; total: number }> {
    if (!(this.db.getExecutor().adapter instanceof PostgresAdapter)) return this.run(query, viewer);
    // PostgreSQL compiles a query whose estimated cost passes `jit_above_cost` to machine code
    // first; for this one (a score expression and a visibility check per kind) the compiling
    // took longer than the query: 600 ms of an 800 ms search. Off for this transaction only.
    if (this.db.isTransaction) {
      await sql`set local jit = off`.execute(this.db);
      return this.run(query, viewer);
    }
    return this.db
      .transaction()
      .execute((trx) => new Search(trx, this.sources, this.options).search(query, viewer));
  }

  private async run(
    query: SearchQuery,
    viewer: SearchViewer,
  ): Promise<{ items: SearchHit[]; total: number }> {
    const terms = (await this.splitCompounds(queryTerms(query.q))).slice(0, MAX_QUERY_TERMS);
    if (terms.length === 0 || viewer.scope.length === 0) return { items: [], total: 0 };
    const scope = [...viewer.scope];

    // The collection statistics count only what the viewer may see and what is published, so a
    // score never depends on a hidden record (a draft, a record kept to the secretariat).
    const stats = await this.db
      .selectFrom('search_entries')
      .select([
        sql<number | string>`cast(count(*) as integer)`.as('n'),
        sql<number | string | null>`avg(length)`.as('avgdl'),
      ])
      .where('counted_visibility', 'in', scope)
      .executeTakeFirstOrThrow();
    const n = Number(stats.n);
    const avgdl = Math.max(1, Number(stats.avgdl ?? 1));

    const filters: RawBuilder<unknown>[] = [];
    if (query.kind !== undefined) filters.push(sql`e.kind = ${query.kind}`);
    if (query.type !== undefined) filters.push(sql`e.type = ${query.type}`);
    if (query.country !== undefined)
      filters.push(sql`e.countries like ${`%,${query.country.toUpperCase()},%`}`);
    if (query.language !== undefined) {
      const lang = query.language.toLowerCase();
      filters.push(sql`(lower(e.language) = ${lang} or lower(e.language) like ${`${lang}-%`})`);
    }
    // A partial date is a period: compare at the coarser of the two precisions.
    if (query.from !== undefined) {
      const len = query.from.length;
      filters.push(
        sql`(e.date is not null and ((length(e.date) >= ${sql.lit(len)} and substr(e.date, 1, ${sql.lit(len)}) >= ${query.from}) or (length(e.date) < ${sql.lit(len)} and e.date >= substr(${query.from}, 1, length(e.date)))))`,
      );
    }
    if (query.to !== undefined) {
      const len = query.to.length;
      filters.push(
        sql`(e.date is not null and ((length(e.date) >= ${sql.lit(len)} and substr(e.date, 1, ${sql.lit(len)}) <= ${query.to}) or (length(e.date) < ${sql.lit(len)} and e.date <= substr(${query.to}, 1, length(e.date)))))`,
      );
    }
    const where = filters.length === 0 ? sql`1 = 1` : sql.join(filters, sql` and `);

    // Enough of the query's words must match: all of one or two, three of four, and so on.
    // Segmenters disagree on compounds, so a long Thai or Khmer query may have a word that the
    // indexed sentence split differently.
    const needed = Math.max(1, Math.ceil(terms.length * 0.6));
    const completions: (string[] | null)[] = [];
    for (const t of terms) completions.push(await this.completions(t.term, scope));
    const matches = sql.join(
      terms.map((t, i) => termMatches(t.term, i, completions[i] ?? null)),
      sql` union all `,
    );
    // Each entry is read once (`me`); document frequencies come from it once per word (`df`,
    // counting only entries the statistics count); entries are scored and kept to those that
    // match enough words before the per-kind visibility check, which then runs once per entry
    // (materialized, so that the planner does not push it below the aggregate); only the page's
    // entries are read whole, for their snippets.
    const rows = await sql<{
      id: string;
      kind: SearchKind;
      record_id: string;
      language: string | null;
      title: string;
      body: string;
      countries: string;
      type: string | null;
      date: string | null;
      score: number | string;
      total: number | string;
    }>`
      with m as (${matches}),
      me as materialized (
        select m.entry_id, m.qi, m.w, e.kind, e.record_id,
          cast(e.length as double precision) as length,
          case when e.counted_visibility in (${sql.join(scope)}) then 1 else 0 end as counted,
          case when ${where} then 1 else 0 end as kept
        from m join search_entries e on e.id = m.entry_id
        where e.visibility in (${sql.join(scope)})
      ),
      df as (
        select qi,
          cast(ln(1.0 + (${sql.lit(n)} - sum(counted) + 0.5) / (sum(counted) + 0.5)) as double precision) as idf
        from me group by qi
      ),
      scored as materialized (
        select me.entry_id, me.kind, me.record_id,
          sum(
            df.idf * (me.w * ${sql.lit(K1 + 1)})
            / (me.w + ${sql.lit(K1)} * (${sql.lit(1 - B)} + ${sql.lit(B)} * me.length / ${sql.lit(avgdl)}))
          ) * (1.0 * count(*)) / ${sql.lit(terms.length)} as score
        from me join df on df.qi = me.qi
        where me.kept = 1
        group by me.entry_id, me.kind, me.record_id
        having count(*) >= ${sql.lit(needed)}
      ),
      best as (
        select e.entry_id, e.score, e.kind, e.record_id,
          row_number() over (partition by e.kind, e.record_id order by e.score desc, e.entry_id) as rank
        from scored e
        where ${this.visible(viewer)}
      ),
      page as (
        select entry_id, score, kind, record_id, count(*) over () as total
        from best
        where rank = 1
        order by score desc, kind, record_id
        limit ${query.limit} offset ${query.offset}
      )
      select e.id, e.kind, e.record_id, e.language, e.title, e.body, e.countries, e.type, e.date,
        cast(page.score as double precision) as score, page.total
      from page join search_entries e on e.id = page.entry_id
      order by page.score desc, page.kind, page.record_id
    `.execute(this.db);

    let total = Number(rows.rows[0]?.total ?? 0);
    if (rows.rows.length === 0 && query.offset > 0) total = await this.count(query, viewer);
    const items = rows.rows.map((r) => ({
      kind: r.kind,
      id: r.record_id,
      title: r.title,
      snippet: snippet(r.body, r.language, terms),
      score: Math.round(Number(r.score) * 1000) / 1000,
      language: r.language,
      date: r.date,
      countries: r.countries.split(',').filter((c) => c !== ''),
      type: r.type,
    }));
    return { items, total };
  }

  /**
   * Segmenters disagree on compounds: alone, "ลูกจ้าง" is one word; in a sentence, "ลูก" and
   * "จ้าง". A query word of an unspaced script that begins no indexed term is split into the
   * longest indexed terms it begins with, left to right (its tail is kept when nothing fits).
   */
  private async splitCompounds(terms: readonly Token[]): Promise<Token[]> {
    const out: Token[] = [];
    for (const token of terms) {
      if (!isUnspaced(token.term) || (await this.begins(token.term))) {
        out.push(token);
        continue;
      }
      let rest = Array.from(token.term);
      while (rest.length > 0) {
        const heads = rest.slice(1).map((_, i) => rest.slice(0, i + 1).join(''));
        heads.push(rest.join(''));
        const found = await this.db
          .selectFrom('search_postings')
          .select('term')
          .where('form', '=', 0)
          .where('term', 'in', heads)
          .orderBy(sql`length(term)`, 'desc')
          .limit(1)
          .executeTakeFirst();
        const piece = found?.term ?? rest.join('');
        out.push({ ...token, term: piece, folded: null });
        rest = rest.slice(Array.from(piece).length);
      }
    }
    const seen = new Set<string>();
    return out.filter((t) => !seen.has(t.term) && seen.add(t.term));
  }

  /**
   * The indexed words a query word may match, when it begins more than `maxCompletions` of them:
   * the most frequent, and always the word itself and its folded form; null when it begins few
   * enough to read them all. A word's frequency is how many postings of it count in the viewer's
   * statistics (`counted_visibility` within scope), so a record the viewer may not see never
   * decides which completions they get; words that count for no one come last (a draft is
   * found by its submitter by a rarer prefix, or by the word itself). Ties go by code-point
   * order, the same on both databases. Reads the prefix's range of the covering index only.
   */
  private async completions(t: string, scope: readonly Visibility[]): Promise<string[] | null> {
    if (!Number.isFinite(this.maxCompletions)) return null;
    const rows = await sql<{ term: string }>`
      select p.term as term
      from search_postings p
      where ${matching(t)}
      group by p.term
      order by sum(case when p.counted_visibility in (${sql.join([...scope])}) then 1 else 0 end) desc, p.term
      limit ${sql.lit(this.maxCompletions + 1)}`.execute(this.db);
    if (rows.rows.length <= this.maxCompletions) return null;
    const kept = new Set(rows.rows.slice(0, this.maxCompletions).map((r) => r.term));
    kept.add(t);
    kept.add(fold(t));
    return [...kept];
  }

  /** Whether some indexed word begins with `term`. */
  private async begins(term: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('search_postings')
      .select('term')
      .where('term', '>=', term)
      .where('term', '<', term + TOP)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The total alone, for a page past the last. */
  private async count(query: SearchQuery, viewer: SearchViewer): Promise<number> {
    const all = await this.search({ ...query, offset: 0, limit: 1 }, viewer);
    return all.total;
  }
}
