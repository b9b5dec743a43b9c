/** The nine branches of social security of ILO Convention No. 102 (1952), Parts II–X. */
export const BRANCHES = [
  'medical_care',
  'sickness',
  'unemployment',
  'old_age',
  'employment_injury',
  'family',
  'maternity',
  'invalidity',
  'survivors',
] as const;
export type Branch = (typeof BRANCHES)[number];

/** Branches whose long-term cash benefits are apportioned between states (Reg. 883/2004 Title III ch. 4–5). */
export const PRO_RATA_BRANCHES: readonly Branch[] = ['old_age', 'invalidity', 'survivors'];

/** The report's legal barriers to migrant social protection. */
export const LEGAL_BARRIERS = [
  'nationals_only',
  'residency',
  'documentation',
  'qualifying_period',
  'sector_exclusion',
  'not_paid_abroad',
] as const;

/** The report's administrative barriers to migrant social protection. */
export const ADMINISTRATIVE_BARRIERS = ['document_certification', 'money_transfer', 'language'] as const;

export type BarrierCode = (typeof LEGAL_BARRIERS)[number] | (typeof ADMINISTRATIVE_BARRIERS)[number];

/** Officially assigned ISO 3166-1 alpha-2 country codes. */
export const COUNTRY_CODES = [
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ',
  'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS',
  'BT', 'BV', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN',
  'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE',
  'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF',
  'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK', 'HM',
  'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM',
  'JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC',
  'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK',
  'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA',
  'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG',
  'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW',
  'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS',
  'ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO',
  'TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI',
  'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA', 'ZM', 'ZW',
] as const;

/** An ISO 3166-1 alpha-2 country code. */
export type CountryCode = string & { readonly __brand: 'CountryCode' };

const COUNTRY_SET: ReadonlySet<string> = new Set(COUNTRY_CODES);

/**
 * Whether `code` is an officially assigned ISO 3166-1 alpha-2 code, or one of the user-assigned
 * codes XA–XZ that ISO 3166 leaves for private use (the engine's fictional test jurisdictions).
 */
export function isCountryCode(code: string): code is CountryCode {
  return COUNTRY_SET.has(code) || /^X[A-Z]$/.test(code);
}

/** A sum of money in a currency (ISO 4217). */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}
