// The run's corridors on the region's map: each arc as wide as the workers who gain there, and
// coloured by the share of the corridor's workers who gain. The map's table and this list carry
// the same figures for those who do not read the map.
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { MapCorridor, MapStatus } from '../map/corridor-map.tsx';
import { CorridorMap } from '../map/corridor-map.tsx';
import { Emphasis, studioFormats } from './format.tsx';

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
const STATUSES = [
  { id: 'most', label: 'studio.map.most', colour: '#1d5f9e', pattern: 'solid' },
  { id: 'some', label: 'studio.map.some', colour: '#8a6500', pattern: 'dashed' },
  { id: 'none', label: 'studio.map.none', colour: '#66717f', pattern: 'dotted' },
] as const;

const statusOf = (share: number) => (share >= 0.5 ? 'most' : share > 0 ? 'some' : 'none');

export function StudioCorridorMap({ corridors }: { readonly corridors: readonly CorridorGain[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { pct, whole } = studioFormats(i18n.intl.tag);
  const statuses = useMemo(
    (): MapStatus[] => STATUSES.map((s) => ({ ...s, label: t(s.label) })),
    [t],
  );
  const mapped = useMemo(
    (): MapCorridor[] =>
      corridors.map((c) => ({
        origin: c.origin,
        destination: c.destination,
        value: Math.round(c.workers * c.gainers),
        status: statusOf(c.gainers),
        label: t('studio.corridor', { origin: c.originName, destination: c.destinationName }),
        valueNote: t('studio.map.valueNote', { share: pct(c.gainers), workers: whole(c.workers) }),
      })),
    [corridors, t, pct, whole],
  );
  return (
    <section className="studio-map" aria-labelledby="studio-map-title" data-testid="studio-map">
      <h3 id="studio-map-title">{t('studio.map.heading')}</h3>
      <CorridorMap
        corridors={mapped}
        statuses={statuses}
        title={t('studio.map.title')}
        valueLabel={t('studio.map.valueLabel')}
        formatValue={whole}
        zoomOnPhone
      />
      <ul className="studio-corridor-list">
        {corridors.map((c) => (
          <li key={`${c.origin}-${c.destination}`}>
            <span>
              {t('studio.corridor', { origin: c.originName, destination: c.destinationName })}
            </span>{' '}
            <span className="muted">
              {t('studio.map.workers', { workers: c.workers, workersText: whole(c.workers) })}
            </span>
            : <Emphasis i18n={i18n} id="studio.map.gain" name="share" value={pct(c.gainers)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
