// Types for Vite's import.meta.env and asset imports (?url).
/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_API_BASE?: string;
  readonly VITE_BASEMAP_STYLE?: string;
  readonly VITE_BASEMAP_RASTER?: string;
  readonly VITE_BASEMAP_CRS?: string;
  readonly VITE_BASEMAP_ATTRIBUTION?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
