// Two fictional jurisdictions and their agreements, so engine tests do not depend on the real
// knowledge base. XA "Arcadia" is a destination, XB "Borduria" an origin; ISO 3166 leaves XA–XZ
// for private use and ISO 4217 reserves XTS for testing.
import type {
  AgreementInput,
  JurisdictionInput,
  KnowledgeBase,
  ProfileInput,
} from '../src/index.ts';
import {
  agreementSchema,
  compileKnowledgeBase,
  jurisdictionSchema,
  profileSchema,
} from '../src/index.ts';

const fact = { source: 'law', ref: 'fictional act', verified: true } as const;
const sources = {
  law: {
    title: 'Fictional social security act (test fixture)',
    url: 'https://example.org/law',
    kind: 'primary' as const,
  },
};
const claim = {
  howTo: 'Apply at any office.',
  offices: [{ name: 'Head office', country: 'XA' }],
  documents: ['passport'],
  languages: ['fr'],
  paysToForeignAccounts: 'no' as const,
  foreignDocuments: 'certified_only' as const,
  ...fact,
};

export const arcadia: JurisdictionInput = {
  country: 'XA',
  name: 'Arcadia',
  currency: 'XTS',
  languages: ['fr'],
  scope: 'full',
  sources,
  parameters: {
    'xa.oa.min_months': {
      description: 'Insured months for an old-age pension',
      unit: 'months',
      values: [
        { from: '2000-01', to: '2019-12', value: 180, ...fact },
        { from: '2020-01', value: 120, ...fact },
      ],
    },
    'xa.wage_ceiling': {
      description: 'Monthly earnings ceiling',
      unit: 'money',
      currency: 'XTS',
      values: [{ from: '2000-01', value: 20000, ...fact }],
    },
  },
  schemes: [
    {
      id: 'xa.si',
      name: 'Arcadian social insurance',
      kind: 'social_insurance',
      administrator: { name: 'Arcadian Social Insurance Office' },
      from: '2000-01',
      coverage: [
        // Nationals only until 2014; open to every documented worker from 2015.
        {
          from: '2000-01',
          to: '2014-12',
          place: 'in_country',
          membership: 'compulsory',
          nationality: 'nationals',
          requiresDocuments: true,
          ...fact,
        },
        {
          from: '2015-01',
          place: 'in_country',
          membership: 'compulsory',
          nationality: 'any',
          requiresDocuments: true,
          activities: { except: ['domestic_worker'] },
          sectors: { except: ['fishing'] },
          ...fact,
        },
      ],
      branches: {
        old_age: [
          {
            from: '2000-01',
            qualifying: { minMonths: { param: 'xa.oa.min_months' }, pensionAge: 60 },
            benefit: {
              type: 'pension',
              rate: 0.2,
              accrual: { ratePerYear: 0.01, afterMonths: 120 },
              averageOverMonths: 60,
              earningsCeiling: { param: 'xa.wage_ceiling' },
            },
            otherwise: { type: 'contribution_refund', rates: [0.05] },
            paidAbroad: 'no',
            onDeparture: {
              description: 'a refund of the worker’s contributions on leaving Arcadia for good',
            },
            ...fact,
          },
        ],
        sickness: [
          {
            from: '2000-01',
            qualifying: { recent: { months: 3, within: 15 } },
            benefit: {
              type: 'earnings_replacement',
              rate: 0.5,
              duration: { count: 90, unit: 'days' },
            },
            paidAbroad: 'no',
            ...fact,
          },
        ],
        employment_injury: [
          {
            from: '2000-01',
            qualifying: { coveredAtEvent: true },
            benefit: {
              type: 'earnings_replacement',
              rate: 0.7,
              duration: { count: 12, unit: 'months' },
            },
            paidAbroad: 'yes',
            ...fact,
          },
        ],
      },
      claim,
    },
    {
      id: 'xa.wic',
      name: 'Arcadian work injury compensation',
      kind: 'employer_liability',
      administrator: { name: 'Arcadian Labour Department' },
      from: '2000-01',
      coverage: [
        {
          from: '2000-01',
          place: 'in_country',
          membership: 'compulsory',
          nationality: 'any',
          requiresDocuments: false,
          ...fact,
          verified: false,
          note: 'fixture: an unverified rule',
        },
      ],
      branches: {
        employment_injury: [
          {
            from: '2000-01',
            qualifying: { coveredAtEvent: true },
            benefit: { type: 'flat', amount: 5000, per: 'once' },
            paidAbroad: 'yes',
            ...fact,
          },
        ],
      },
    },
  ],
};

export const borduria: JurisdictionInput = {
  country: 'XB',
  name: 'Borduria',
  currency: 'XTS',
  languages: ['es'],
  scope: 'full',
  sources,
  parameters: {},
  schemes: [
    {
      id: 'xb.sss',
      name: 'Bordurian social security system',
      kind: 'social_insurance',
      administrator: { name: 'Bordurian Social Security System' },
      from: '1990-01',
      coverage: [
        {
          from: '1990-01',
          place: 'in_country',
          membership: 'compulsory',
          nationality: 'any',
          requiresDocuments: true,
          ...fact,
        },
        // Nationals abroad: voluntary until 2018, compulsory from 2019.
        {
          from: '1990-01',
          to: '2018-12',
          place: 'abroad',
          membership: 'voluntary',
          nationality: 'nationals',
          requiresDocuments: false,
          ...fact,
        },
        {
          from: '2019-01',
          place: 'abroad',
          membership: 'compulsory',
          nationality: 'nationals',
          requiresDocuments: true,
          ...fact,
        },
      ],
      branches: {
        old_age: [
          {
            from: '1990-01',
            // Different pension ages by sex, one with months (57.5 = 57 years 6 months).
            qualifying: { minMonths: 120, pensionAge: { female: 57.5, male: 60 } },
            benefit: { type: 'pension', rate: 0.4, fullMonths: 360 },
            paidAbroad: 'yes',
            ...fact,
          },
        ],
        invalidity: [
          {
            from: '1990-01',
            qualifying: { minMonths: 36 },
            benefit: { type: 'flat', amount: 100, per: 'month' },
            paidAbroad: 'yes',
            ...fact,
          },
        ],
      },
      claim: {
        ...claim,
        languages: ['es'],
        offices: [{ name: 'Main office', country: 'XB' }],
        paysToForeignAccounts: 'yes',
        foreignDocuments: 'accepted',
      },
    },
    {
      id: 'xb.welfare',
      name: 'Bordurian overseas workers welfare fund',
      kind: 'welfare_fund',
      administrator: { name: 'Overseas Workers Welfare Office' },
      from: '2005-01',
      coverage: [
        {
          from: '2005-01',
          place: 'abroad',
          membership: 'compulsory',
          nationality: 'nationals',
          requiresDocuments: true,
          ...fact,
        },
      ],
      branches: {
        survivors: [
          {
            from: '2005-01',
            qualifying: { coveredAtEvent: true },
            benefit: { type: 'flat', amount: 7000, per: 'once' },
            paidAbroad: 'yes',
            ...fact,
          },
        ],
      },
    },
  ],
};

export const ssa: AgreementInput = {
  id: 'xa-xb-ssa',
  title: 'Arcadia–Borduria social security agreement (test fixture)',
  kind: 'social_security_agreement',
  binding: true,
  parties: ['XA', 'XB'],
  inForce: { from: '2022-01' },
  branches: ['old_age', 'invalidity', 'survivors'],
  provisions: {
    equalTreatment: true,
    export: true,
    totalization: true,
    detachment: { maxMonths: 24 },
    minOwnMonths: 12,
    administrativeAssistance: true,
  },
  sources,
  ...fact,
};

export const mou: AgreementInput = {
  id: 'xa-xb-mou',
  title: 'Arcadia–Borduria labour MOU (test fixture): recruitment only',
  kind: 'labour_mou',
  binding: true,
  parties: ['XA', 'XB'],
  inForce: { from: '2010-01' },
  branches: [],
  provisions: {
    equalTreatment: false,
    export: false,
    totalization: false,
    detachment: null,
    minOwnMonths: null,
    administrativeAssistance: false,
  },
  sources,
  ...fact,
};

/** Compiles the fixture knowledge base, failing loudly if the fixtures themselves are wrong. */
export function fixtureKb(
  options: { withSsa?: boolean; detachment?: boolean } = {},
): KnowledgeBase {
  const jurisdictions = [arcadia, borduria].map((j) => jurisdictionSchema.parse(j));
  const agreement =
    options.detachment === false
      ? { ...ssa, provisions: { ...ssa.provisions, detachment: null } }
      : ssa;
  const agreements = [mou, ...(options.withSsa === false ? [] : [agreement])].map((a) =>
    agreementSchema.parse(a),
  );
  const { kb, problems } = compileKnowledgeBase({ jurisdictions, agreements });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    throw new Error(`fixture knowledge base is invalid: ${JSON.stringify(errors)}`);
  return kb;
}

/** Parses a profile written in a test. */
export function profile(input: ProfileInput) {
  return profileSchema.parse(input);
}

/** A Bordurian (XB) national born in January 1960, 10 years insured at home, then 5 in Arcadia (XA). */
export const homeThenAbroad = profile({
  person: { birthDate: '1960-01', sex: 'female', nationalities: ['XB'], residence: 'XB' },
  periods: [
    {
      country: 'XB',
      from: '1990-01',
      to: '1999-12',
      activity: 'employed',
      documented: true,
      earnings: { amount: 1000, currency: 'XTS', per: 'month' },
    },
    {
      country: 'XA',
      from: '2015-01',
      to: '2019-12',
      activity: 'employed',
      sector: 'manufacturing',
      documented: true,
      permit: 'work_permit',
      earnings: { amount: 3000, currency: 'XTS', per: 'month' },
    },
  ],
});
