// The corridors of the map and their status, from the knowledge base shipped with Tulay.
import { compileKnowledgeBase, parseMonth } from '@tulay/engine';
import { loadKnowledge } from '@tulay/knowledge/node';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR } from '../../build/knowledge-plugin.ts';
import { corridorFigures } from '../../build/map-plugin.ts';
import { corridorStatus, REPORT_CORRIDORS, regionCorridors } from './region-corridors.ts';

const { kb } = compileKnowledgeBase(loadKnowledge(KNOWLEDGE_DIR).kb.input);
const now = parseMonth('2026-01');
const report2011 = parseMonth('2011-09');

describe('corridorStatus', () => {
  it('a binding MOU in force (Cambodia → Thailand, then and now)', () => {
    expect(corridorStatus(kb, 'KH', 'TH', now)).toBe('binding');
    expect(corridorStatus(kb, 'KH', 'TH', report2011)).toBe('binding');
  });

  it('only the non-binding ASEAN Consensus, from its adoption in November 2017', () => {
    expect(corridorStatus(kb, 'ID', 'MY', now)).toBe('non_binding');
    expect(corridorStatus(kb, 'ID', 'MY', parseMonth('2017-10'))).toBe('none');
    expect(corridorStatus(kb, 'ID', 'MY', parseMonth('2017-11'))).toBe('non_binding');
  });

  it('nothing between Nepal and Malaysia', () => {
    expect(corridorStatus(kb, 'NP', 'MY', now)).toBe('none');
  });

  it('a social security agreement with a partner (India → Japan) from its entry into force', () => {
    expect(corridorStatus(kb, 'IN', 'JP', now)).toBe('binding');
    expect(corridorStatus(kb, 'IN', 'JP', report2011)).toBe('none');
  });

  it('not encoded when the law of one end is not in the knowledge base', () => {
    expect(corridorStatus(kb, 'BD', 'MY', now)).toBe('not_encoded');
    expect(corridorStatus(kb, 'PH', 'SA', now)).toBe('not_encoded');
  });
});

describe('regionCorridors', () => {
  const corridors = regionCorridors(kb, corridorFigures(), now);
  const find = (o: string, d: string) =>
    corridors.find((c) => c.origin === o && c.destination === d);

  it('has the calibration’s corridors with their stock, and the 2011 report’s', () => {
    expect(find('MM', 'TH')?.figure?.stock).toBe(2_640_000);
    for (const [o, d] of REPORT_CORRIDORS) expect(find(o, d)?.inReport, `${o}-${d}`).toBe(true);
    // Viet Nam → Malaysia is in the report but has no figure in the calibration.
    expect(find('VN', 'MY')?.figure).toBeNull();
  });

  it('adds agreements with partners on the map, and nothing off the map', () => {
    expect(find('PH', 'JP')).toBeDefined();
    expect(find('IN', 'AU')?.status).toBe('binding');
    // India's agreement with Germany is real, but Germany is not on the map.
    expect(find('IN', 'DE')).toBeUndefined();
    expect(new Set(corridors.map((c) => `${c.origin}-${c.destination}`)).size).toBe(
      corridors.length,
    );
  });
});
