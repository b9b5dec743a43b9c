// Fetches the region map once (a content-hashed asset of a few tens of kilobytes, which the
// service worker keeps for offline use) and shares it between the maps of every page.
import { useEffect, useState } from 'react';
import mapUrl from 'virtual:tulay/region-map-url';
import type { RegionMapData } from './region-map-data.ts';

let pending: Promise<RegionMapData> | undefined;

export function loadRegionMap(): Promise<RegionMapData> {
  pending ??= fetch(mapUrl).then(async (response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as RegionMapData;
  });
  // A failure is not kept: the next map tries again.
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}

export type RegionMapState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly map: RegionMapData }
  | { readonly status: 'error' };

export function useRegionMap(): RegionMapState {
  const [state, setState] = useState<RegionMapState>({ status: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    loadRegionMap().then(
      (map) => {
        if (isCurrent) setState({ status: 'ready', map });
      },
      () => {
        if (isCurrent) setState({ status: 'error' });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return state;
}
