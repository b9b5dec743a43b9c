import { describe, expect, it } from 'vitest';
import type { Organization } from './api.ts';
import { parliamentsOf } from './secretariat-national-caucuses.tsx';

const org = (
  id: string,
  classification: string,
  area_id: string | null = null,
  parent_id: string | null = null,
): Organization => ({ id, name: id, classification, area_id, parent_id, visibility: 'public' });

const ORGANIZATIONS = [
  org('th_national_assembly', 'parliament', 'ocd-division/country:th'),
  org('my_parliament', 'parliament', 'ocd-division/country:my'),
  // A chamber carries no area: its parliament's counts, as the API checks it.
  org('my_dewan_negara', 'parliament', null, 'my_parliament'),
  org('aipa', 'regional_body'),
  org('mfa', 'cso', 'ocd-division/country:ph'),
];

describe('the parliaments a national caucus may sit in', () => {
  it.each([
    ['TH', ['th_national_assembly']],
    ['MY', ['my_parliament', 'my_dewan_negara']],
    ['PH', []],
    ['', ['th_national_assembly', 'my_parliament', 'my_dewan_negara']],
  ])('%s', (country, ids) => {
    expect(parliamentsOf(country, ORGANIZATIONS).map((o) => o.id)).toEqual(ids);
  });
});
