// Example workers a newcomer can load into the form with one click (and the browser tests use):
// three common corridors of the 2011 report.
import type { MessageKey } from '../i18n/i18n.tsx';
import type { Draft } from './draft.ts';
import { emptyPeriod } from './draft.ts';

export interface Example {
  readonly id: string;
  readonly label: MessageKey;
  readonly draft: () => Draft;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: 'kh-th',
    label: 'checker.example.khTh',
    draft: () => ({
      nationality: 'KH',
      residence: 'TH',
      birthMonth: '1988-03',
      sex: 'male',
      periods: [
        {
          ...emptyPeriod('TH'),
          from: '2010-06',
          isOngoing: true,
          activity: 'employed',
          sector: 'construction',
          documented: 'yes',
          permit: 'mou',
          earnings: '11000',
          currency: 'THB',
        },
      ],
      event: 'none',
      eventMonth: '',
      payTo: '',
    }),
  },
  {
    id: 'ph-sg',
    label: 'checker.example.phSg',
    draft: () => ({
      nationality: 'PH',
      residence: 'SG',
      birthMonth: '1975-02',
      sex: 'female',
      periods: [
        {
          ...emptyPeriod('PH'),
          from: '1995-01',
          to: '2004-12',
          activity: 'employed',
          sector: 'retail',
          documented: 'yes',
          insurance: 'compulsory',
          earnings: '8000',
          currency: 'PHP',
        },
        {
          ...emptyPeriod('SG'),
          from: '2005-01',
          isOngoing: true,
          activity: 'domestic_worker',
          sector: 'domestic_work',
          documented: 'yes',
          permit: 'work_permit',
          earnings: '600',
          currency: 'SGD',
        },
      ],
      event: 'none',
      eventMonth: '',
      payTo: '',
    }),
  },
  {
    id: 'la-th',
    label: 'checker.example.laTh',
    draft: () => ({
      nationality: 'LA',
      residence: 'LA',
      birthMonth: '1965-11',
      sex: 'female',
      periods: [
        {
          ...emptyPeriod('TH'),
          from: '2006-01',
          to: '2018-12',
          activity: 'employed',
          sector: 'hospitality',
          documented: 'yes',
          permit: 'nationality_verified',
          earnings: '10000',
          currency: 'THB',
        },
        {
          ...emptyPeriod('LA'),
          from: '2019-01',
          isOngoing: true,
          activity: 'employed',
          sector: 'retail',
          documented: 'yes',
        },
      ],
      event: 'old_age',
      eventMonth: '',
      payTo: 'LA',
    }),
  },
];
