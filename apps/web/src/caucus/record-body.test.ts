import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import {
  activityBody,
  activityValues,
  changedFields,
  errorAt,
  filled,
  isSourceKept,
  lines,
  sourceFields,
  sourceOf,
} from './record-body.ts';

describe('a change sends only what changed', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>]>([
    [
      'nothing changed',
      { title: 'A', visibility: 'caucus' },
      { title: 'A', visibility: 'caucus' },
      {},
    ],
    ['a field changed', { title: 'A', summary: 'S' }, { title: 'B', summary: 'S' }, { title: 'B' }],
    ['a field filled in', { title: 'A' }, { title: 'A', summary: 'S' }, { summary: 'S' }],
    // Emptied fields are sent so that the API refuses them by name, not dropped in silence.
    ['a text emptied', { title: 'A', summary: 'S' }, { title: 'A' }, { summary: '' }],
    ['a list emptied', { sites: [{ name: 'x' }] }, {}, { sites: [] }],
    ['an object emptied', { cycle: { frequency: 'yearly' } }, {}, { cycle: null }],
    [
      'an object changed inside',
      { cycle: { frequency: 'yearly' } },
      { cycle: { frequency: 'yearly', note: 'n' } },
      { cycle: { frequency: 'yearly', note: 'n' } },
    ],
    [
      'a list reordered',
      { visiting_countries: ['KH', 'LA'] },
      { visiting_countries: ['LA', 'KH'] },
      { visiting_countries: ['LA', 'KH'] },
    ],
    ['a flag turned off', { is_verified: true }, { is_verified: false }, { is_verified: false }],
  ])('%s', (_name, before, after, sent) => {
    expect(changedFields(before, after)).toEqual(sent);
  });
});

describe('the form values as the API takes them', () => {
  it('keeps only the fields filled in, trimmed', () => {
    expect(filled({ a: ' x ', b: '', c: '   ' })).toEqual({ a: 'x' });
  });

  it('takes a text area line by line, without blank lines', () => {
    expect(lines(' Ministry of Labour \n\n  Workers’ shelter\n')).toEqual([
      'Ministry of Labour',
      'Workers’ shelter',
    ]);
  });

  it('gives a source only when a title or an address is given', () => {
    expect(sourceOf('', ' ')).toEqual({});
    expect(sourceOf('ILO report', '')).toEqual({ source: { title: 'ILO report' } });
    expect(sourceOf(' ILO report ', 'https://example.org/r')).toEqual({
      source: { title: 'ILO report', url: 'https://example.org/r' },
    });
  });

  it('leaves a source that says more than its title and address as it is', () => {
    expect(isSourceKept(undefined)).toBe(false);
    expect(isSourceKept({ title: 'T', url: 'https://example.org' })).toBe(false);
    expect(isSourceKept({ section: 'Summary', quote: 'Past programs were organized…' })).toBe(true);
    expect(isSourceKept({ title: 'T', publisher: 'OHCHR' })).toBe(true);
    expect(sourceFields({ title: 'T' })).toEqual({ title: 'T', url: '' });
    expect(sourceFields(undefined)).toEqual({ title: '', url: '' });
  });
});

describe("a meeting's or a collaboration's common fields", () => {
  const seeded = {
    organization_id: 'aipa',
    title: 'AIPA General Assembly',
    start_date: '2011-09',
    source: { title: 'Caucus report', section: 'Programme', quote: 'AIPA…' },
    visibility: 'caucus' as const,
  };

  it('start empty and public for a new record, and send only what is filled in', () => {
    const v = activityValues(undefined);
    expect(v).toEqual({
      organization_id: '',
      title: '',
      start_date: '',
      end_date: '',
      description: '',
      sourceTitle: '',
      sourceUrl: '',
      visibility: 'public',
    });
    expect(
      activityBody({ ...v, title: ' T ', sourceTitle: 'ILO report', end_date: ' 2026 ' }, false),
    ).toEqual({
      organization_id: '',
      title: ' T ',
      end_date: '2026',
      source: { title: 'ILO report' },
      visibility: 'public',
    });
  });

  it('leave out a source the form does not show, so that a change keeps it', () => {
    const before = activityBody(activityValues(seeded), true);
    expect(before).toEqual({
      organization_id: 'aipa',
      title: 'AIPA General Assembly',
      start_date: '2011-09',
      visibility: 'caucus',
    });
    const after = activityBody({ ...activityValues(seeded), end_date: '2011-10' }, true);
    expect(changedFields(before, after)).toEqual({ end_date: '2011-10' });
  });
});

describe("the API's error for a field", () => {
  const error = new ApiError(400, 'invalid_request', 'invalid body', [
    { path: 'body.source.title', message: 'must not be empty' },
    { path: 'body.sponsors.1.person_id', message: 'no people record with id "x"' },
  ]);

  it('is found by the exact path or a path under it, not by a name elsewhere', () => {
    expect(errorAt(error, 'body.title')).toBeUndefined();
    expect(errorAt(error, 'body.source.title')).toBe('must not be empty');
    expect(errorAt(error, 'body.sponsors')).toBe('no people record with id "x"');
    expect(errorAt(error, 'body.source')).toBe('must not be empty');
  });

  it('is none for an error that is not the API’s', () => {
    expect(errorAt(new Error('boom'), 'body.title')).toBeUndefined();
    expect(errorAt(null, 'body.title')).toBeUndefined();
  });
});
