// The display CRS: overlays are WGS84; on a GCJ-02 basemap every coordinate is shifted for display and back.
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { type Crs, fromWgs84, toWgs84 } from '../../../core/geo/crs';

export type LonLat = [number, number];

/** A new empty FeatureCollection (initial data of sources filled later). */
export const emptyCollection = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/** Converts between stored WGS84 coordinates and the coordinates the map draws in. */
export interface DisplayCrs {
  readonly crs: Crs;
  /** WGS84 -> display (GCJ-02 on a GCJ basemap). */
  toDisplay(p: readonly number[]): LonLat;
  /** Display -> WGS84: a click or the map centre, before it is sent to the API or the URL. */
  toWgs84(p: readonly number[]): LonLat;
  /** A copy of a GeoJSON object with every position moved to display coordinates. */
  geojson<T>(value: T): T;
}

function mapPositions(geometry: Geometry, fn: (p: Position) => Position): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: fn(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...geometry, coordinates: geometry.coordinates.map(fn) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((r) => r.map(fn)) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((p) => p.map((r) => r.map(fn))) };
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map((g) => mapPositions(g, fn)) };
  }
}

function moveAll(value: unknown, fn: (p: Position) => Position): unknown {
  if (!value || typeof value !== 'object') return value;
  const v = value as { type?: string; features?: unknown[]; geometry?: Geometry | null };
  if (v.type === 'FeatureCollection')
    return { ...v, features: (v.features ?? []).map((f) => moveAll(f, fn)) };
  if (v.type === 'Feature') return { ...v, geometry: v.geometry ? mapPositions(v.geometry, fn) : null };
  return mapPositions(value as Geometry, fn);
}

/** The display CRS for a basemap in `crs`; identity (no copies) for WGS84. */
export function createDisplayCrs(crs: Crs): DisplayCrs {
  const toDisplay = (p: readonly number[]): LonLat => fromWgs84(p[0], p[1], crs);
  return {
    crs,
    toDisplay,
    toWgs84: (p) => toWgs84(p[0], p[1], crs),
    geojson: <T>(value: T): T =>
      crs === 'wgs84'
        ? value
        : (moveAll(value, (p) => {
            const [x, y] = toDisplay(p);
            return [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6];
          }) as T),
  };
}
