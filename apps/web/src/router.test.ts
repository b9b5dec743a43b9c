import { describe, expect, it } from 'vitest';
import type { Route } from './router.tsx';
import { parseRoute, routePath } from './router.tsx';

describe('routes', () => {
  it.each<[string, Route]>([
    ['/', { page: 'checker' }],
    ['/countries', { page: 'countries' }],
    ['/countries/th', { page: 'country', country: 'TH' }],
    ['/corridors', { page: 'corridors' }],
    ['/corridors/kh/th', { page: 'corridor', origin: 'KH', destination: 'TH' }],
    ['/caucus', { page: 'caucus', path: '/caucus' }],
    [
      '/caucus/texts/resolution_caucus_2011/',
      { page: 'caucus', path: '/caucus/texts/resolution_caucus_2011' },
    ],
    ['/secretariat/moderation', { page: 'caucus', path: '/secretariat/moderation' }],
    ['/studio', { page: 'studio' }],
    ['/nowhere', { page: 'not_found', path: '/nowhere' }],
    ['/countries/thailand', { page: 'not_found', path: '/countries/thailand' }],
  ])('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
    if (route.page !== 'not_found') expect(parseRoute(routePath(route))).toEqual(route);
  });
});
