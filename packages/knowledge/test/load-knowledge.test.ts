import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../src/index.ts';
import { loadKnowledge } from '../src/node/index.ts';

/** Writes a knowledge directory with the given files and loads it; returns the formatted problems. */
function problemsOf(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tulay-kb-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return loadKnowledge(dir)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => formatProblem({ ...p, file: p.file.replace(/^.*tulay-kb-[^/]+\//, '') }));
}

const header = `country: XA
name: Arcadia
currency: XTS
languages: [fr]
scope: full
sources:
  law: { title: Test law, url: https://example.org/law, kind: primary }
`;

const scheme = (extra: string) => `schemes:
  - id: xa.si
    name: Social insurance
    kind: social_insurance
    administrator: { name: Office }
    from: 2000-01
    coverage:
      - { from: 2000-01, place: in_country, membership: compulsory, nationality: any, requiresDocuments: true, source: law, ref: s. 1, verified: true }
${extra}`;

describe('loading the knowledge base reports every problem with file, line, path and reason', () => {
  it('accepts a minimal valid package', () => {
    expect(problemsOf({ 'jurisdictions/xa.yaml': header + scheme('    branches: {}\n') })).toEqual(
      [],
    );
  });

  it('rejects unknown fields rather than ignoring them', () => {
    expect(problemsOf({ 'jurisdictions/xa.yaml': header + 'sauces: {}\n' })).toEqual([
      'jurisdictions/xa.yaml:8: $.sauces: unknown field',
    ]);
  });

  it('names overlapping and gapped validity ranges', () => {
    const parameters = `parameters:
  xa.rate:
    description: A rate
    unit: rate
    values:
      - { from: 2000-01, to: 2010-12, value: 0.1, source: law, ref: s. 2, verified: true }
      - { from: 2010-06, to: 2015-12, value: 0.2, source: law, ref: s. 2, verified: true }
      - { from: 2017-01, value: 0.3, source: law, ref: s. 2, verified: true }
`;
    expect(problemsOf({ 'jurisdictions/xa.yaml': header + parameters })).toEqual([
      'jurisdictions/xa.yaml:14: $.parameters["xa.rate"].values[1].from: parameter xa.rate: overlaps the version from 2000-01 (entry 0)',
      'jurisdictions/xa.yaml:15: $.parameters["xa.rate"].values[2].from: parameter xa.rate: gap after 2015-12 (entry 1); end the previous version the month before',
    ]);
  });

  it('names unknown parameter and source references', () => {
    const branches = `    branches:
      old_age:
        - { from: 2000-01, qualifying: { minMonths: { param: xa.missing } }, benefit: { type: in_kind, description: care }, paidAbroad: 'no', source: nowhere, ref: s. 3, verified: true }
`;
    expect(problemsOf({ 'jurisdictions/xa.yaml': header + scheme(branches) })).toEqual([
      'jurisdictions/xa.yaml:18: $.schemes[0].branches.old_age[0].source: cites source "nowhere", which is not in this file\'s sources',
      'jurisdictions/xa.yaml:18: $.schemes[0].branches.old_age[0].qualifying.minMonths.param: refers to parameter "xa.missing", which this package does not define',
    ]);
  });

  it('names cycles in basedOn', () => {
    const two = `schemes:
  - { id: xa.a, name: A, kind: social_insurance, administrator: { name: O }, from: 2000-01, basedOn: xa.b, coverage: [], branches: {} }
  - { id: xa.b, name: B, kind: social_insurance, administrator: { name: O }, from: 2000-01, basedOn: xa.a, coverage: [], branches: {} }
`;
    const problems = problemsOf({ 'jurisdictions/xa.yaml': header + two });
    expect(problems).toContain(
      'jurisdictions/xa.yaml:9: $.schemes[0].basedOn: basedOn makes a cycle: xa.a → xa.b → xa.a',
    );
  });

  it('names an agreement whose party has no package when it grants coordination', () => {
    const agreement = `id: xa-xq
title: Test
kind: social_security_agreement
binding: true
parties: [XA, XQ]
inForce: { from: 2020-01 }
branches: [old_age]
provisions: { equalTreatment: true, export: true, totalization: true, detachment: null, minOwnMonths: null, administrativeAssistance: false }
source: law
ref: art. 1
verified: true
sources:
  law: { title: Test, url: https://example.org/a, kind: primary }
`;
    expect(
      problemsOf({ 'jurisdictions/xa.yaml': header, 'agreements/xa-xq.yaml': agreement }),
    ).toEqual([
      'agreements/xa-xq.yaml:5: $.parties[1]: party XQ has no jurisdiction package: its periods cannot be counted',
    ]);
  });

  it('reports a YAML syntax error with its line', () => {
    expect(problemsOf({ 'jurisdictions/xa.yaml': 'country: XA\nname: [unclosed\n' })[0]).toMatch(
      /^jurisdictions\/xa\.yaml:\d+: syntax error/,
    );
  });
});
