// ISO 3166-1 numeric codes (as world-atlas names its countries) → alpha-2 (as the knowledge base
// and the app name them), for the countries the corridor map draws one by one. Everything else on
// the map is background land and needs no code.

/** The countries of the map, numeric → alpha-2, with the atlas's English name to check against. */
export const ISO_NUMERIC_TO_ALPHA2: Readonly<Record<string, { alpha2: string; atlas: string }>> = {
  // South Asia
  '004': { alpha2: 'AF', atlas: 'Afghanistan' },
  '050': { alpha2: 'BD', atlas: 'Bangladesh' },
  '064': { alpha2: 'BT', atlas: 'Bhutan' },
  '144': { alpha2: 'LK', atlas: 'Sri Lanka' },
  '356': { alpha2: 'IN', atlas: 'India' },
  '462': { alpha2: 'MV', atlas: 'Maldives' },
  '524': { alpha2: 'NP', atlas: 'Nepal' },
  '586': { alpha2: 'PK', atlas: 'Pakistan' },
  // South-East Asia
  '096': { alpha2: 'BN', atlas: 'Brunei' },
  '104': { alpha2: 'MM', atlas: 'Myanmar' },
  '116': { alpha2: 'KH', atlas: 'Cambodia' },
  '360': { alpha2: 'ID', atlas: 'Indonesia' },
  '418': { alpha2: 'LA', atlas: 'Laos' },
  '458': { alpha2: 'MY', atlas: 'Malaysia' },
  '608': { alpha2: 'PH', atlas: 'Philippines' },
  '626': { alpha2: 'TL', atlas: 'Timor-Leste' },
  '702': { alpha2: 'SG', atlas: 'Singapore' },
  '704': { alpha2: 'VN', atlas: 'Vietnam' },
  '764': { alpha2: 'TH', atlas: 'Thailand' },
  // East Asia
  '156': { alpha2: 'CN', atlas: 'China' },
  '158': { alpha2: 'TW', atlas: 'Taiwan' },
  '344': { alpha2: 'HK', atlas: 'Hong Kong' },
  '392': { alpha2: 'JP', atlas: 'Japan' },
  '408': { alpha2: 'KP', atlas: 'North Korea' },
  '410': { alpha2: 'KR', atlas: 'South Korea' },
  '446': { alpha2: 'MO', atlas: 'Macao' },
  // The Gulf
  '048': { alpha2: 'BH', atlas: 'Bahrain' },
  '414': { alpha2: 'KW', atlas: 'Kuwait' },
  '512': { alpha2: 'OM', atlas: 'Oman' },
  '634': { alpha2: 'QA', atlas: 'Qatar' },
  '682': { alpha2: 'SA', atlas: 'Saudi Arabia' },
  '784': { alpha2: 'AE', atlas: 'United Arab Emirates' },
  // Partners
  '036': { alpha2: 'AU', atlas: 'Australia' },
};

/** The alpha-2 code of an atlas country, or undefined when the map does not draw it by itself. */
export function alpha2Of(numeric: string | number | undefined): string | undefined {
  if (numeric === undefined) return undefined;
  const key = typeof numeric === 'number' ? String(numeric).padStart(3, '0') : numeric;
  return ISO_NUMERIC_TO_ALPHA2[key]?.alpha2;
}

/**
 * Where corridors start and end (longitude, latitude): the capital, not the centroid, so that an
 * arc lands on land (Indonesia's centroid is at sea) and the choice is easy to explain. Australia
 * is the exception: the map shows only its north, so its arcs end at Darwin, not Canberra.
 */
export const ANCHORS: Readonly<Record<string, readonly [number, number]>> = {
  AF: [69.18, 34.53],
  BD: [90.41, 23.81],
  BT: [89.64, 27.47],
  LK: [79.86, 6.93],
  IN: [77.21, 28.61],
  MV: [73.51, 4.18],
  NP: [85.32, 27.72],
  PK: [73.05, 33.68],
  BN: [114.94, 4.94],
  MM: [96.13, 19.76],
  KH: [104.92, 11.56],
  ID: [106.85, -6.21],
  LA: [102.63, 17.97],
  MY: [101.69, 3.14],
  PH: [120.98, 14.6],
  TL: [125.57, -8.56],
  SG: [103.82, 1.35],
  VN: [105.85, 21.03],
  TH: [100.5, 13.75],
  CN: [116.4, 39.9],
  TW: [121.56, 25.03],
  HK: [114.17, 22.32],
  JP: [139.69, 35.69],
  KP: [125.75, 39.04],
  KR: [126.98, 37.57],
  MO: [113.54, 22.2],
  BH: [50.59, 26.23],
  KW: [47.98, 29.38],
  OM: [58.41, 23.59],
  QA: [51.53, 25.29],
  SA: [46.68, 24.71],
  AE: [54.37, 24.45],
  AU: [130.84, -12.46],
};

/** The countries the map draws one by one (alpha-2): corridors between them can be drawn. */
export const MAP_COUNTRIES: ReadonlySet<string> = new Set(
  Object.values(ISO_NUMERIC_TO_ALPHA2).map((e) => e.alpha2),
);
