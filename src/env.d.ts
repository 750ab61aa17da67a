/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The build's id (snapshot id + build time), set by vite.config.ts. */
  readonly ROOFLIGHT_BUILD: string;
}
