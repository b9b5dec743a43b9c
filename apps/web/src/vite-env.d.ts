/// <reference types="vite/client" />

declare module 'virtual:tulay/knowledge-url' {
  /** The URL of the content-hashed knowledge bundle. */
  const url: string;
  export default url;
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
