// The caucus's pages, one lazy chunk: the public site (/caucus/…), signing in, the member area
// (/account) and the secretariat (/secretariat/…). The app's router hands over the path.
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { AccountPage } from './account-page.tsx';
import { ActivitiesPage } from './activities-page.tsx';
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
import { WorkPage } from './work-page.tsx';
import { SignInPage } from './sign-in-page.tsx';
import { WorkshopPage, WorkshopsPage } from './workshop-page.tsx';
import type { CaucusRoute } from './routes.ts';
import { parseCaucusPath } from './routes.ts';
import { CaucusNav } from './ui.tsx';

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
    case 'work':
      return <WorkPage />;
    case 'workshops':
      return <WorkshopsPage />;
    case 'workshop':
      return <WorkshopPage id={route.id} />;
    case 'sign-in':
      return <SignInPage />;
    case 'account':
      return <AccountPage />;
    case 'activities':
      return <ActivitiesPage />;
    case 'secretariat':
      return <SecretariatPage section={route.section} workshopId={route.workshopId} />;
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
