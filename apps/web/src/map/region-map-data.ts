// The shape of the map asset the build writes (build/region-map.ts) and the map component reads:
// countries already projected to SVG path data, in a frame of `width` × `height` units; and the
// shape of the corridor figures module (build/map-plugin.ts).

/** One country the map draws by itself, with the point where its corridors start and end. */
export interface MapCountry {
  /** ISO 3166-1 alpha-2. */
  readonly id: string;
  /** SVG path data, projected, simplified and rounded. */
  readonly d: string;
  /** The capital, projected: where arcs start and end. */
  readonly anchor: readonly [number, number];
}

export interface RegionMapData {
  readonly width: number;
  readonly height: number;
  /** The neighbouring countries, drawn as background land (one path). */
  readonly land: string;
  readonly countries: readonly MapCountry[];
  /** Where the boundaries come from, for the attribution line. */
  readonly source: string;
}

/** Migrant workers in a corridor: the figure, and its sources or the note that it is ours. */
export interface CorridorFigure {
  readonly origin: string;
  readonly destination: string;
  readonly stock: number;
  /** True when no source gives the figure (the calibration's own estimate). */
  readonly estimate: boolean;
  readonly note: string | null;
  readonly sources: readonly { readonly title: string; readonly url: string }[];
}
