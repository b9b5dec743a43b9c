// The corridors the corridors page maps: those the simulation has migrant stocks for, those of the
// 2011 report, and those with a social security agreement between a country of the caucus and a
// partner on the map; each with the state of agreements between the two at the law's date.
import type { CountryCode, KnowledgeBase, Month } from '@tulay/engine';
import { holdsIn, parseMonth } from '@tulay/engine';
import type { CorridorFigure } from '../map/region-map-data.ts';
import { MAP_COUNTRIES } from '../map/iso-3166.ts';

/** The corridors of the 2011 report. */
export const REPORT_CORRIDORS: readonly (readonly [string, string])[] = [
  ['KH', 'TH'],
  ['LA', 'TH'],
  ['MM', 'TH'],
  ['ID', 'MY'],
  ['NP', 'MY'],
  ['PH', 'SG'],
  ['ID', 'SG'],
  ['VN', 'MY'],
  ['IN', 'MY'],
];

/**
 * `binding`: a binding agreement between the two is in force; `non_binding`: only non-binding
 * instruments (the ASEAN Consensus, say) are; `none`: nothing is; `not_encoded`: the law of one of
 * the two countries is not in the knowledge base, so nothing can be said.
 */
export const CORRIDOR_STATUSES = ['binding', 'non_binding', 'none', 'not_encoded'] as const;
export type CorridorStatus = (typeof CORRIDOR_STATUSES)[number];

export function corridorStatus(
  kb: KnowledgeBase,
  origin: string,
  destination: string,
  at: Month,
): CorridorStatus {
  if (
    !kb.jurisdictions.has(origin as CountryCode) ||
    !kb.jurisdictions.has(destination as CountryCode)
  )
    return 'not_encoded';
  // The engine keeps no dates for a non-binding instrument (it grants nothing); its own record
  // says when it was adopted.
  const inForce = (kb.agreementsByCountry.get(origin as CountryCode) ?? []).filter((a) => {
    const dates = a.raw.inForce;
    return (
      a.parties.has(destination as CountryCode) &&
      dates !== null &&
      holdsIn({ from: parseMonth(dates.from), to: dates.to ? parseMonth(dates.to) : null }, at)
    );
  });
  if (inForce.some((a) => a.raw.binding)) return 'binding';
  return inForce.length > 0 ? 'non_binding' : 'none';
}

export interface RegionCorridor {
  readonly origin: string;
  readonly destination: string;
  readonly figure: CorridorFigure | null;
  readonly status: CorridorStatus;
  readonly inReport: boolean;
}

/** Every corridor of the map, at `at`, in no particular order. */
export function regionCorridors(
  kb: KnowledgeBase,
  figures: readonly CorridorFigure[],
  at: Month,
): RegionCorridor[] {
  const pairs = new Map<string, readonly [string, string]>();
  const add = (o: string, d: string) => {
    if (o !== d && MAP_COUNTRIES.has(o) && MAP_COUNTRIES.has(d)) pairs.set(`${o}-${d}`, [o, d]);
  };
  for (const f of figures) add(f.origin, f.destination);
  for (const [o, d] of REPORT_CORRIDORS) add(o, d);
  // Social security agreements with partners: workers of the caucus's countries go there.
  for (const j of kb.jurisdictions.values()) {
    if (j.raw.scope !== 'full') continue;
    for (const a of kb.agreementsByCountry.get(j.country) ?? [])
      if (a.raw.binding && a.raw.kind === 'social_security_agreement')
        for (const p of a.parties)
          if (kb.jurisdictions.get(p)?.raw.scope === 'partner') add(j.country, p);
  }
  const report = new Set(REPORT_CORRIDORS.map(([o, d]) => `${o}-${d}`));
  return [...pairs.entries()].map(([key, [origin, destination]]) => ({
    origin,
    destination,
    figure: figures.find((f) => f.origin === origin && f.destination === destination) ?? null,
    status: corridorStatus(kb, origin, destination, at),
    inReport: report.has(key),
  }));
}
