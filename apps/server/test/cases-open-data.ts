// Endpoint cases for open data (see cases.ts): open to everyone, public records only.
import type { Case } from './cases.ts';

export const OPEN_DATA_CASES: Case[] = [
  {
    route: 'GET /api/open-data',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/open-data' }),
    status: 200,
    invalid: null,
  },
  {
    route: 'GET /api/open-data/popolo.json',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/open-data/popolo.json' }),
    status: 200,
    invalid: null,
  },
  {
    route: 'GET /api/open-data/:kind.json',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/open-data/people.json' }),
    status: 200,
    invalid: { call: { method: 'GET', url: '/api/open-data/BAD.json' }, field: 'params.kind' },
  },
  {
    route: 'GET /api/open-data/:kind.csv',
    who: 'public',
    valid: () => ({ method: 'GET', url: '/api/open-data/people.csv?bom=true' }),
    status: 200,
    invalid: {
      call: { method: 'GET', url: '/api/open-data/people.csv?bom=yes' },
      field: 'query.bom',
    },
  },
];
