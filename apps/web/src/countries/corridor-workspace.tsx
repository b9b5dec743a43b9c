// The caucus's own records about a corridor — bills before either country's parliament, the
// commitments either country made, visits between them and the library's documents — from the
// workspace API (GET /api/corridors/:origin/:destination). The law above it runs in the browser;
// these records live on the server, so offline the page says they need a connection.
import { useEffect, useState } from 'react';
import type { I18n } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

interface Titled {
  readonly id: string;
  readonly title: string;
}
interface Bill extends Titled {
  readonly identifier: string;
  readonly status: string | null;
}
interface Commitment extends Titled {
  readonly status: string;
}
interface Document extends Titled {
  readonly type: string;
  readonly date: string;
}
interface End {
  readonly country: string;
  readonly bills: readonly Bill[];
  readonly commitments: readonly Commitment[];
}
interface CorridorRecords {
  readonly origin: End;
  readonly destination: End;
  readonly visits: readonly Titled[];
  readonly documents: readonly Document[];
}

type State =
  | { readonly status: 'loading' }
  | { readonly status: 'offline' }
  | { readonly status: 'ready'; readonly records: CorridorRecords };

export function CorridorWorkspace({
  origin,
  destination,
}: {
  readonly origin: string;
  readonly destination: string;
}) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetch(`/api/corridors/${origin}/${destination}`, {
      headers: { accept: 'application/json' },
      signal: controller.signal,
    })
      .then(async (res) => {
        if (!res.ok) throw new Error(`HTTP ${String(res.status)}`);
        setState({ status: 'ready', records: (await res.json()) as CorridorRecords });
      })
      .catch(() => {
        if (!controller.signal.aborted) setState({ status: 'offline' });
      });
    return () => {
      controller.abort();
    };
  }, [origin, destination]);

  return (
    <section aria-labelledby="workspace-title" data-testid="corridor-workspace">
      <h2 id="workspace-title">{t('workspace.title')}</h2>
      {state.status === 'loading' ? (
        <p aria-live="polite">{t('workspace.loading')}</p>
      ) : state.status === 'offline' ? (
        <p>{t('workspace.offline')}</p>
      ) : (
        <Records records={state.records} />
      )}
    </section>
  );
}

/**
 * A document's date — YYYY, YYYY-MM or YYYY-MM-DD — in the reader's language and calendar. Not the
 * caucus pages' helper: that one would pull the caucus's API and session code into this page, and
 * leaves a bare year unformatted (a Thai reader sees months in the Buddhist era, so years too).
 */
function documentDate(i18n: I18n, d: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return i18n.date(d);
  if (/^\d{4}-\d{2}$/.test(d)) return i18n.month(d);
  if (/^\d{4}$/.test(d))
    return new Intl.DateTimeFormat(i18n.intl.tag, { year: 'numeric', timeZone: 'UTC' }).format(
      Date.UTC(Number(d), 0, 1),
    );
  return d;
}

function Records({ records }: { readonly records: CorridorRecords }) {
  const i18n = useI18n();
  const { t } = i18n;
  const bills = [...records.origin.bills, ...records.destination.bills];
  const seen = new Set<string>();
  const commitments = [...records.origin.commitments, ...records.destination.commitments].filter(
    (c) => !seen.has(c.id) && seen.add(c.id),
  );
  return (
    <div className="grid grid--2">
      <div>
        <h3>{t('workspace.bills')}</h3>
        {bills.length === 0 ? (
          <p>{t('workspace.none')}</p>
        ) : (
          <ul>
            {bills.map((b) => (
              <li key={b.id}>
                {b.identifier} — <span lang="en">{b.title}</span>
                {b.status !== null
                  ? ` (${t('caucus.activities.billStatus', { status: b.status })})`
                  : ''}
              </li>
            ))}
          </ul>
        )}
        <h3>{t('workspace.commitments')}</h3>
        {commitments.length === 0 ? (
          <p>{t('workspace.none')}</p>
        ) : (
          <ul>
            {commitments.map((c) => (
              <li key={c.id}>
                <Link to={`/caucus/commitments/${c.id}`}>
                  <span lang="en">{c.title}</span>
                </Link>{' '}
                ({t('caucus.commitment.status', { status: c.status })})
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3>{t('workspace.documents')}</h3>
        {records.documents.length === 0 ? (
          <p>{t('workspace.none')}</p>
        ) : (
          <ul>
            {records.documents.map((d) => (
              <li key={d.id}>
                <a href={`/api/documents/${d.id}/file`}>
                  <span lang="en">{d.title}</span>
                </a>{' '}
                ({t('caucus.documents.type', { type: d.type })}, {documentDate(i18n, d.date)})
              </li>
            ))}
          </ul>
        )}
        <h3>{t('workspace.visits')}</h3>
        {records.visits.length === 0 ? (
          <p>{t('workspace.none')}</p>
        ) : (
          <ul>
            {records.visits.map((v) => (
              <li key={v.id}>
                <span lang="en">{v.title}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
