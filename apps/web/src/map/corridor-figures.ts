// The migrant stock of each corridor, as the simulation is calibrated (packages/simulation
// calibration.ts), put into the build by build/map-plugin.ts.
import figures from 'virtual:tulay/corridor-figures';
import type { CorridorFigure } from './region-map-data.ts';

export type { CorridorFigure };

export const CORRIDOR_FIGURES: readonly CorridorFigure[] = figures;
