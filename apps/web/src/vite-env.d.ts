/// <reference types="vite/client" />

declare module 'virtual:tulay/knowledge-url' {
  /** The URL of the content-hashed knowledge bundle. */
  const url: string;
  export default url;
}

declare module 'virtual:tulay/region-map-url' {
  /** The URL of the content-hashed region map (build/region-map.ts). */
  const url: string;
  export default url;
}

declare module 'virtual:tulay/corridor-figures' {
  import type { CorridorFigure } from './map/region-map-data.ts';
  const figures: readonly CorridorFigure[];
  export default figures;
}
