// The corridor map's data, built with the app: the region's boundaries as a content-hashed JSON
// asset fetched only when a map is shown (buildRegionMap), and the corridors' migrant stocks from
// the simulation's calibration, a small module the corridors page imports.
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import type { CorridorFigure } from '../src/map/region-map-data.ts';
import { CORRIDORS, SOURCES } from '../../../packages/simulation/src/calibration.ts';
import { buildRegionMap } from './region-map.ts';

const MAP_URL = 'virtual:tulay/region-map-url';
const FIGURES = 'virtual:tulay/corridor-figures';
const DEV_URL = '/region-map.json';

/** The calibration's corridor stocks, with their sources or the note that they are estimates. */
export function corridorFigures(): CorridorFigure[] {
  return CORRIDORS.map((c) => ({
    origin: c.origin,
    destination: c.destination,
    stock: c.stock.value,
    estimate: 'estimate' in c.stock,
    note: c.stock.note ?? null,
    sources: 'sources' in c.stock ? c.stock.sources.map((k) => SOURCES[k]) : [],
  }));
}

/**
 * Emits `assets/region-map-<hash>.json` with `virtual:tulay/region-map-url` exporting its URL (in
 * development, served at /region-map.json), and `virtual:tulay/corridor-figures`.
 */
export function mapPlugin(): Plugin {
  let json = '';
  let fileName = '';
  let isBuild = false;
  const resolved = (id: string) => `\0${id}`;
  return {
    name: 'tulay-map',
    configResolved(config) {
      isBuild = config.command === 'build';
    },
    buildStart() {
      json = JSON.stringify(buildRegionMap());
      const hash = createHash('sha256').update(json).digest('hex').slice(0, 10);
      fileName = `assets/region-map-${hash}.json`;
      if (isBuild) this.emitFile({ type: 'asset', fileName, source: json });
    },
    resolveId(id) {
      return id === MAP_URL || id === FIGURES ? resolved(id) : null;
    },
    load(id) {
      if (id === resolved(MAP_URL))
        return `export default ${JSON.stringify(isBuild ? `/${fileName}` : DEV_URL)};`;
      if (id === resolved(FIGURES)) return `export default ${JSON.stringify(corridorFigures())};`;
      return null;
    },
    configureServer(server) {
      server.middlewares.use(DEV_URL, (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(json || JSON.stringify(buildRegionMap()));
      });
    },
  };
}
