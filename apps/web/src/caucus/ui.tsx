// What the caucus's pages share: loading data, saying what went wrong in plain words (naming the
// field), the section's own navigation, and small pieces of layout.
import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';
import enJson from '../i18n/messages/en.json';
import type { I18n, MessageKey } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useRouter } from '../router.tsx';
import { TextField } from '../ui/field.tsx';
import { ApiError, api } from './api.ts';
import { isSecretariat, useSession } from './session.ts';

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'ready'; readonly data: T };

/** Two loads as one, as one inside the other would show: the first's state until it is ready. */
export function both<A, B>(a: Loaded<A>, b: Loaded<B>): Loaded<readonly [A, B]> {
  if (a.status !== 'ready') return a;
  if (b.status !== 'ready') return b;
  return { status: 'ready', data: [a.data, b.data] };
}

/** GETs `path` (none when null); `reload` fetches again without showing "loading". */
export function useApi<T>(path: string | null): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [n, setN] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let isCurrent = true;
    api<T>('GET', path).then(
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
  }, [path, n]);
  const reload = useCallback(() => {
    setN((x) => x + 1);
  }, []);
  return [state, reload];
}

const messages: Readonly<Record<string, string>> = enJson.messages;
const has = (key: string): key is MessageKey => key in messages;

/** A field's name in words: `body.title` → "Title", `metadata.countries.0` → "Countries". */
export function fieldLabel(t: I18n['t'], path: string): string {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  for (let i = parts.length - 1; i >= 0; i--) {
    const key = `caucus.field.${parts[i] ?? ''}`;
    if (has(key)) return t(key);
  }
  return parts.at(-1) ?? path;
}

/** The plain-words sentence for an API error code. */
export function errorMessage(t: I18n['t'], error: unknown): string {
  if (!(error instanceof ApiError)) return t('caucus.error.internal');
  const key = `caucus.error.${error.code}`;
  return has(key) ? t(key) : error.message;
}

/** An error from the API in plain words, with every field it names. */
export function ErrorNotice({ error }: { readonly error: unknown }) {
  const { t } = useI18n();
  const fields = error instanceof ApiError ? error.fields : [];
  // A refusal's reason (a record already published, a role's limit) is the server's, in English.
  const reason =
    error instanceof ApiError && error.code === 'forbidden' && error.message !== ''
      ? error.message
      : null;
  return (
    <div className="notice notice--error" role="alert">
      <p>{errorMessage(t, error)}</p>
      {reason ? (
        <p className="notice__detail" lang="en">
          {reason}
        </p>
      ) : null}
      {fields.length > 0 ? (
        <ul>
          {fields.map((f) => (
            <li key={f.path + f.message}>
              <strong>{fieldLabel(t, f.path)}</strong>: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The message of the first error naming `field`, for the field itself. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((f) => f.path.split('.').includes(field))?.message;
}

/** Shows loading, an error, or the data. */
export function Loading<T>({
  state,
  children,
}: {
  readonly state: Loaded<T>;
  readonly children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (state.status === 'loading')
    return (
      <p className="status" role="status">
        {t('caucus.loading')}
      </p>
    );
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  return <>{children(state.data)}</>;
}

/** A link of the caucus's navigation: current on its page and on the pages under it. */
function NavLink({ to, children }: { readonly to: string; readonly children: ReactNode }) {
  const { location } = useRouter();
  const isCurrent =
    location.path === to || (to !== '/caucus' && location.path.startsWith(`${to}/`));
  return (
    <Link to={to} aria-current={isCurrent ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** The caucus section's own navigation, aware of who is signed in. */
export function CaucusNav() {
  const { t } = useI18n();
  const session = useSession();
  const user = session.status === 'ready' ? session.user : null;
  return (
    <nav className="caucus-nav" aria-label={t('caucus.nav.label')}>
      <ul>
        <li>
          <NavLink to="/caucus">{t('caucus.nav.about')}</NavLink>
        </li>
        <li>
          <NavLink to="/caucus/texts">{t('caucus.nav.texts')}</NavLink>
        </li>
        <li>
          <NavLink to="/caucus/programmes">{t('caucus.nav.programmes')}</NavLink>
        </li>
        <li>
          <NavLink to="/caucus/members">{t('caucus.nav.members')}</NavLink>
        </li>
        <li>
          <NavLink to="/caucus/commitments">{t('caucus.nav.commitments')}</NavLink>
        </li>
        <li>
          <NavLink to="/caucus/activities">{t('caucus.nav.work')}</NavLink>
        </li>
        <li>
          <NavLink to="/caucus/documents">{t('caucus.nav.documents')}</NavLink>
        </li>
        <li>
          {/* The studio is the caucus's tool for weighing a reform; the header keeps to four links. */}
          <NavLink to="/studio">{t('nav.studio')}</NavLink>
        </li>
      </ul>
      <ul className="caucus-nav__account">
        {user ? (
          <>
            <li>
              <NavLink to="/account">{t('caucus.nav.account')}</NavLink>
            </li>
            {isSecretariat(user.role) ? (
              <li>
                <NavLink to="/secretariat">{t('caucus.nav.secretariat')}</NavLink>
              </li>
            ) : null}
          </>
        ) : session.status === 'ready' ? (
          <li>
            <NavLink to="/sign-in">{t('caucus.nav.signIn')}</NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** The page's title in the tab. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Tulay`;
  }, [title]);
}

/** Text written as paragraphs separated by blank lines. */
export function Paragraphs({ text, lang }: { readonly text: string; readonly lang?: string }) {
  return (
    <div className="prose" lang={lang}>
      {text
        .split(/\n{2,}/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </div>
  );
}

const yearFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A year alone in the locale's calendar and digits, as its months are shown: Thai's 2011 is 2554.
 * Only the year itself, without the era some calendars add to a bare year ("พ.ศ.").
 */
function year(i18n: I18n, y: number): string {
  let format = yearFormats.get(i18n.intl.tag);
  if (!format) {
    format = new Intl.DateTimeFormat(i18n.intl.tag, { year: 'numeric', timeZone: 'UTC' });
    yearFormats.set(i18n.intl.tag, format);
  }
  const parts = format.formatToParts(Date.UTC(y, 6, 1));
  return parts.find((p) => p.type === 'year')?.value ?? String(y);
}

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) in the user's language. */
export function partialDate(i18n: I18n, d: string | null | undefined): string {
  if (!d) return '';
  if (/^\d{4}-\d{2}-\d{2}/.test(d)) return i18n.date(d.slice(0, 10));
  if (/^\d{4}-\d{2}$/.test(d)) return i18n.month(d);
  if (/^\d{4}$/.test(d)) return year(i18n, Number(d));
  return d;
}

/** A partial date (YYYY, YYYY-MM or YYYY-MM-DD), typed as digits. */
export function PartialDateField({
  id,
  label,
  value,
  onChange,
  errorText,
  isOptional = false,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly errorText: string | undefined;
  readonly isOptional?: boolean;
}) {
  const { t } = useI18n();
  return (
    <TextField
      id={id}
      label={label}
      hint={t('caucus.dateHint')}
      errorText={errorText}
      isOptional={isOptional}
      value={value}
      inputMode="numeric"
      onChange={onChange}
    />
  );
}

/** An OCD division id's country (ocd-division/country:th → Thailand). */
export function divisionCountry(i18n: I18n, id: string | null | undefined): string | null {
  const m = /country:([a-z]{2})/.exec(id ?? '');
  return m?.[1] ? i18n.country(m[1].toUpperCase()) : null;
}

/** The visibility of a record, as a tag (only shown to those who can see more than the public). */
export function VisibilityTag({ visibility }: { readonly visibility: string }) {
  const { t } = useI18n();
  if (visibility === 'public') return null;
  return (
    <span className="tag">
      {visibility === 'caucus' ? t('caucus.visibility.caucus') : t('caucus.visibility.secretariat')}
    </span>
  );
}

/** A button that runs an action, shows it is busy, and reports an error under itself. */
export function useAction(): {
  readonly busy: boolean;
  readonly error: unknown;
  readonly run: (action: () => Promise<void>) => Promise<void>;
  readonly clear: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => {
    setError(null);
  }, []);
  return { busy, error, run, clear };
}
