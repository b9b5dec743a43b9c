/**
 * What the synthetic generator is calibrated to: migrant stocks by corridor, the share of women,
 * the documented share, sectors and durations. Every figure names its source; a figure marked
 * `estimate` is ours, found in no source, and should be replaced when one is. Most figures come
 * from `shared/research/social-protection-facts.md` §5 (reference keys R…); ✔ primary, ◐ secondary.
 */

/** A published source of a calibration figure. */
export interface CalibrationSource {
  readonly title: string;
  readonly url: string;
  readonly kind: 'primary' | 'secondary';
}

export const SOURCES = {
  R22: {
    title:
      'PSA 2023 Survey on Overseas Filipinos (2.16 m OFWs, 1.20 m women; Saudi Arabia 20%, UAE 13.6%)',
    url: 'https://filipinotimes.net/latest-news/2024/09/16/number-of-ofws-up-by-9-8-in-2023-says-psa/',
    kind: 'secondary',
  },
  R31: {
    title: 'Permenaker 4/2023 art. 18 (contribution for a 24-month placement contract)',
    url: 'https://pasal.id/peraturan/permen/Permenaker-no-4-tahun-2023/koreksi/9656301',
    kind: 'primary',
  },
  R35: {
    title: 'BP2MI placements 2023: Taiwan 83,216; Malaysia 72,260; Hong Kong 65,916; ~62% women',
    url: 'https://databoks.katadata.co.id/datapublish/2024/02/05/ini-daftar-negara-tujuan-utama-pekerja-migran-indonesia-sepanjang-2023-taiwan-juaranya',
    kind: 'secondary',
  },
  R47: {
    title: 'ILO/ECOT Kanchanaburi pilot, 2025 (~4 m registered migrant workers in Thailand)',
    url: 'https://www.miragenews.com/thai-employers-test-new-social-protection-for-1537093',
    kind: 'primary',
  },
  R54: {
    title: 'ILO TRIANGLE Thailand (2.79 m registered in Dec 2019, 48% from Myanmar)',
    url: 'http://ilo.org/asia/projects/WCMS_622435/lang--en/index.htm',
    kind: 'primary',
  },
  R62: {
    title: 'PERKESO, domestic workers (~95,000 registered foreign domestic workers, 2023)',
    url: 'https://perkeso.gov.my/en/our-services/protection/employees-social-security-act-1969-act-4/domestic-workers.html',
    kind: 'primary',
  },
  R63: {
    title:
      'The Star, 1 Oct 2025: EPF mandatory for non-Malaysian employees (2.5 m documented foreign workers)',
    url: 'https://www.thestar.com.my/news/nation/2025/10/01/epf-begins-mandatory-contributions-for-non-malaysian-employees',
    kind: 'secondary',
  },
  R65: {
    title:
      'World Bank (2020) PRWP 9331: foreign workers in Malaysia 2.99–3.16 m; >1 m undocumented',
    url: 'http://documents.worldbank.org/curated/en/788601595507343857/text/Using-Remittance-Transaction-Data-for-Timely-Estimation-of-the-Foreign-Worker-Population-in-Malaysia.txt',
    kind: 'primary',
  },
  R76: {
    title: 'Singapore foreign workforce 1.53 m, >1.1 m on Work Permits (Dec 2023, second-hand)',
    url: 'https://fx168cj.com/article/563333',
    kind: 'secondary',
  },
  R120: {
    title: 'Migration Data Portal (UN DESA 2025): Asia hosts 92.2 m migrants, 42% women',
    url: 'https://www.migrationdataportal.org/themes/international-migrant-stocks-overview',
    kind: 'primary',
  },
  R122: {
    title: 'Cambodia Daily: >1.5 m undocumented migrant workers in Thailand (2017)',
    url: 'https://english.cambodiadaily.com/news/migrant-workers-in-thailand-at-risk-of-abuse-amid-economic-slowdown-167033/',
    kind: 'secondary',
  },
  R124: {
    title:
      'New Straits Times 2015: ~700,000 Nepalis employed in Malaysia; 5.6% of permits to women (2013/14)',
    url: 'https://www.nst.com.my/news/2015/09/700000-nepalese-employed-malaysia',
    kind: 'secondary',
  },
} as const satisfies Record<string, CalibrationSource>;

export type SourceKey = keyof typeof SOURCES;

/** A calibration figure: its value, and either the sources it rests on or `estimate`. */
export type Figure<T> =
  | { readonly value: T; readonly sources: readonly SourceKey[]; readonly note?: string }
  | { readonly value: T; readonly estimate: true; readonly note: string };

/** Shares of periods by sector in a destination (sum 1). */
export type SectorMix = Readonly<Partial<Record<SectorName, number>>>;
type SectorName =
  | 'agriculture'
  | 'fishing'
  | 'manufacturing'
  | 'construction'
  | 'domestic_work'
  | 'hospitality'
  | 'services'
  | 'retail'
  | 'care';

/** What is known of a destination. */
export interface Destination {
  readonly country: string;
  /** Documented share of the migrant workers there. */
  readonly documented: Figure<number>;
  readonly sectors: Figure<SectorMix>;
  /** Permits of documented workers, with their shares (origin permits override, see Corridor). */
  readonly permits: Figure<Readonly<Record<string, number>>>;
}

/** A corridor: workers of one nationality in one destination. */
export interface Corridor {
  readonly origin: string;
  readonly destination: string;
  /** Migrant workers in the corridor (a stock). */
  readonly stock: Figure<number>;
  readonly women: Figure<number>;
  /** A permit issued by the origin state to its emigrants, used instead of the destination's. */
  readonly originPermit?: string;
}

const est = <T>(value: T, note: string): Figure<T> => ({ value, estimate: true, note });
const src = <T>(value: T, sources: SourceKey[], note?: string): Figure<T> =>
  note === undefined ? { value, sources } : { value, sources, note };

export const DESTINATIONS: readonly Destination[] = [
  {
    country: 'TH',
    documented: src(0.73, ['R47', 'R122'], '~4 m registered of ~5.5 m (4 m + >1.5 m undocumented)'),
    sectors: est(
      {
        agriculture: 0.15,
        fishing: 0.05,
        construction: 0.2,
        manufacturing: 0.25,
        domestic_work: 0.08,
        services: 0.17,
        hospitality: 0.05,
        retail: 0.05,
      },
      'no sector breakdown in the fact base',
    ),
    permits: est(
      { mou: 0.6, nationality_verified: 0.4 },
      'split between MOU and nationality verification not sourced',
    ),
  },
  {
    country: 'MY',
    documented: src(0.71, ['R63', 'R65'], '2.5 m documented of ~3.5 m (with >1 m undocumented)'),
    sectors: est(
      {
        manufacturing: 0.35,
        construction: 0.2,
        agriculture: 0.2,
        services: 0.14,
        domestic_work: 0.03,
        hospitality: 0.08,
      },
      'domestic share from ~95,000 registered FDWs (R62) over ~3.5 m; the rest unsourced',
    ),
    permits: est({ work_permit: 1 }, 'temporary employment visit pass read as a work permit'),
  },
  {
    country: 'SG',
    documented: est(0.99, 'irregular work is rare in Singapore; no figure in the fact base'),
    sectors: est(
      {
        construction: 0.3,
        manufacturing: 0.15,
        domestic_work: 0.18,
        services: 0.27,
        care: 0.05,
        hospitality: 0.05,
      },
      'no sector breakdown in the fact base',
    ),
    permits: src(
      { work_permit: 0.8, s_pass: 0.2 },
      ['R76'],
      '>1.1 m of 1.53 m on Work Permits; the rest read as S Pass',
    ),
  },
  {
    country: 'SA',
    documented: est(0.9, 'no figure in the fact base'),
    sectors: est(
      { construction: 0.35, domestic_work: 0.25, services: 0.25, hospitality: 0.15 },
      'no sector breakdown in the fact base',
    ),
    permits: est({ work_permit: 1 }, 'not sourced'),
  },
  {
    country: 'AE',
    documented: est(0.9, 'no figure in the fact base'),
    sectors: est(
      { construction: 0.35, domestic_work: 0.2, services: 0.3, hospitality: 0.15 },
      'no sector breakdown in the fact base',
    ),
    permits: est({ work_permit: 1 }, 'not sourced'),
  },
  {
    country: 'TW',
    documented: est(0.92, 'no figure in the fact base'),
    sectors: est(
      { manufacturing: 0.55, care: 0.3, fishing: 0.05, domestic_work: 0.1 },
      'no sector breakdown in the fact base',
    ),
    permits: est({ work_permit: 1 }, 'not sourced'),
  },
  {
    country: 'HK',
    documented: est(0.98, 'no figure in the fact base'),
    sectors: est(
      { domestic_work: 0.95, services: 0.05 },
      'foreign domestic helpers; not sourced here',
    ),
    permits: est({ work_permit: 1 }, 'not sourced'),
  },
  {
    country: 'KR',
    documented: est(0.85, 'no figure in the fact base'),
    sectors: est(
      { manufacturing: 0.7, agriculture: 0.15, fishing: 0.05, construction: 0.1 },
      'no sector breakdown in the fact base',
    ),
    permits: est({ work_permit: 1 }, 'Employment Permit System'),
  },
  {
    country: 'JP',
    documented: est(0.95, 'no figure in the fact base'),
    sectors: est(
      { manufacturing: 0.5, construction: 0.2, agriculture: 0.1, care: 0.1, services: 0.1 },
      'no sector breakdown in the fact base',
    ),
    permits: est({ work_permit: 1 }, 'technical intern and specified skilled worker statuses'),
  },
  {
    country: 'QA',
    documented: est(0.9, 'no figure in the fact base'),
    sectors: est(
      { construction: 0.5, services: 0.3, hospitality: 0.1, domestic_work: 0.1 },
      'no sector breakdown in the fact base',
    ),
    permits: est({ work_permit: 1 }, 'not sourced'),
  },
];

/** The ASEAN states and their neighbours' corridors, the Gulf and East Asia where the fact base gives figures. */
export const CORRIDORS: readonly Corridor[] = [
  // Thailand: 5.5 m (4 m registered + 1.5 m undocumented); 48% Myanmar (R54); the rest unsourced.
  {
    origin: 'MM',
    destination: 'TH',
    stock: src(2_640_000, ['R47', 'R122', 'R54'], '48% of 5.5 m'),
    women: est(0.42, 'Asia-wide share (R120) used for lack of a corridor figure'),
  },
  {
    origin: 'KH',
    destination: 'TH',
    stock: est(1_760_000, '32% of 5.5 m; the split of the non-Myanmar 52% is ours'),
    women: est(0.45, 'no corridor figure'),
  },
  {
    origin: 'LA',
    destination: 'TH',
    stock: est(935_000, '17% of 5.5 m'),
    women: est(0.5, 'no corridor figure'),
  },
  {
    origin: 'VN',
    destination: 'TH',
    stock: est(165_000, '3% of 5.5 m'),
    women: est(0.4, 'no corridor figure'),
  },
  // Malaysia: ~3.5 m (R63, R65); Nepal ~700,000 (R124); other origins' shares are ours.
  {
    origin: 'ID',
    destination: 'MY',
    stock: est(1_200_000, 'about a third of 3.5 m'),
    women: src(0.62, ['R35'], 'share of women in 2023 placements'),
  },
  {
    origin: 'BD',
    destination: 'MY',
    stock: est(800_000, 'no figure in the fact base'),
    women: est(0.03, 'no figure'),
  },
  {
    origin: 'NP',
    destination: 'MY',
    stock: src(700_000, ['R124']),
    women: src(0.056, ['R124'], 'share of 2013/14 permits'),
    originPermit: 'labour_permit',
  },
  {
    origin: 'MM',
    destination: 'MY',
    stock: est(350_000, 'no figure in the fact base'),
    women: est(0.3, 'no figure'),
  },
  {
    origin: 'IN',
    destination: 'MY',
    stock: est(150_000, 'no figure in the fact base'),
    women: est(0.1, 'no figure'),
  },
  {
    origin: 'PH',
    destination: 'MY',
    stock: est(100_000, 'no figure in the fact base'),
    women: src(0.556, ['R22'], 'all OFWs: 1.20 m of 2.16 m'),
  },
  // Singapore: 1.53 m (R76); origin split ours.
  {
    origin: 'IN',
    destination: 'SG',
    stock: est(380_000, '25% of 1.53 m'),
    women: est(0.1, 'no figure'),
  },
  {
    origin: 'BD',
    destination: 'SG',
    stock: est(230_000, '15% of 1.53 m'),
    women: est(0.02, 'no figure'),
  },
  {
    origin: 'PH',
    destination: 'SG',
    stock: est(230_000, '15% of 1.53 m'),
    women: src(0.556, ['R22']),
  },
  {
    origin: 'MM',
    destination: 'SG',
    stock: est(150_000, '10% of 1.53 m'),
    women: est(0.5, 'no figure'),
  },
  {
    origin: 'ID',
    destination: 'SG',
    stock: est(150_000, '10% of 1.53 m'),
    women: src(0.62, ['R35']),
  },
  {
    origin: 'MY',
    destination: 'SG',
    stock: est(390_000, '25% of 1.53 m'),
    women: est(0.42, 'Asia-wide share (R120)'),
  },
  // The Philippines: 2.16 m OFWs (R22), Saudi Arabia 20%, UAE 13.6%.
  {
    origin: 'PH',
    destination: 'SA',
    stock: src(432_000, ['R22'], '20% of 2.16 m'),
    women: src(0.556, ['R22']),
  },
  {
    origin: 'PH',
    destination: 'AE',
    stock: src(294_000, ['R22'], '13.6% of 2.16 m'),
    women: src(0.556, ['R22']),
  },
  {
    origin: 'PH',
    destination: 'HK',
    stock: est(130_000, 'no figure in the fact base'),
    women: est(0.95, 'domestic helpers'),
  },
  // Indonesia: placements 2023 (R35) times an assumed three-year stay.
  {
    origin: 'ID',
    destination: 'TW',
    stock: src(250_000, ['R35'], '83,216 placements a year × 3 years (the stay is ours)'),
    women: src(0.62, ['R35']),
  },
  {
    origin: 'ID',
    destination: 'HK',
    stock: src(198_000, ['R35'], '65,916 placements a year × 3 years (the stay is ours)'),
    women: est(0.95, 'domestic helpers'),
  },
  // Nepal, India, Viet Nam, Cambodia: figures ours.
  {
    origin: 'NP',
    destination: 'QA',
    stock: est(400_000, 'no figure in the fact base'),
    women: src(0.056, ['R124']),
    originPermit: 'labour_permit',
  },
  {
    origin: 'NP',
    destination: 'SA',
    stock: est(350_000, 'no figure in the fact base'),
    women: src(0.056, ['R124']),
    originPermit: 'labour_permit',
  },
  {
    origin: 'IN',
    destination: 'AE',
    stock: est(
      3_400_000,
      'India is the largest origin (18.5 m, R120); this corridor figure is ours',
    ),
    women: est(0.1, 'no figure'),
  },
  {
    origin: 'IN',
    destination: 'SA',
    stock: est(2_500_000, 'no figure in the fact base'),
    women: est(0.1, 'no figure'),
  },
  {
    origin: 'VN',
    destination: 'KR',
    stock: est(100_000, 'no figure in the fact base'),
    women: est(0.25, 'no figure'),
  },
  {
    origin: 'VN',
    destination: 'JP',
    stock: est(500_000, 'no figure in the fact base'),
    women: est(0.4, 'no figure'),
  },
  {
    origin: 'VN',
    destination: 'TW',
    stock: est(250_000, 'no figure in the fact base'),
    women: est(0.35, 'no figure'),
  },
  {
    origin: 'KH',
    destination: 'KR',
    stock: est(50_000, 'no figure in the fact base'),
    women: est(0.3, 'no figure'),
  },
];

/** Durations, in months. */
export const DURATIONS = {
  /** A contract abroad: two years, as Indonesia's 24-month placement contract (R31); spread ours. */
  contract: src(
    { min: 12, mode: 24, max: 48 },
    ['R31'],
    'the mode is the 24-month contract; the spread is ours',
  ),
  /** Contracts abroad so far (1 = first contract, still running). */
  contracts: est({ min: 1, max: 5 }, 'no figure in the fact base'),
  /** Months at home between contracts. */
  gapAtHome: est({ min: 1, max: 12 }, 'no figure in the fact base'),
  /** Share who worked at home before leaving, and for how long. */
  workedAtHome: est({ share: 0.5, min: 6, max: 72 }, 'no figure in the fact base'),
  /** Age at first departure. */
  ageAtDeparture: est({ min: 18, max: 38 }, 'no figure in the fact base'),
  /** Share of domestic workers who are women. */
  womenInDomesticWork: est(0.95, 'no figure in the fact base'),
} as const;

/** Sectors of work at home before leaving (estimate). */
export const HOME_SECTORS: Figure<SectorMix> = est(
  { agriculture: 0.45, manufacturing: 0.2, construction: 0.1, services: 0.15, retail: 0.1 },
  'no figure in the fact base',
);

/** The sum of the corridor stocks: what a generated population stands for. */
export function totalStock(): number {
  return CORRIDORS.reduce((s, c) => s + c.stock.value, 0);
}
