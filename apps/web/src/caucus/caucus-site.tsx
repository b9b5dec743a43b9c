// The caucus's pages, one lazy chunk: the public site (/caucus/…), signing in, the member area
// (/account) and the secretariat (/secretariat/…). The app's router hands over the path.
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { AccountPage } from './account-page.tsx';
import { DocumentsPage } from './documents-page.tsx';
import { InvitationPage } from './invitation-page.tsx';
import {
  AboutPage,
  CommitmentPage,
  CommitmentsPage,
  MembersPage,
  ProgrammePage,
  ProgrammesPage,
  TextPage,
  TextsPage,
} from './public-pages.tsx';
import { SecretariatPage } from './secretariat-page.tsx';
import { SignInPage } from './sign-in-page.tsx';
import { CaucusNav } from './ui.tsx';

export const SECRETARIAT_SECTIONS = [
  'invitations',
  'drives',
  'moderation',
  'programmes',
  'texts',
  'follow-ups',
] as const;
export type SecretariatSection = (typeof SECRETARIAT_SECTIONS)[number];

/** A caucus page, parsed from the path. */
export type CaucusRoute =
  | { readonly page: 'about' }
  | { readonly page: 'texts' }
  | { readonly page: 'text'; readonly id: string }
  | { readonly page: 'programmes' }
  | { readonly page: 'programme'; readonly id: string }
  | { readonly page: 'members' }
  | { readonly page: 'commitments' }
  | { readonly page: 'commitment'; readonly id: string }
  | { readonly page: 'documents' }
  | { readonly page: 'sign-in' }
  | { readonly page: 'account' }
  | { readonly page: 'secretariat'; readonly section: SecretariatSection }
  | { readonly page: 'invitation'; readonly token: string }
  | { readonly page: 'not_found' };

const ID = /^[a-z0-9_-]{1,200}$/;

export function parseCaucusPath(path: string): CaucusRoute {
  const [head, a, b, ...rest] = path.split('/').filter((p) => p !== '');
  if (rest.length > 0) return { page: 'not_found' };
  const one = (page: 'text' | 'programme' | 'commitment'): CaucusRoute =>
    b === undefined
      ? { page: page === 'text' ? 'texts' : `${page}s` }
      : ID.test(b)
        ? { page, id: b }
        : { page: 'not_found' };
  if (head === 'caucus') {
    if (a === undefined) return { page: 'about' };
    if (a === 'texts') return one('text');
    if (a === 'programmes') return one('programme');
    if (a === 'commitments') return one('commitment');
    if (b === undefined && (a === 'members' || a === 'documents')) return { page: a };
  }
  if (head === 'sign-in' && a === undefined) return { page: 'sign-in' };
  if (head === 'account' && a === undefined) return { page: 'account' };
  if (head === 'secretariat' && b === undefined) {
    if (a === undefined) return { page: 'secretariat', section: 'moderation' };
    const section = SECRETARIAT_SECTIONS.find((s) => s === a);
    if (section) return { page: 'secretariat', section };
  }
  if (
    head === 'invitations' &&
    a !== undefined &&
    b === undefined &&
    /^[A-Za-z0-9_-]{20,200}$/.test(a)
  )
    return { page: 'invitation', token: a };
  return { page: 'not_found' };
}

function Page({ route }: { readonly route: CaucusRoute }) {
  const { t } = useI18n();
  switch (route.page) {
    case 'about':
      return <AboutPage />;
    case 'texts':
      return <TextsPage />;
    case 'text':
      return <TextPage id={route.id} />;
    case 'programmes':
      return <ProgrammesPage />;
    case 'programme':
      return <ProgrammePage id={route.id} />;
    case 'members':
      return <MembersPage />;
    case 'commitments':
      return <CommitmentsPage />;
    case 'commitment':
      return <CommitmentPage id={route.id} />;
    case 'documents':
      return <DocumentsPage />;
    case 'sign-in':
      return <SignInPage />;
    case 'account':
      return <AccountPage />;
    case 'secretariat':
      return <SecretariatPage section={route.section} />;
    case 'invitation':
      return <InvitationPage token={route.token} />;
    case 'not_found':
      return (
        <section>
          <h1>{t('notFound.title')}</h1>
          <p>
            <Link to="/caucus">{t('caucus.nav.about')}</Link>
          </p>
        </section>
      );
  }
}

export default function CaucusSite({ path }: { readonly path: string }) {
  const route = parseCaucusPath(path);
  return (
    <div className="caucus">
      <CaucusNav />
      <Page route={route} />
    </div>
  );
}
