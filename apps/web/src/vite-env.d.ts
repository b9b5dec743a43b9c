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
  /** The corridors' migrant stocks (src/map/corridor-figures.ts gives them their type). */
  const figures: unknown;
  export default figures;
}

declare module 'virtual:tulay/example-reforms' {
  import type { ReformInput } from '@tulay/engine';
  /** The ready-made reforms of docs/examples/reforms: file name, the YAML as written, the reform. */
  const reforms: readonly {
    readonly file: string;
    readonly yaml: string;
    readonly reform: ReformInput;
  }[];
  export default reforms;
}
