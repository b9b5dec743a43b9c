// The run's corridors on the region's map: each arc as wide as the workers who gain there, and
// coloured by the share of the corridor's workers who gain. The map's table and this list carry
// the same figures for those who do not read the map.
import { useMemo } from 'react';
import type { MapCorridor, MapStatus } from '../map/corridor-map.tsx';
import { CorridorMap } from '../map/corridor-map.tsx';

export interface CorridorGain {
  readonly origin: string;
  readonly destination: string;
  readonly originName: string;
  readonly destinationName: string;
  /** Workers the corridor stands for. */
  readonly workers: number;
  /** Share of the corridor's workers who gain under the reform (0–1). */
  readonly gainers: number;
}

/** Blue and orange tell apart for most colour-blind readers; the dashes tell the rest. */
const STATUSES: readonly MapStatus[] = [
  { id: 'most', label: 'Half or more of its workers gain', colour: '#1d5f9e', pattern: 'solid' },
  { id: 'some', label: 'Some of its workers gain', colour: '#8a6500', pattern: 'dashed' },
  { id: 'none', label: 'No worker gains', colour: '#66717f', pattern: 'dotted' },
];

const statusOf = (share: number) => (share >= 0.5 ? 'most' : share > 0 ? 'some' : 'none');

export function StudioCorridorMap({
  corridors,
  locale,
}: {
  readonly corridors: readonly CorridorGain[];
  readonly locale: string;
}) {
  const number = useMemo(
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    [locale],
  );
  const mapped = useMemo(
    (): MapCorridor[] =>
      corridors.map((c) => ({
        origin: c.origin,
        destination: c.destination,
        value: Math.round(c.workers * c.gainers),
        status: statusOf(c.gainers),
        label: `${c.originName} → ${c.destinationName}`,
        valueNote: `${(c.gainers * 100).toFixed(1)}% of ${number.format(c.workers)}`,
      })),
    [corridors, number],
  );
  return (
    <section className="studio-map" aria-labelledby="studio-map-title" data-testid="studio-map">
      <h3 id="studio-map-title">Corridors</h3>
      <CorridorMap
        corridors={mapped}
        statuses={STATUSES}
        title="Workers who gain under the reform, by corridor"
        valueLabel="Workers who gain"
        formatValue={(v) => number.format(v)}
      />
      <ul className="studio-corridor-list">
        {corridors.map((c) => (
          <li key={`${c.origin}-${c.destination}`}>
            <span>
              {c.originName} → {c.destinationName}
            </span>{' '}
            <span className="muted">({number.format(c.workers)} workers)</span>:{' '}
            <strong>{(c.gainers * 100).toFixed(1)}% gain</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
