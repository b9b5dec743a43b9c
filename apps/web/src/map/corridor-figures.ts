// The migrant stock of each corridor, as the simulation is calibrated (packages/simulation
// calibration.ts), put into the build by build/map-plugin.ts.
import figures from 'virtual:tulay/corridor-figures';
import type { CorridorFigure } from './region-map-data.ts';

export type { CorridorFigure };

// The plugin writes them from the calibration's typed data (build/map-plugin.ts corridorFigures).
export const CORRIDOR_FIGURES = figures as readonly CorridorFigure[];
