// The document library: search (GET /api/search, snippets with the query's words marked) or
// browse (GET /api/documents), filtered by type, country and language. Only what the viewer may
// see comes back; the filters are the server's.
import type { SyntheticEvent } from 'react';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useRouter } from '../router.tsx';
import type { CaucusDocument, List, SearchHit } from './api.ts';
import { DOCUMENT_TYPES, query } from './api.ts';
import { DOCUMENT_LANGUAGES, sortedCountries } from './document-form.tsx';
import { useSession } from './session.ts';
import { Loading, VisibilityTag, partialDate, useApi, useTitle } from './ui.tsx';

const PAGE = 20;

/** A snippet's segments, the query's words marked. Plain text only: never HTML. */
export function Snippet({ segments }: { readonly segments: SearchHit['snippet'] }) {
  return (
    <p className="snippet">
      {segments.map((s, i) =>
        s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
    </p>
  );
}

function Meta({
  type,
  date,
  language,
  countries,
}: {
  readonly type: string | null;
  readonly date: string | null;
  readonly language: string | null;
  readonly countries: readonly string[];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <p className="muted">
      {[
        type ? t('caucus.documents.type', { type }) : null,
        partialDate(i18n, date),
        language ? i18n.language(language) : null,
        countries.length > 0 ? i18n.list(countries.map((c) => i18n.country(c))) : null,
      ]
        .filter(Boolean)
        .join(' · ')}
    </p>
  );
}

export function DocumentsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { location, navigate } = useRouter();
  const session = useSession();
  useTitle(t('caucus.documents.title'));
  // The search lives in the address, so a search can be shared and the back button works.
  const params = new URLSearchParams(location.search);
  const q = params.get('q') ?? '';
  const type = params.get('type') ?? '';
  const country = params.get('country') ?? '';
  const language = params.get('language') ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const [draft, setDraft] = useState({ q, type, country, language });
  // Back and forward change the address: the form follows it.
  useEffect(() => {
    setDraft({ q, type, country, language });
  }, [q, type, country, language]);

  const go = (next: Record<string, string | number>) => {
    navigate(`/caucus/documents${query(next)}`);
  };
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    go({ ...draft, offset: 0 });
  };
  const filters = { type, country, language, limit: PAGE, offset };
  const [results] = useApi<List<SearchHit>>(
    q ? `/api/search${query({ q, kind: 'document', ...filters })}` : null,
  );
  const [browse] = useApi<List<CaucusDocument>>(q ? null : `/api/documents${query(filters)}`);
  const signedIn = session.status === 'ready' && session.user !== null;

  const pager = (total: number) =>
    total > PAGE ? (
      <nav className="pager" aria-label={t('caucus.documents.pages')}>
        {offset > 0 ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              go({ q, type, country, language, offset: Math.max(0, offset - PAGE) });
            }}
          >
            {t('caucus.documents.previous')}
          </button>
        ) : null}
        <span>
          {t('caucus.documents.range', {
            from: offset + 1,
            to: Math.min(total, offset + PAGE),
            total,
          })}
        </span>
        {offset + PAGE < total ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              go({ q, type, country, language, offset: offset + PAGE });
            }}
          >
            {t('caucus.documents.next')}
          </button>
        ) : null}
      </nav>
    ) : null;

  return (
    <section>
      <h1>{t('caucus.documents.title')}</h1>
      <p className="lead">{t('caucus.documents.lead')}</p>
      {signedIn ? (
        <p>
          <Link to="/account">{t('caucus.documents.submitLink')}</Link>
        </p>
      ) : null}
      <form className="panel search-form" role="search" onSubmit={submit}>
        <div className="field">
          <label htmlFor="doc-q">{t('caucus.documents.search')}</label>
          <input
            id="doc-q"
            type="search"
            value={draft.q}
            onChange={(e) => {
              setDraft({ ...draft, q: e.target.value });
            }}
          />
        </div>
        <div className="grid grid--3">
          <div className="field">
            <label htmlFor="doc-type">{t('caucus.field.type')}</label>
            <select
              id="doc-type"
              value={draft.type}
              onChange={(e) => {
                setDraft({ ...draft, type: e.target.value });
              }}
            >
              <option value="">{t('caucus.all')}</option>
              {DOCUMENT_TYPES.map((x) => (
                <option key={x} value={x}>
                  {t('caucus.documents.type', { type: x })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="doc-country">{t('caucus.field.country')}</label>
            <select
              id="doc-country"
              value={draft.country}
              onChange={(e) => {
                setDraft({ ...draft, country: e.target.value });
              }}
            >
              <option value="">{t('caucus.all')}</option>
              {sortedCountries(i18n).map((c) => (
                <option key={c} value={c}>
                  {i18n.country(c)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="doc-language">{t('caucus.field.language')}</label>
            <select
              id="doc-language"
              value={draft.language}
              onChange={(e) => {
                setDraft({ ...draft, language: e.target.value });
              }}
            >
              <option value="">{t('caucus.all')}</option>
              {DOCUMENT_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {i18n.language(l)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t('caucus.documents.searchButton')}
          </button>
        </div>
      </form>
      {q ? (
        <Loading state={results}>
          {(r) => (
            <>
              <p role="status">{t('caucus.documents.found', { total: r.total, q })}</p>
              <ol className="result-list search-results">
                {r.items.map((hit) => (
                  <li key={`${hit.kind}-${hit.id}`} className="card">
                    <h2 className="card__title" lang={hit.language ?? undefined}>
                      <a href={`/api/documents/${hit.id}/file`}>{hit.title}</a>
                    </h2>
                    <Snippet segments={hit.snippet} />
                    <Meta
                      type={hit.type}
                      date={hit.date}
                      language={hit.language}
                      countries={hit.countries}
                    />
                  </li>
                ))}
              </ol>
              {pager(r.total)}
            </>
          )}
        </Loading>
      ) : (
        <Loading state={browse}>
          {(r) => (
            <>
              <p role="status">{t('caucus.documents.count', { total: r.total })}</p>
              <ol className="result-list">
                {r.items.map((d) => (
                  <li key={d.id} className="card">
                    <h2 className="card__title" lang={d.language}>
                      <a href={`/api/documents/${d.id}/file`}>{d.title}</a>{' '}
                      <VisibilityTag visibility={d.visibility} />
                    </h2>
                    <Meta
                      type={d.type}
                      date={d.date}
                      language={d.language}
                      countries={d.countries}
                    />
                    {d.source ? (
                      <p className="muted">{t('caucus.documents.source', { source: d.source })}</p>
                    ) : null}
                  </li>
                ))}
              </ol>
              {pager(r.total)}
            </>
          )}
        </Loading>
      )}
      <p className="muted">{t('caucus.documents.downloadNote')}</p>
    </section>
  );
}
