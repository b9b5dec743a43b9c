// The corridor map of the corridors pages: the region's corridors, as wide as their migrant
// stock (the simulation's calibration), coloured by the agreements in force at the law's date.
import { parseMonth } from '@tulay/engine';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { useLawDate } from '../law-date.ts';
import { CORRIDOR_FIGURES } from '../map/corridor-figures.ts';
import type { MapCorridor, MapStatus } from '../map/corridor-map.tsx';
import { CorridorMap } from '../map/corridor-map.tsx';
import type { CorridorStatus } from './region-corridors.ts';
import { regionCorridors } from './region-corridors.ts';

/** Blue and orange tell apart for most colour-blind readers; the dashes tell the rest. */
const STYLE: Readonly<Record<CorridorStatus, Omit<MapStatus, 'id' | 'label'>>> = {
  binding: { colour: '#1d5f9e', pattern: 'solid' },
  non_binding: { colour: '#8a6500', pattern: 'dashed' },
  none: { colour: '#c2410c', pattern: 'solid' },
  not_encoded: { colour: '#66717f', pattern: 'dotted' },
};

export function RegionCorridorMap({
  knowledge,
  highlight = null,
}: {
  readonly knowledge: Knowledge;
  readonly highlight?: { readonly origin: string; readonly destination: string } | null;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { date } = useLawDate();
  const at = parseMonth(date.slice(0, 7));
  const corridors = useMemo(() => {
    const list: MapCorridor[] = regionCorridors(knowledge.kb, CORRIDOR_FIGURES, at).map((c) => ({
      origin: c.origin,
      destination: c.destination,
      value: c.figure?.stock ?? null,
      ...(c.figure?.estimate ? { valueNote: t('corridors.map.estimate') } : {}),
      status: c.status,
      label: t('corridor.title', {
        origin: i18n.country(c.origin),
        destination: i18n.country(c.destination),
      }),
    }));
    return list;
  }, [knowledge, at, i18n, t]);
  const statuses = useMemo(
    () =>
      (Object.keys(STYLE) as CorridorStatus[]).map((id) => ({
        id,
        label: t(`corridors.status.${id}`),
        ...STYLE[id],
      })),
    [t],
  );
  return (
    <CorridorMap
      corridors={corridors}
      statuses={statuses}
      title={t('corridors.map.title', { date: i18n.date(date) })}
      valueLabel={t('corridors.map.value')}
      highlight={highlight}
      // Open beside the map on a wide screen; a tap away on a phone, where it would be long.
      tableOpen={highlight === null && window.matchMedia('(min-width: 48rem)').matches}
    />
  );
}
