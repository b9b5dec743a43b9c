// Checks activities.yaml (docs/seed-data.md): every record has a stable id, is public, and has a
// source — a verbatim quote under a heading of the report, or a public source with its address
// and date of access; every meeting says whether it was verified; every reference resolves; and
// nothing is recorded that the report says did not happen or does not state (no visit, bill or
// national caucus).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Rec = Record<string, unknown>;

const dir = import.meta.dirname;
const load = (file: string): unknown => parse(readFileSync(join(dir, file), 'utf8')) as unknown;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter(isRec) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const file = load('activities.yaml');
const sections = isRec(file) ? file : {};
const events = list(sections.body_events);
const engagements = list(sections.engagements);
const collaborations = list(sections.collaborations);
const all = [...events, ...engagements, ...collaborations];

const organizations = new Map(list(load('organizations.yaml')).map((o) => [str(o.id), o]));
const areas = isRec(load('areas-for-action.yaml'))
  ? list((load('areas-for-action.yaml') as Rec).areas)
  : [];
const programmes = new Set(list(load('programmes.yaml')).map((p) => str(p.id)));
const texts = new Set(list(load('texts.yaml')).map((t) => str(t.id)));

const normalise = (s: string): string =>
  s
    .replace(/<\/?sup>/g, '')
    .replace(/\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const report = normalise(
  readFileSync(resolve(dir, '../../../docs/seed/caucus-report-phnom-penh-2011.md'), 'utf8'),
);

describe('activities.yaml', () => {
  it('has only the kinds of activity the sources state', () => {
    expect(Object.keys(sections).sort()).toEqual(['body_events', 'collaborations', 'engagements']);
    expect(events.length).toBeGreaterThan(0);
  });

  it('gives every record a stable id, public visibility and a source', () => {
    const ids = new Set<string>();
    for (const r of all) {
      const id = str(r.id);
      expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(ids.has(id), id).toBe(false);
      ids.add(id);
      expect(r.visibility, id).toBe('public');
      const source = r.source;
      expect(isRec(source), `${id} source`).toBe(true);
      if (!isRec(source)) continue;
      if (source.quote !== undefined) {
        expect(str(source.section), id).not.toBe('');
        expect(
          report.includes(normalise(str(source.quote))),
          `${id}: quote not in the report`,
        ).toBe(true);
      } else {
        expect(str(source.title), id).not.toBe('');
        expect(str(source.url), id).toMatch(/^https?:\/\//);
        expect(str(source.accessed), id).toMatch(/^\d{4}-\d{2}$/);
      }
    }
  });

  it('says of every meeting whether it was verified; dates are as precise as known', () => {
    for (const e of events) {
      expect(typeof e.verified, str(e.id)).toBe('boolean');
      for (const key of ['start_date', 'end_date'])
        if (e[key] !== undefined)
          expect(str(e[key]), `${str(e.id)}.${key}`).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      // A meeting either has a date or is a cycle.
      expect(e.start_date !== undefined || isRec(e.cycle), str(e.id)).toBe(true);
    }
  });

  it('resolves every reference', () => {
    for (const r of all) {
      expect(organizations.has(str(r.organization_id)), str(r.id)).toBe(true);
      if (r.programme_id !== undefined) expect(programmes.has(str(r.programme_id))).toBe(true);
      if (r.text_id !== undefined) expect(texts.has(str(r.text_id))).toBe(true);
    }
    for (const c of collaborations) {
      const classification = str(organizations.get(str(c.organization_id))?.classification);
      expect(['cso', 'trade_union'], str(c.id)).toContain(classification);
      expect(
        areas.map((a) => str(a.id)),
        str(c.id),
      ).toContain(str(c.topic_id));
    }
  });
});
