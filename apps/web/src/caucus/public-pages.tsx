// The public caucus site: who the caucus is and why (from the founding report), its resolution
// with the live count of endorsements, programmes, members who chose to be public, commitments.
// Signed-in members see more (what the server lets them see) and may endorse and add evidence.
import type { SyntheticEvent } from 'react';
import { useEffect, useMemo, useState } from 'react';
import type { I18n } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import type {
  CaucusText,
  Commitment,
  CommitmentStatus,
  Endorsement,
  List,
  Person,
  Programme,
} from './api.ts';
import { api, query } from './api.ts';
import { VoidEndorsement } from './secretariat-drives.tsx';
import { isSecretariat, useSession } from './session.ts';
import { WorkshopList } from './workshop-ui.tsx';
import {
  ErrorNotice,
  Loading,
  Paragraphs,
  VisibilityTag,
  divisionCountry,
  fieldError,
  partialDate,
  useAction,
  useApi,
  useTitle,
} from './ui.tsx';

/** The seed's ids of the caucus and of the programme that founded it (docs/seed-data.md). */
const CAUCUS_ID = 'asian_caucus_labour_migration';
const FOUNDING_PROGRAMME_ID = 'phnom_penh_2011';
/** How often a page showing a count of endorsements asks again. */
const COUNT_REFRESH_MS = 10_000;

/** What the seed says of a founding text's adoption (docs/seed-data.md, texts.yaml). */
interface Adoption {
  readonly adopted_date?: string;
  readonly adopted_by?: string;
  readonly endorsement_note?: string;
  readonly endorsed_by_organization_id?: string;
}

interface Organization {
  readonly name: string;
  readonly description?: string;
  readonly founding_date?: string;
}

/** The version of a text to show: the user's language if translated, else the authoritative one. */
function versionFor(text: CaucusText, locale: string) {
  return (
    text.versions.find((v) => v.language === locale) ??
    text.versions.find((v) => v.language === text.authoritative_language) ??
    text.versions[0]
  );
}

/** A text's live endorsements (the public count and the endorsers the viewer may see). */
interface LiveEndorsements {
  readonly count: number;
  readonly items: readonly Endorsement[];
}

/**
 * A text's endorsements, asked again every few seconds and on return, so that the count and the
 * list of endorsers change together; `initial` is what the page already has.
 */
function useLiveEndorsements(
  textId: string,
  initial: LiveEndorsements | undefined,
): [LiveEndorsements | undefined, () => void] {
  const [live, setLive] = useState(initial);
  const [n, setN] = useState(0);
  useEffect(() => {
    setLive(initial);
  }, [initial]);
  useEffect(() => {
    let isCurrent = true;
    const ask = () => {
      if (document.visibilityState !== 'visible') return;
      api<LiveEndorsements>('GET', `/api/texts/${textId}/endorsements`).then(
        (r) => {
          if (isCurrent) setLive(r);
        },
        () => undefined,
      );
    };
    const timer = window.setInterval(ask, COUNT_REFRESH_MS);
    document.addEventListener('visibilitychange', ask);
    if (n > 0) ask();
    return () => {
      isCurrent = false;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', ask);
    };
  }, [textId, n]);
  return [
    live,
    () => {
      setN((x) => x + 1);
    },
  ];
}

/** The number of live endorsements of a text, asked again every few seconds and on return. */
function useLiveCount(textId: string, initial: number): [number, () => void] {
  const start = useMemo(() => ({ count: initial, items: [] }), [initial]);
  const [live, refresh] = useLiveEndorsements(textId, start);
  return [live?.count ?? initial, refresh];
}

function EndorsementCount({ count }: { readonly count: number }) {
  const { t } = useI18n();
  return (
    <p className="count" aria-live="polite" data-testid="endorsement-count">
      <span className="count__n">{count}</span>{' '}
      <span className="count__label">{t('caucus.text.endorsements', { count })}</span>
    </p>
  );
}

function TextStatusTag({ status }: { readonly status: CaucusText['status'] }) {
  const { t } = useI18n();
  return (
    <span className={`tag tag--${status === 'open' ? 'yes' : 'no'}`}>
      {status === 'open'
        ? t('caucus.text.status.open')
        : status === 'draft'
          ? t('caucus.text.status.draft')
          : t('caucus.text.status.closed')}
    </span>
  );
}

function TextCard({ text }: { readonly text: CaucusText }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [count] = useLiveCount(text.id, text.endorsement_count);
  const v = versionFor(text, i18n.locale);
  return (
    <article className="card text-card">
      <p className="label">
        {text.kind === 'resolution'
          ? t('caucus.text.kind.resolution')
          : t('caucus.text.kind.statement')}{' '}
        <TextStatusTag status={text.status} /> <VisibilityTag visibility={text.visibility} />
      </p>
      <h3 lang={v?.language}>
        <Link to={`/caucus/texts/${text.id}`}>{v?.title ?? text.id}</Link>
      </h3>
      <EndorsementCount count={count} />
      <AdoptionLine text={text} />
    </article>
  );
}

/** One line under a founding text's count: adopted in 2011, and the count is of Tulay's. */
function AdoptionLine({ text }: { readonly text: CaucusText & Adoption }) {
  const i18n = useI18n();
  const adoption = useAdoption(text);
  if (!adoption) return null;
  return (
    <p className="muted">
      {i18n.t('caucus.text.adoptedShort', {
        date: partialDate(i18n, adoption.date),
        year: adoption.date.slice(0, 4),
      })}
    </p>
  );
}

export function AboutPage() {
  const i18n = useI18n();
  const { t } = i18n;
  useTitle(t('caucus.about.title'));
  const [caucus] = useApi<Organization>(`/api/organizations/${CAUCUS_ID}`);
  const [programme] = useApi<Programme & { purpose?: string; format?: string }>(
    `/api/programmes/${FOUNDING_PROGRAMME_ID}`,
  );
  const [texts] = useApi<List<CaucusText>>('/api/texts');
  return (
    <section>
      <p className="label">{t('caucus.about.kicker')}</p>
      <h1>{t('caucus.about.title')}</h1>
      <p className="lead">{t('caucus.about.lead')}</p>
      <Loading state={caucus}>
        {(org) => (
          <div className="panel">
            <h2 lang="en">{org.name}</h2>
            {org.description ? <p lang="en">{org.description}</p> : null}
            {org.founding_date ? (
              <p className="muted">
                {t('caucus.about.founded', { date: partialDate(i18n, org.founding_date) })}
              </p>
            ) : null}
          </div>
        )}
      </Loading>
      <h2>{t('caucus.about.why')}</h2>
      <Loading state={programme}>
        {(p) => (
          <div>
            <p>
              {t('caucus.about.founding', {
                name: p.name,
                city: p.city ?? '',
                from: partialDate(i18n, p.start_date),
                to: partialDate(i18n, p.end_date),
              })}
            </p>
            {p.theme ? (
              <p>
                <strong>{t('caucus.programme.theme')}</strong>: <span lang="en">{p.theme}</span>
              </p>
            ) : null}
            {p.purpose ? (
              <p>
                <strong>{t('caucus.programme.purpose')}</strong>: <span lang="en">{p.purpose}</span>
              </p>
            ) : null}
            <p>
              <Link to={`/caucus/programmes/${p.id}`}>{t('caucus.about.readProgramme')}</Link>
            </p>
          </div>
        )}
      </Loading>
      <h2>{t('caucus.about.texts')}</h2>
      <Loading state={texts}>
        {(list) => (
          <div className="card-list">
            {list.items.map((text) => (
              <TextCard key={text.id} text={text} />
            ))}
          </div>
        )}
      </Loading>
      <h2>{t('caucus.about.more')}</h2>
      <ul className="link-list">
        <li>
          <Link to="/caucus/programmes">{t('caucus.nav.programmes')}</Link>
        </li>
        <li>
          <Link to="/caucus/members">{t('caucus.nav.members')}</Link>
        </li>
        <li>
          <Link to="/caucus/commitments">{t('caucus.nav.commitments')}</Link>
        </li>
        <li>
          <Link to="/caucus/documents">{t('caucus.nav.documents')}</Link>
        </li>
      </ul>
      <p className="muted">{t('caucus.about.source')}</p>
    </section>
  );
}

export function TextsPage() {
  const { t } = useI18n();
  useTitle(t('caucus.texts.title'));
  const [texts] = useApi<List<CaucusText>>('/api/texts');
  return (
    <section>
      <h1>{t('caucus.texts.title')}</h1>
      <p className="lead">{t('caucus.texts.lead')}</p>
      <Loading state={texts}>
        {(list) =>
          list.items.length === 0 ? (
            <p>{t('caucus.none')}</p>
          ) : (
            <div className="card-list">
              {list.items.map((text) => (
                <TextCard key={text.id} text={text} />
              ))}
            </div>
          )
        }
      </Loading>
    </section>
  );
}

function officeOf(e: Endorsement): string {
  return e.office
    .map((o) => [o.label ?? o.role, o.organization_name].filter(Boolean).join(', '))
    .join('; ');
}

/** Endorse or withdraw, for a verified member; what others see otherwise. */
function EndorsePanel({
  text,
  endorsements,
  onChange,
}: {
  readonly text: CaucusText;
  readonly endorsements: readonly Endorsement[];
  readonly onChange: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const action = useAction();
  const [visibility, setVisibility] = useState<'public' | 'caucus'>('public');
  if (session.status !== 'ready') return null;
  const user = session.user;
  if (!user)
    return (
      <p className="notice">
        {t('caucus.text.signInToEndorse')} <Link to="/sign-in">{t('caucus.nav.signIn')}</Link>
      </p>
    );
  if (user.role !== 'member') return <p className="muted">{t('caucus.text.onlyMembers')}</p>;
  if (!user.is_verified || !user.person_id)
    return <p className="notice notice--warning">{t('caucus.text.notVerified')}</p>;
  const mine = endorsements.find((e) => e.person_id === user.person_id && !e.withdrawn_at);
  const withdraw = () =>
    action.run(async () => {
      await api('DELETE', `/api/texts/${text.id}/endorsements/mine`);
      onChange();
    });
  if (mine)
    return (
      <div className="panel">
        <p data-testid="endorsed">
          {t('caucus.text.youEndorsed', { date: partialDate(i18n, mine.signed_on) })}
        </p>
        <button
          type="button"
          className="button button--secondary"
          disabled={action.busy}
          onClick={() => void withdraw()}
        >
          {t('caucus.text.withdraw')}
        </button>
        {action.error ? <ErrorNotice error={action.error} /> : null}
      </div>
    );
  if (text.status !== 'open') return <p className="muted">{t('caucus.text.notOpen')}</p>;
  const endorse = (e: SyntheticEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api('POST', `/api/texts/${text.id}/endorsements`, { visibility });
      onChange();
    });
  };
  return (
    <form className="panel" onSubmit={endorse}>
      <h2>{t('caucus.text.endorseTitle')}</h2>
      <p>{t('caucus.text.endorseExplain')}</p>
      <fieldset className="radio-group--inline">
        <legend>{t('caucus.text.showName')}</legend>
        {(['public', 'caucus'] as const).map((v) => (
          <label key={v} className="radio">
            <input
              type="radio"
              name="endorsement-visibility"
              value={v}
              checked={visibility === v}
              onChange={() => {
                setVisibility(v);
              }}
            />{' '}
            {v === 'public' ? t('caucus.text.showPublic') : t('caucus.text.showCaucus')}
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {t('caucus.text.endorse')}
        </button>
      </div>
      {action.error ? <ErrorNotice error={action.error} /> : null}
    </form>
  );
}

/** When and where a founding text was adopted (the seed's facts), if the seed says so. */
function useAdoption(text: CaucusText & Adoption) {
  const isFounding = text.adopted_date !== undefined || text.endorsement_note !== undefined;
  const [programme] = useApi<Programme>(
    isFounding && text.programme_id ? `/api/programmes/${text.programme_id}` : null,
  );
  if (!isFounding || programme.status !== 'ready') return undefined;
  const date = text.adopted_date ?? programme.data.start_date ?? undefined;
  if (!date) return undefined;
  return {
    date,
    programme: programme.data.name,
    by: text.adopted_by ?? text.endorsement_note,
  };
}

/**
 * Where a text was adopted, by whom, and that the count is of endorsements made on Tulay: a text
 * the caucus adopted in 2011 otherwise reads as endorsed by nobody.
 */
function AdoptionNote({ text }: { readonly text: CaucusText & Adoption }) {
  const i18n = useI18n();
  const { t } = i18n;
  const adoption = useAdoption(text);
  if (!adoption) return null;
  const facts = { date: partialDate(i18n, adoption.date), programme: adoption.programme };
  return (
    <div className="notice" data-testid="adoption">
      <p>
        {text.kind === 'resolution'
          ? t('caucus.text.adoptedAt', facts)
          : t('caucus.text.endorsedAt', facts)}{' '}
        {adoption.by ? (
          <>
            {t('caucus.text.adoptedBy')} <q lang="en">{adoption.by}</q>
          </>
        ) : null}
      </p>
      <p>{t('caucus.text.countSince', { year: adoption.date.slice(0, 4) })}</p>
    </div>
  );
}

export function TextPage({ id }: { readonly id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [text, reloadText] = useApi<CaucusText & Adoption>(`/api/texts/${id}`);
  const [loaded, reloadEndorsements] = useApi<LiveEndorsements>(`/api/texts/${id}/endorsements`);
  const v = text.status === 'ready' ? versionFor(text.data, i18n.locale) : undefined;
  useTitle(v?.title ?? t('caucus.texts.title'));
  // The count and the endorsers come from one answer, asked again together, so that the list
  // never says "no endorsement yet" beside a count that has gone up.
  const [live, refresh] = useLiveEndorsements(
    id,
    loaded.status === 'ready' ? loaded.data : undefined,
  );
  const count = live?.count ?? (text.status === 'ready' ? text.data.endorsement_count : 0);
  const endorsers = (live?.items ?? []).filter((x) => !x.withdrawn_at);
  const session = useSession();
  // The secretariat may void an endorsement that should not count (docs/api.md, Endorsements).
  const mayVoid =
    session.status === 'ready' && session.user !== null && isSecretariat(session.user.role);
  const changed = () => {
    reloadText();
    reloadEndorsements();
    refresh();
  };
  return (
    <Loading state={text}>
      {(data) => (
        <article>
          <p className="breadcrumb">
            <Link to="/caucus/texts">{t('caucus.texts.title')}</Link>
          </p>
          <p className="label">
            {data.kind === 'resolution'
              ? t('caucus.text.kind.resolution')
              : t('caucus.text.kind.statement')}{' '}
            <TextStatusTag status={data.status} /> <VisibilityTag visibility={data.visibility} />
          </p>
          <h1 lang={v?.language}>{v?.title}</h1>
          <EndorsementCount count={count} />
          <AdoptionNote text={data} />
          {v ? <Paragraphs text={v.body} lang={v.language} /> : null}
          {v?.note ? (
            <p className="notice">
              <strong>{t('caucus.text.note')}</strong> <span lang="en">{v.note}</span>
            </p>
          ) : null}
          <p className="muted">
            {t('caucus.text.version', {
              version: data.version,
              language: i18n.language(data.authoritative_language),
            })}
          </p>
          <EndorsePanel text={data} endorsements={live?.items ?? []} onChange={changed} />
          <h2>{t('caucus.text.endorsers')}</h2>
          {live === undefined ? (
            <Loading state={loaded}>{() => null}</Loading>
          ) : endorsers.length === 0 ? (
            <p>{t('caucus.text.noEndorsers')}</p>
          ) : (
            <ul className="people-list" data-testid="endorsers">
              {endorsers.map((x) => (
                <li key={x.id}>
                  <strong>{x.person_name ?? t('caucus.text.anonymous')}</strong>
                  {x.office.length > 0 ? (
                    <span className="muted"> — {officeOf(x)}</span>
                  ) : null}{' '}
                  <span className="muted">{partialDate(i18n, x.signed_on)}</span>
                  {mayVoid ? <VoidEndorsement id={x.id} onDone={changed} /> : null}
                </li>
              ))}
            </ul>
          )}
          <p className="muted">{t('caucus.text.endorsersNote')}</p>
        </article>
      )}
    </Loading>
  );
}

function when(i18n: I18n, p: Programme): string {
  const from = partialDate(i18n, p.start_date);
  const to = partialDate(i18n, p.end_date);
  return to && to !== from ? `${from} – ${to}` : from;
}

export function ProgrammesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  useTitle(t('caucus.programmes.title'));
  const [programmes] = useApi<List<Programme>>('/api/programmes?limit=500');
  return (
    <section>
      <h1>{t('caucus.programmes.title')}</h1>
      <p className="lead">{t('caucus.programmes.lead')}</p>
      <Loading state={programmes}>
        {(list) => (
          <ol className="card-list programme-list">
            {[...list.items]
              .sort((a, b) => (b.start_date ?? '').localeCompare(a.start_date ?? ''))
              .map((p) => (
                <li key={p.id} className="card">
                  <h2 className="card__title">
                    <Link to={`/caucus/programmes/${p.id}`}>
                      <span lang="en">{p.name}</span>
                    </Link>{' '}
                    <VisibilityTag visibility={p.visibility} />
                  </h2>
                  <p className="muted">
                    {[when(i18n, p), p.city, divisionCountry(i18n, p.area_id)]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  {p.description ? <p lang="en">{p.description}</p> : null}
                </li>
              ))}
          </ol>
        )}
      </Loading>
    </section>
  );
}

export function ProgrammePage({ id }: { readonly id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [programme] = useApi<Programme & { purpose?: string; text_ids?: string[] }>(
    `/api/programmes/${id}`,
  );
  const [people] = useApi<List<Person>>('/api/people?limit=500');
  useTitle(programme.status === 'ready' ? programme.data.name : t('caucus.programmes.title'));
  const names = new Map(
    people.status === 'ready' ? people.data.items.map((p) => [p.id, p.name]) : [],
  );
  return (
    <Loading state={programme}>
      {(p) => (
        <article>
          <p className="breadcrumb">
            <Link to="/caucus/programmes">{t('caucus.programmes.title')}</Link>
          </p>
          <h1 lang="en">{p.name}</h1>
          <p className="lead">
            {[when(i18n, p), p.city, divisionCountry(i18n, p.area_id)].filter(Boolean).join(' · ')}
          </p>
          {p.theme ? (
            <p>
              <strong>{t('caucus.programme.theme')}</strong>: <span lang="en">{p.theme}</span>
            </p>
          ) : null}
          {p.description ? <p lang="en">{p.description}</p> : null}
          {p.sessions && p.sessions.length > 0 ? (
            <>
              <h2>{t('caucus.programme.sessions')}</h2>
              <ol>
                {[...p.sessions]
                  .sort((a, b) => a.position - b.position)
                  .map((s) => (
                    <li key={s.id} lang="en">
                      {s.name}
                    </li>
                  ))}
              </ol>
            </>
          ) : null}
          {p.participants && p.participants.length > 0 ? (
            <>
              <h2>{t('caucus.programme.participants')}</h2>
              <ul className="people-list">
                {p.participants.map((x) => (
                  <li key={x.id}>
                    {names.get(x.person_id) ?? x.person_id}{' '}
                    <span className="muted">({t('caucus.programme.role', { role: x.role })})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {p.text_ids && p.text_ids.length > 0 ? (
            <>
              <h2>{t('caucus.about.texts')}</h2>
              <ul>
                {p.text_ids.map((tid) => (
                  <li key={tid}>
                    <Link to={`/caucus/texts/${tid}`}>{t('caucus.programme.readText')}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <WorkshopList programmeId={p.id} />
        </article>
      )}
    </Loading>
  );
}

export function MembersPage() {
  const i18n = useI18n();
  const { t } = i18n;
  useTitle(t('caucus.members.title'));
  const [people] = useApi<List<Person>>('/api/people?limit=500');
  return (
    <section>
      <h1>{t('caucus.members.title')}</h1>
      <p className="lead">{t('caucus.members.lead')}</p>
      <Loading state={people}>
        {(list) => (
          <ul className="card-list people-grid">
            {list.items.map((p) => (
              <li key={p.id} className="card">
                <h2 className="card__title">
                  <span lang="en">{[p.honorific_prefix, p.name].filter(Boolean).join(' ')}</span>{' '}
                  <VisibilityTag visibility={p.visibility} />
                </h2>
                {/* national_identity is the record's English text; the division's country is
                    named in the page's language. */}
                {p.national_identity ? (
                  <p className="muted" lang="en">
                    {p.national_identity}
                  </p>
                ) : p.area_id ? (
                  <p className="muted">{divisionCountry(i18n, p.area_id)}</p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Loading>
    </section>
  );
}

export const COMMITMENT_STATUSES: readonly CommitmentStatus[] = [
  'proposed',
  'in_progress',
  'done',
  'stalled',
  'dropped',
  'unknown',
];

export function CommitmentStatusTag({ status }: { readonly status: CommitmentStatus }) {
  const { t } = useI18n();
  return (
    <span className={`tag commitment-status--${status}`}>
      {t('caucus.commitment.status', { status })}
    </span>
  );
}

export function CommitmentsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  useTitle(t('caucus.commitments.title'));
  const [status, setStatus] = useState<CommitmentStatus | ''>('');
  const [list] = useApi<List<Commitment>>(`/api/commitments${query({ limit: 500, status })}`);
  return (
    <section>
      <h1>{t('caucus.commitments.title')}</h1>
      <p className="lead">{t('caucus.commitments.lead')}</p>
      <div className="field filters">
        <label htmlFor="commitment-status">{t('caucus.commitments.filter')}</label>
        <select
          id="commitment-status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as CommitmentStatus | '');
          }}
        >
          <option value="">{t('caucus.all')}</option>
          {COMMITMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t('caucus.commitment.status', { status: s })}
            </option>
          ))}
        </select>
      </div>
      <Loading state={list}>
        {(l) =>
          l.items.length === 0 ? (
            <p>{t('caucus.none')}</p>
          ) : (
            <ul className="card-list">
              {l.items.map((c) => (
                <li key={c.id} className="card">
                  <p>
                    <CommitmentStatusTag status={c.status} />{' '}
                    <VisibilityTag visibility={c.visibility} />
                  </p>
                  <h2 className="card__title" lang="en">
                    <Link to={`/caucus/commitments/${c.id}`}>{c.title}</Link>
                  </h2>
                  <p className="muted">
                    {[
                      c.year ? String(c.year) : null,
                      c.place,
                      c.review_date
                        ? t('caucus.commitment.review', { date: partialDate(i18n, c.review_date) })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </section>
  );
}

/** Adding evidence: a member who owns the commitment, their staff, or the secretariat. */
export function EvidenceForm({
  commitmentId,
  onAdded,
}: {
  readonly commitmentId: string;
  readonly onAdded: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [description, setDescription] = useState('');
  const [url, setUrl] = useState('');
  const [date, setDate] = useState('');
  const [done, setDone] = useState(false);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setDone(false);
    void action.run(async () => {
      await api('POST', `/api/commitments/${commitmentId}/evidence`, {
        description,
        ...(url ? { url } : {}),
        ...(date ? { evidence_date: date } : {}),
      });
      setDescription('');
      setUrl('');
      setDate('');
      setDone(true);
      onAdded();
    });
  };
  const id = `evidence-${commitmentId}`;
  const err = (f: string) => fieldError(action.error, f);
  return (
    <form className="panel" onSubmit={submit} noValidate>
      <h3>{t('caucus.evidence.add')}</h3>
      <div className={`field${err('description') ? ' field--invalid' : ''}`}>
        <label htmlFor={`${id}-description`}>{t('caucus.field.description')}</label>
        <p className="field__hint" id={`${id}-description-hint`}>
          {t('caucus.evidence.descriptionHint')}
        </p>
        {err('description') ? <p className="field__error">{err('description')}</p> : null}
        <textarea
          id={`${id}-description`}
          rows={3}
          value={description}
          aria-describedby={`${id}-description-hint`}
          aria-invalid={err('description') ? true : undefined}
          onChange={(e) => {
            setDescription(e.target.value);
          }}
        />
      </div>
      <div className={`field${err('url') ? ' field--invalid' : ''}`}>
        <label htmlFor={`${id}-url`}>
          {t('caucus.field.url')} <span className="field__optional">{t('form.optional')}</span>
        </label>
        {err('url') ? <p className="field__error">{err('url')}</p> : null}
        <input
          id={`${id}-url`}
          type="url"
          value={url}
          aria-invalid={err('url') ? true : undefined}
          onChange={(e) => {
            setUrl(e.target.value);
          }}
        />
      </div>
      <div className={`field${err('evidence_date') ? ' field--invalid' : ''}`}>
        <label htmlFor={`${id}-date`}>
          {t('caucus.field.evidence_date')}{' '}
          <span className="field__optional">{t('form.optional')}</span>
        </label>
        <p className="field__hint" id={`${id}-date-hint`}>
          {t('caucus.dateHint')}
        </p>
        {err('evidence_date') ? <p className="field__error">{err('evidence_date')}</p> : null}
        <input
          id={`${id}-date`}
          value={date}
          inputMode="numeric"
          aria-describedby={`${id}-date-hint`}
          aria-invalid={err('evidence_date') ? true : undefined}
          onChange={(e) => {
            setDate(e.target.value);
          }}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {t('caucus.evidence.submit')}
        </button>
      </div>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      {done ? (
        <p className="notice" role="status">
          {t('caucus.evidence.added')}
        </p>
      ) : null}
    </form>
  );
}

export function CommitmentPage({ id }: { readonly id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const [commitment, reload] = useApi<Commitment>(`/api/commitments/${id}`);
  const programmeId = commitment.status === 'ready' ? commitment.data.programme_id : null;
  const [programme] = useApi<Programme>(programmeId ? `/api/programmes/${programmeId}` : null);
  useTitle(commitment.status === 'ready' ? commitment.data.title : t('caucus.commitments.title'));
  const user = session.status === 'ready' ? session.user : null;
  const mayAddEvidence = user !== null && user.role !== 'partner';
  return (
    <Loading state={commitment}>
      {(c) => (
        <article>
          <p className="breadcrumb">
            <Link to="/caucus/commitments">{t('caucus.commitments.title')}</Link>
          </p>
          <p>
            <CommitmentStatusTag status={c.status} /> <VisibilityTag visibility={c.visibility} />
          </p>
          <h1 lang="en">{c.title}</h1>
          {c.description ? <Paragraphs text={c.description} lang="en" /> : null}
          <dl className="facts">
            {c.review_date ? (
              <>
                <dt>{t('caucus.field.review_date')}</dt>
                <dd>{partialDate(i18n, c.review_date)}</dd>
              </>
            ) : null}
            {c.programme_id ? (
              <>
                <dt>{t('caucus.field.programme_id')}</dt>
                <dd>
                  <Link to={`/caucus/programmes/${c.programme_id}`}>
                    {programme.status === 'ready' ? programme.data.name : c.programme_id}
                  </Link>
                </dd>
              </>
            ) : null}
          </dl>
          {c.source?.quote ? (
            <blockquote className="source-quote">
              <p lang="en">“{c.source.quote}”</p>
              <footer className="muted">
                {t('caucus.commitment.source', { section: c.source.section ?? '' })}
              </footer>
            </blockquote>
          ) : null}
          <h2>{t('caucus.evidence.title')}</h2>
          {(c.evidence ?? []).length === 0 ? (
            <p>{t('caucus.evidence.none')}</p>
          ) : (
            <ul className="evidence-list">
              {(c.evidence ?? []).map((e) => (
                <li key={e.id}>
                  <p>{e.description}</p>
                  <p className="muted">
                    {partialDate(i18n, e.evidence_date ?? e.created_at)}
                    {e.url ? (
                      <>
                        {' · '}
                        <a href={e.url} rel="noopener noreferrer">
                          {t('caucus.evidence.link')}
                        </a>
                      </>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {(c.follow_ups ?? []).length > 0 ? (
            <>
              <h2>{t('caucus.followUps.title')}</h2>
              <ul>
                {(c.follow_ups ?? []).map((f) => (
                  <li key={f.id} lang="en">
                    {f.title}{' '}
                    <span className="muted">
                      {f.due_date
                        ? t('caucus.followUps.due', { date: partialDate(i18n, f.due_date) })
                        : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {mayAddEvidence ? <EvidenceForm commitmentId={c.id} onAdded={reload} /> : null}
        </article>
      )}
    </Loading>
  );
}
