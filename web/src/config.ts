// Build-time configuration (Vite env): the API origin and the optional external basemap with its CRS.
import type { Crs } from '../../core/geo/crs';

/** An external basemap drawn under the overlays; absent = the offline basemap (boundaries, river, labels). */
export interface BasemapConfig {
  /** MapLibre style URL (e.g. a PMTiles style); its layers go under ours. */
  style?: string;
  /** Raster tile URL templates ({z}/{x}/{y}), e.g. 天地图 vec_w + cva_w; several are drawn in order. */
  raster?: string[];
  /** Coordinate system of the basemap: GCJ-02 basemaps (Amap, Tencent) shift every overlay for display. */
  crs: Crs;
  attribution?: string;
}

export interface AppConfig {
  /** Origin (and path prefix) of the HTTP API; empty = same origin as the page. */
  apiBase: string;
  basemap: BasemapConfig;
}

/** A setting the app cannot run with; the message names the variable and the fix. */
export class ConfigProblem extends Error {}

/** Reads and checks the VITE_* variables; throws ConfigProblem with the variable's name. */
export function readConfig(env: Record<string, string | undefined>): AppConfig {
  const crs = (env.VITE_BASEMAP_CRS ?? 'wgs84').trim().toLowerCase() || 'wgs84';
  if (crs !== 'wgs84' && crs !== 'gcj02')
    throw new ConfigProblem(
      `VITE_BASEMAP_CRS="${crs}": use wgs84 (GPS, 天地图 CGCS2000) or gcj02 (Amap, Tencent)`,
    );
  const raster = (env.VITE_BASEMAP_RASTER ?? '')
    .split(/[\s|]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const url of raster) {
    if (!url.includes('{z}') || !url.includes('{x}') || !(url.includes('{y}') || url.includes('{-y}')))
      throw new ConfigProblem(`VITE_BASEMAP_RASTER: "${url}" needs {z}, {x} and {y} placeholders`);
  }
  const style = env.VITE_BASEMAP_STYLE?.trim() || undefined;
  return {
    apiBase: (env.VITE_API_BASE ?? '').trim().replace(/\/+$/, ''),
    basemap: {
      style,
      raster: raster.length ? raster : undefined,
      crs,
      attribution: env.VITE_BASEMAP_ATTRIBUTION?.trim() || undefined,
    },
  };
}

/** Whether an external basemap is configured (otherwise the app draws its own, offline). */
export function hasExternalBasemap(config: AppConfig): boolean {
  return Boolean(config.basemap.style || config.basemap.raster);
}
