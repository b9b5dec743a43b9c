// The shell: header (name, navigation, language, the law's date), the page, the footer.
import { lazy, Suspense, useEffect, useRef } from 'react';
import { CheckerPage } from './checker/checker-page.tsx';
import { useI18n } from './i18n/i18n.tsx';
import { Link, useRouter } from './router.tsx';
import { DateControl, LawDateNote } from './ui/date-control.tsx';
import { LanguageSwitcher } from './ui/language-switcher.tsx';
import { OnlineStatus } from './ui/online-status.tsx';

// Countries and corridors are not needed for the checker's first load.
const CountriesPage = lazy(() => import('./countries/countries-page.tsx'));
const CountryPage = lazy(() => import('./countries/country-page.tsx'));
const CorridorsPage = lazy(() => import('./countries/corridors-page.tsx'));
const CorridorPage = lazy(() => import('./countries/corridor-page.tsx'));
// The caucus site, the member area and the secretariat: one lazy chunk, routed inside.
const CaucusSite = lazy(() => import('./caucus/caucus-site.tsx'));
const StudioPage = lazy(() => import('./studio/studio-page.tsx'));

function Page() {
  const { route } = useRouter();
  const { t } = useI18n();
  switch (route.page) {
    case 'checker':
      return <CheckerPage />;
    case 'countries':
      return <CountriesPage />;
    case 'country':
      return <CountryPage country={route.country} />;
    case 'corridors':
      return <CorridorsPage />;
    case 'corridor':
      return <CorridorPage origin={route.origin} destination={route.destination} />;
    case 'caucus':
      return <CaucusSite path={route.path} />;
    case 'studio':
      return <StudioPage />;
    case 'not_found':
      return (
        <section>
          <h1>{t('notFound.title')}</h1>
          <p>
            <Link to="/">{t('nav.checker')}</Link>
          </p>
        </section>
      );
  }
}

/**
 * One compact notice on the language (a translation under review, English number formats): a
 * line that opens to the full explanation, so two long notes in a tall script such as Khmer do
 * not push the page below the fold on a phone.
 */
function LanguageNotice() {
  const i18n = useI18n();
  const { t } = i18n;
  const notes = [
    i18n.isForReview ? { short: t('lang.reviewShort'), full: t('lang.reviewNote') } : null,
    i18n.intl.isFallback ? { short: t('lang.formatShort'), full: t('lang.formatFallback') } : null,
  ].filter((n) => n !== null);
  if (notes.length === 0) return null;
  return (
    <details className="review-banner" data-testid="review-banner">
      <summary>
        <span aria-hidden="true">⚠</span> {notes.map((n) => n.short).join(' · ')}
      </summary>
      {notes.map((n) => (
        <p key={n.short}>{n.full}</p>
      ))}
    </details>
  );
}

export function App() {
  const i18n = useI18n();
  const { t } = i18n;
  const { route } = useRouter();
  const mainRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // The caucus's pages set their own titles.
    if (route.page === 'caucus') return;
    document.title = `${t(
      route.page === 'checker'
        ? 'nav.checker'
        : route.page === 'corridor' || route.page === 'corridors'
          ? 'nav.corridors'
          : route.page === 'not_found'
            ? 'notFound.title'
            : route.page === 'studio'
              ? 'nav.studio'
              : 'nav.countries',
    )} · Tulay`;
  }, [route, t]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              <svg viewBox="0 0 32 32" width="32" height="32">
                <path d="M2 22 Q16 4 30 22" fill="none" stroke="currentColor" strokeWidth="3" />
                <path
                  d="M2 22 H30 M8 22 V15 M16 22 V11 M24 22 V15"
                  stroke="currentColor"
                  strokeWidth="2"
                />
              </svg>
            </span>
            <span className="brand__text">
              <span className="brand__name">Tulay</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <LanguageSwitcher />
        </div>
        <nav className="site-nav" aria-label={t('nav.main')}>
          <ul>
            <li>
              <Link to="/">{t('nav.checker')}</Link>
            </li>
            <li>
              <Link to="/countries">{t('nav.countries')}</Link>
            </li>
            <li>
              <Link to="/corridors">{t('nav.corridors')}</Link>
            </li>
            <li>
              <Link to="/caucus" aria-current={route.page === 'caucus' ? 'page' : undefined}>
                {t('caucus.nav.caucus')}
              </Link>
            </li>
          </ul>
          <DateControl />
        </nav>
      </header>
      <OnlineStatus />
      <LanguageNotice />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <LawDateNote />
        <Suspense
          fallback={
            <p className="status" role="status">
              {t('loading')}
            </p>
          }
        >
          <Page />
        </Suspense>
      </main>
      <footer className="site-footer">
        {/* Only the checker keeps everything on the device; the studio and the caucus's pages do not. */}
        {route.page === 'checker' && <p>{t('footer.privacy')}</p>}
        <p>{t('footer.sources')}</p>
        <nav aria-label={t('footer.data')}>
          <ul className="site-footer__links">
            <li>
              <a href="/api/open-data">{t('footer.openData')}</a>
            </li>
            <li>
              <a href="/api/docs">{t('footer.api')}</a>
            </li>
          </ul>
        </nav>
        <p className="muted">{t('footer.caucus')}</p>
      </footer>
    </>
  );
}
