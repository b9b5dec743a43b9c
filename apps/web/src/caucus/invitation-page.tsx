// Accepting an invitation (the one-time link the secretariat sent): name, password and, for the
// secretariat and admins, the code of the authenticator app set up with the secret shown here.
import type { ReactNode, SyntheticEvent } from 'react';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useRouter } from '../router.tsx';
import type { Role, User } from './api.ts';
import { api } from './api.ts';
import { setSignedIn } from './session.ts';
import { ErrorNotice, Loading, fieldError, useAction, useApi, useTitle } from './ui.tsx';

interface Offer {
  readonly role: Role;
  readonly email: string | null;
  readonly person_name: string | null;
  readonly expires_at: string;
  readonly totp_secret: string | null;
  readonly totp_uri: string | null;
}

function AcceptForm({ token, offer }: { readonly token: string; readonly offer: Offer }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const action = useAction();
  const [name, setName] = useState(offer.person_name ?? '');
  const [email, setEmail] = useState(offer.email ?? '');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const { user } = await api<{ user: User }>('POST', `/api/invitations/${token}/accept`, {
        display_name: name,
        password,
        ...(offer.email ? {} : { email }),
        ...(offer.totp_secret ? { totp } : {}),
      });
      setSignedIn(user);
      navigate('/account');
    });
  };
  const err = (f: string) => fieldError(action.error, f);
  const row = (id: string, label: string, field: string, input: ReactNode, hint?: string) => (
    <div className={`field${err(field) ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {err(field) ? <p className="field__error">{err(field)}</p> : null}
      {input}
    </div>
  );
  return (
    <form className="panel" onSubmit={submit} noValidate>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      {row(
        'acc-name',
        t('caucus.field.display_name'),
        'display_name',
        <input
          id="acc-name"
          autoComplete="name"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
          }}
        />,
      )}
      {offer.email
        ? null
        : row(
            'acc-email',
            t('caucus.field.email'),
            'email',
            <input
              id="acc-email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
              }}
            />,
          )}
      {row(
        'acc-password',
        t('caucus.field.password'),
        'password',
        <input
          id="acc-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
          }}
        />,
        t('caucus.invitation.passwordHint'),
      )}
      {offer.totp_secret ? (
        <>
          <div className="notice">
            <p>{t('caucus.invitation.totpExplain')}</p>
            <p>
              <code className="secret">{offer.totp_secret}</code>
            </p>
            {offer.totp_uri ? (
              <p>
                <a href={offer.totp_uri}>{t('caucus.invitation.totpOpen')}</a>
              </p>
            ) : null}
          </div>
          {row(
            'acc-totp',
            t('caucus.field.totp'),
            'totp',
            <input
              id="acc-totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={totp}
              onChange={(e) => {
                setTotp(e.target.value.replace(/\D/g, ''));
              }}
            />,
          )}
        </>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {t('caucus.invitation.accept')}
        </button>
      </div>
    </form>
  );
}

export function InvitationPage({ token }: { readonly token: string }) {
  const { t } = useI18n();
  useTitle(t('caucus.invitation.title'));
  const [offer] = useApi<Offer>(`/api/invitations/${token}`);
  return (
    <section className="narrow">
      <h1>{t('caucus.invitation.title')}</h1>
      <Loading state={offer}>
        {(o) => (
          <>
            <p className="lead">
              {t('caucus.invitation.lead', { role: o.role })}
              {o.person_name ? ` ${t('caucus.invitation.for', { name: o.person_name })}` : ''}
            </p>
            <AcceptForm token={token} offer={o} />
          </>
        )}
      </Loading>
    </section>
  );
}
