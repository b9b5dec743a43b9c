// Signing in: email and password; the secretariat and admins then give the 6-digit code of their
// authenticator app when the server answers `totp_required`.
import type { SyntheticEvent } from 'react';
import { useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useRouter } from '../router.tsx';
import { ApiError } from './api.ts';
import { isSecretariat, signIn, useSession } from './session.ts';
import { ErrorNotice, useAction, useTitle } from './ui.tsx';

export function SignInPage() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const session = useSession();
  useTitle(t('caucus.signIn.title'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const action = useAction();
  const codeRef = useRef<HTMLInputElement>(null);

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void action.run(async () => {
      try {
        const user = await signIn(email, password, needsCode ? totp : undefined);
        navigate(isSecretariat(user.role) ? '/secretariat' : '/account');
      } catch (error) {
        if (error instanceof ApiError && error.code === 'totp_required') {
          if (!needsCode) {
            setNeedsCode(true);
            window.setTimeout(() => codeRef.current?.focus(), 0);
            return;
          }
          // Asked again: the code given was wrong or has expired.
          throw new ApiError(error.status, 'totp_wrong', error.message);
        }
        throw error;
      }
    });
  };

  if (session.status === 'ready' && session.user)
    return (
      <section>
        <h1>{t('caucus.signIn.title')}</h1>
        <p>{t('caucus.signIn.already', { name: session.user.display_name })}</p>
        <p>
          <Link to="/account">{t('caucus.nav.account')}</Link>
        </p>
      </section>
    );

  return (
    <section className="narrow">
      <h1>{t('caucus.signIn.title')}</h1>
      <p className="lead">{t('caucus.signIn.lead')}</p>
      <form onSubmit={submit} className="panel" noValidate>
        {action.error ? <ErrorNotice error={action.error} /> : null}
        <div className="field">
          <label htmlFor="sign-in-email">{t('caucus.field.email')}</label>
          <input
            id="sign-in-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            readOnly={needsCode}
            onChange={(e) => {
              setEmail(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">{t('caucus.field.password')}</label>
          <input
            id="sign-in-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            readOnly={needsCode}
            onChange={(e) => {
              setPassword(e.target.value);
            }}
          />
        </div>
        {needsCode ? (
          <div className="field">
            <label htmlFor="sign-in-totp">{t('caucus.field.totp')}</label>
            <p className="field__hint" id="sign-in-totp-hint">
              {t('caucus.signIn.totpHint')}
            </p>
            <input
              id="sign-in-totp"
              ref={codeRef}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              aria-describedby="sign-in-totp-hint"
              value={totp}
              onChange={(e) => {
                setTotp(e.target.value.replace(/\D/g, ''));
              }}
            />
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {needsCode ? t('caucus.signIn.verify') : t('caucus.signIn.submit')}
          </button>
        </div>
      </form>
      <p className="muted">{t('caucus.signIn.noAccount')}</p>
    </section>
  );
}
