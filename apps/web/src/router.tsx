// A small router over the History API: the app has seven kinds of page (the caucus's own pages
// are routed inside src/caucus), and the law's date lives in
// the query string (?at=YYYY-MM-DD) so a link says which law it shows.
import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';

/** A page of the app, parsed from the path. */
export type Route =
  | { readonly page: 'checker' }
  | { readonly page: 'countries' }
  | { readonly page: 'country'; readonly country: string }
  | { readonly page: 'corridors' }
  | { readonly page: 'corridor'; readonly origin: string; readonly destination: string }
  /** The caucus site, the member area and the secretariat: src/caucus/routes.ts reads the rest. */
  | { readonly page: 'caucus'; readonly path: string }
  | { readonly page: 'studio' }
  | { readonly page: 'not_found'; readonly path: string };

/** The first path segments that belong to the caucus's pages (lazy-loaded, away from the checker). */
export const CAUCUS_PREFIXES: readonly string[] = [
  'caucus',
  'sign-in',
  'account',
  'secretariat',
  'invitations',
];

/** Reads a path into a route; country codes are case-insensitive in URLs. */
export function parseRoute(path: string): Route {
  const parts = path.split('/').filter((p) => p !== '');
  const cc = (s: string | undefined) => (s && /^[a-z]{2}$/i.test(s) ? s.toUpperCase() : null);
  if (parts.length === 0) return { page: 'checker' };
  if (CAUCUS_PREFIXES.includes(parts[0] ?? ''))
    return { page: 'caucus', path: `/${parts.join('/')}` };
  if (parts[0] === 'countries') {
    if (parts.length === 1) return { page: 'countries' };
    const country = cc(parts[1]);
    if (parts.length === 2 && country) return { page: 'country', country };
  }
  if (parts[0] === 'corridors') {
    if (parts.length === 1) return { page: 'corridors' };
    const origin = cc(parts[1]);
    const destination = cc(parts[2]);
    if (parts.length === 3 && origin && destination)
      return { page: 'corridor', origin, destination };
  }
  if (parts.length === 1 && parts[0] === 'studio') return { page: 'studio' };
  return { page: 'not_found', path };
}

/** The path of a route (the inverse of parseRoute). */
export function routePath(route: Route): string {
  switch (route.page) {
    case 'checker':
      return '/';
    case 'countries':
      return '/countries';
    case 'country':
      return `/countries/${route.country.toLowerCase()}`;
    case 'corridors':
      return '/corridors';
    case 'corridor':
      return `/corridors/${route.origin.toLowerCase()}/${route.destination.toLowerCase()}`;
    case 'studio':
      return '/studio';
    case 'caucus':
    case 'not_found':
      return route.path;
  }
}

interface Location {
  readonly path: string;
  readonly search: string;
}

interface RouterValue {
  readonly location: Location;
  readonly route: Route;
  readonly navigate: (path: string, options?: { replace?: boolean }) => void;
}

const RouterContext = createContext<RouterValue | null>(null);

const current = (): Location => ({
  path: window.location.pathname,
  search: window.location.search,
});

export function RouterProvider({ children }: { readonly children: ReactNode }) {
  const [location, setLocation] = useState<Location>(current);
  useEffect(() => {
    const onPop = () => {
      setLocation(current());
    };
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
    };
  }, []);
  const navigate = useCallback((path: string, options?: { replace?: boolean }) => {
    // A replaced entry keeps what a page kept in it (the checker's answers).
    if (options?.replace) window.history.replaceState(window.history.state, '', path);
    else window.history.pushState(null, '', path);
    const next = current();
    setLocation(next);
    if (!options?.replace) window.scrollTo(0, 0);
  }, []);
  const value = useMemo(
    () => ({ location, route: parseRoute(location.path), navigate }),
    [location, navigate],
  );
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter() needs a RouterProvider');
  return value;
}

/** A link that navigates without reloading, keeping the query string (the law's date). */
export function Link({
  to,
  children,
  ...rest
}: { readonly to: string; readonly children: ReactNode } & Omit<
  AnchorHTMLAttributes<HTMLAnchorElement>,
  'href'
>) {
  const { location, navigate } = useRouter();
  const href = to.includes('?') ? to : `${to}${location.search}`;
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return;
    e.preventDefault();
    navigate(href);
  };
  const isCurrent = location.path === to;
  return (
    <a href={href} onClick={onClick} aria-current={isCurrent ? 'page' : undefined} {...rest}>
      {children}
    </a>
  );
}
