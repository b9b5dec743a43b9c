/// <reference types="vite/client" />

declare module 'virtual:tulay/knowledge-url' {
  /** The URL of the content-hashed knowledge bundle. */
  const url: string;
  export default url;
}
