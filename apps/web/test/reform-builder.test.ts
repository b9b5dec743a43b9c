// The studio's reform builder: each part becomes a change the engine accepts, the YAML it shows
// reads back as the same reform, and lifting Thailand's domestic-work exclusion gives the change
// of the ready-made reform that does it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { KnowledgeBase } from '@tulay/engine';
import { applyReform, reformSchema } from '@tulay/engine';
import { loadKnowledge, readValidated } from '@tulay/knowledge/node';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReformDraft } from '../src/studio/reform-builder.ts';
import enJson from '../src/i18n/messages/en.json';
import {
  PROVISIONS,
  buildReform,
  exclusionMessage,
  exclusionsOf,
  liftSet,
  mainRule,
  reformYaml,
} from '../src/studio/reform-builder.ts';

let kb: KnowledgeBase;
beforeAll(() => {
  kb = loadKnowledge().kb;
});

const draft: ReformDraft = {
  title: 'Three parts',
  from: '2027-01',
  parts: [
    {
      kind: 'agreement',
      parties: ['TH', 'KH'],
      provisions: {
        totalization: true,
        export: true,
        equalTreatment: true,
        administrativeAssistance: false,
      },
      branches: ['old_age', 'invalidity'],
      minOwnMonths: 12,
    },
    {
      kind: 'lift',
      country: 'TH',
      scheme: 'th.ssf.s33',
      lift: [{ kind: 'activity', value: 'domestic_worker' }],
    },
    { kind: 'parameter', country: 'TH', parameter: '', value: 1 },
  ],
};

describe('the reform builder', () => {
  it('makes a reform the engine applies, and YAML that reads back as it', () => {
    const parameter = [...(kb.jurisdictions.get('TH' as never)?.parameters.keys() ?? [])][0] ?? '';
    expect(parameter).not.toBe('');
    const parts = draft.parts.map((p) => (p.kind === 'parameter' ? { ...p, parameter } : p));
    const reform = buildReform({ ...draft, parts }, kb, 'https://tulay.example');
    expect(reform?.changes.map((c) => c.op)).toEqual([
      'add_agreement',
      'change_coverage',
      'set_parameter',
    ]);
    const parsed = reformSchema.parse(reform);
    const applied = applyReform(kb.input, parsed);
    expect(applied.ok, JSON.stringify(applied)).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'studio-'));
    const file = join(dir, 'reform.yaml');
    writeFileSync(file, reformYaml(reform));
    const read = readValidated(reformSchema, file);
    expect(read.problems).toEqual([]);
    expect(read.value).toEqual(parsed);
  });

  it('lifts the domestic-work exclusion as the ready-made Thai reform does', () => {
    const rule = mainRule(kb, 'th.ssf.s33', '2027-01');
    if (!rule) throw new Error('no rule');
    expect(exclusionsOf(rule)).toContainEqual({ kind: 'activity', value: 'domestic_worker' });
    const example = readValidated(
      reformSchema,
      resolve(import.meta.dirname, '../../../docs/examples/reforms/th-domestic-work.yaml'),
    ).value;
    const change = example?.changes[0];
    expect(change?.op).toBe('change_coverage');
    const set = liftSet(rule, [{ kind: 'activity', value: 'domestic_worker' }]);
    expect(set).toEqual(change?.op === 'change_coverage' ? change.set : null);
  });

  it('names provisions and exclusions by message keys, with the code the message names', () => {
    const english: Readonly<Record<string, string>> = enJson.messages;
    for (const p of PROVISIONS) expect(english[p.label], p.label).toBeDefined();
    const rule = mainRule(kb, 'th.ssf.s33', '2027-01');
    if (!rule) throw new Error('no rule');
    const messages = exclusionsOf(rule).map(exclusionMessage);
    for (const m of messages) expect(english[m.key], m.key).toBeDefined();
    expect(messages).toContainEqual({ key: 'studio.exclusion.activity', code: 'domestic_worker' });
    // Every activity or sector code it offers has its name in the user's language.
    for (const m of messages.filter((x) => x.code !== undefined))
      expect(
        english[`activityName.${m.code ?? ''}`] ?? english[`sectorName.${m.code ?? ''}`],
        m.code,
      ).toBeDefined();
  });

  it('has nothing to run until a part is complete', () => {
    expect(buildReform({ title: '', from: '2027-01', parts: [] }, kb, '')).toBeNull();
    expect(
      buildReform(
        {
          title: '',
          from: '2027-01',
          parts: [{ ...draft.parts[0], parties: ['TH', 'TH'] } as ReformDraft['parts'][number]],
        },
        kb,
        '',
      ),
    ).toBeNull();
  });

  it('quotes what YAML would misread', () => {
    const yaml = reformYaml({ a: 'yes', b: '12', c: 'a: b', d: '2027-01', e: [1, 'no'] });
    expect(yaml).toBe('a: "yes"\nb: "12"\nc: "a: b"\nd: 2027-01\ne: [1, "no"]\n');
  });
});
