// The member area: who is signed in, signing out, the texts to endorse, the commitments the member
// owns (to add evidence), their activities (a page of its own), submitting a document, and "my submissions" with the secretariat's
// answer (a returned one can be corrected and sent again).
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useRouter } from '../router.tsx';
import type { CaucusDocument, CaucusText, Commitment, DocumentStatus, List, User } from './api.ts';
import { api } from './api.ts';
import { DocumentForm } from './document-form.tsx';
import { CommitmentStatusTag, EvidenceForm } from './public-pages.tsx';
import { isSecretariat, signOut, useSession } from './session.ts';
import type { Loaded } from './ui.tsx';
import { ErrorNotice, Loading, partialDate, useAction, useApi, useTitle } from './ui.tsx';

export function DocumentStatusTag({ status }: { readonly status: DocumentStatus }) {
  const { t } = useI18n();
  const tone =
    status === 'published'
      ? 'yes'
      : status === 'submitted'
        ? 'wait'
        : status === 'returned'
          ? 'returned'
          : 'rejected';
  return <span className={`tag tag--${tone}`}>{t('caucus.documents.status', { status })}</span>;
}

/** The commitments this member owns (a commitment's owners come with its detail). */
function useMyCommitments(user: User): Loaded<Commitment[]> {
  const [state, setState] = useState<Loaded<Commitment[]>>({ status: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    const personId = user.person_id;
    (async () => {
      if (!personId) return [];
      const list = await api<List<Commitment>>('GET', '/api/commitments?limit=500');
      const details = await Promise.all(
        list.items.map((c) => api<Commitment>('GET', `/api/commitments/${c.id}`)),
      );
      return details.filter((c) =>
        (c.owners ?? []).some((o) => o.owner_type === 'person' && o.owner_id === personId),
      );
    })().then(
      (data) => {
        if (isCurrent) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (isCurrent) setState({ status: 'error', error });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [user.person_id]);
  return state;
}

function MyCommitments({ user }: { readonly user: User }) {
  const { t } = useI18n();
  const commitments = useMyCommitments(user);
  return (
    <Loading state={commitments}>
      {(list) =>
        list.length === 0 ? (
          <p>{t('caucus.account.noCommitments')}</p>
        ) : (
          <ul className="card-list">
            {list.map((c) => (
              <li key={c.id} className="card">
                <p>
                  <CommitmentStatusTag status={c.status} />
                </p>
                <h3 className="card__title" lang="en">
                  <Link to={`/caucus/commitments/${c.id}`}>{c.title}</Link>
                </h3>
                <p className="muted">
                  {t('caucus.account.evidenceCount', { count: (c.evidence ?? []).length })}
                </p>
                <details>
                  <summary>{t('caucus.evidence.add')}</summary>
                  <EvidenceForm commitmentId={c.id} onAdded={() => undefined} />
                </details>
              </li>
            ))}
          </ul>
        )
      }
    </Loading>
  );
}

function MySubmissions({
  version,
  onChange,
}: {
  readonly version: number;
  readonly onChange: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [mine, reload] = useApi<List<CaucusDocument> | CaucusDocument[]>('/api/documents/mine');
  const [resubmitting, setResubmitting] = useState<string | null>(null);
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  return (
    <Loading state={mine}>
      {(data) => {
        const items = Array.isArray(data) ? data : data.items;
        if (items.length === 0) return <p>{t('caucus.account.noSubmissions')}</p>;
        return (
          <ul className="card-list card-list--single" data-testid="my-submissions">
            {items.map((d) => (
              <li key={d.id} className="card">
                <p>
                  <DocumentStatusTag status={d.status} />
                </p>
                <h3 className="card__title" lang={d.language}>
                  {d.title}
                </h3>
                <p className="muted">
                  {t('caucus.account.submittedOn', { date: partialDate(i18n, d.created_at) })} ·{' '}
                  {d.file.name}
                </p>
                {d.moderation_comment ? (
                  <div className="notice">
                    <p>
                      <strong>{t('caucus.account.comment')}</strong>
                    </p>
                    <p>{d.moderation_comment}</p>
                  </div>
                ) : null}
                {d.status === 'returned' ? (
                  resubmitting === d.id ? (
                    <DocumentForm
                      resubmit={d}
                      onDone={() => {
                        setResubmitting(null);
                        onChange();
                      }}
                    />
                  ) : (
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => {
                        setResubmitting(d.id);
                      }}
                    >
                      {t('caucus.account.correct')}
                    </button>
                  )
                ) : null}
              </li>
            ))}
          </ul>
        );
      }}
    </Loading>
  );
}

export function AccountPage() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const session = useSession();
  useTitle(t('caucus.account.title'));
  const action = useAction();
  const [texts] = useApi<List<CaucusText>>('/api/texts');
  const [submitted, setSubmitted] = useState<CaucusDocument | null>(null);
  const [version, setVersion] = useState(0);

  if (session.status === 'loading')
    return (
      <p className="status" role="status">
        {t('caucus.loading')}
      </p>
    );
  if (session.status === 'offline') return <p className="notice">{t('caucus.error.network')}</p>;
  const user = session.user;
  if (!user)
    return (
      <section>
        <h1>{t('caucus.account.title')}</h1>
        <p>
          {t('caucus.account.signInFirst')} <Link to="/sign-in">{t('caucus.nav.signIn')}</Link>
        </p>
      </section>
    );

  const out = () =>
    void action.run(async () => {
      await signOut();
      navigate('/caucus');
    });

  return (
    <section>
      <p className="label">{t('caucus.account.kicker')}</p>
      <h1>{t('caucus.account.hello', { name: user.display_name })}</h1>
      <p className="lead">
        {t('caucus.account.role', { role: user.role })}
        {user.role === 'member' && !user.is_verified ? ` ${t('caucus.text.notVerified')}` : ''}
      </p>
      <div className="form-actions">
        {isSecretariat(user.role) ? (
          <Link to="/secretariat" className="button button--primary">
            {t('caucus.nav.secretariat')}
          </Link>
        ) : null}
        <button
          type="button"
          className="button button--secondary"
          onClick={out}
          disabled={action.busy}
        >
          {t('caucus.account.signOut')}
        </button>
      </div>
      {action.error ? <ErrorNotice error={action.error} /> : null}

      {user.role === 'member' ? (
        <>
          <h2>{t('caucus.account.endorse')}</h2>
          <Loading state={texts}>
            {(list) => (
              <ul className="link-list">
                {list.items
                  .filter((x) => x.status === 'open')
                  .map((x) => (
                    <li key={x.id}>
                      <Link to={`/caucus/texts/${x.id}`}>{x.versions[0]?.title ?? x.id}</Link>{' '}
                      <span className="muted">
                        {t('caucus.account.endorsementCount', { count: x.endorsement_count })}
                      </span>
                    </li>
                  ))}
              </ul>
            )}
          </Loading>
        </>
      ) : null}

      {user.role === 'member' || user.role === 'staff' ? (
        <>
          <h2>{t('caucus.account.commitments')}</h2>
          <p>{t('caucus.account.commitmentsLead')}</p>
          <MyCommitments user={user} />
          <h2>{t('caucus.activities.title')}</h2>
          <p>{t('caucus.account.activitiesLead')}</p>
          <p>
            <Link to="/account/activities" className="button button--secondary">
              {t('caucus.account.activitiesLink')}
            </Link>
          </p>
        </>
      ) : null}

      <h2 id="submit">{t('caucus.account.submit')}</h2>
      <p>
        {isSecretariat(user.role)
          ? t('caucus.account.submitLeadSecretariat')
          : t('caucus.account.submitLead')}
      </p>
      {submitted ? (
        <p className="notice" role="status">
          {t('caucus.account.submitted', { title: submitted.title, status: submitted.status })}
        </p>
      ) : null}
      <DocumentForm
        key={version}
        onDone={(doc) => {
          setSubmitted(doc);
          setVersion((v) => v + 1);
        }}
      />

      <h2>{t('caucus.account.submissions')}</h2>
      <MySubmissions
        version={version}
        onChange={() => {
          setVersion((v) => v + 1);
        }}
      />
    </section>
  );
}
