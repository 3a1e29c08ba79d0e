// Coordinate systems at the edge: GCJ-02 (Chinese web maps, phones) <-> WGS84, via the maintained gcoord.
import gcoord from 'gcoord';

/** The coordinate systems a client may send; everything stored and indexed is WGS84. */
export type Crs = 'wgs84' | 'gcj02';

/** The supported values of {@link Crs}, for request schemas. */
export const CRS_VALUES: readonly Crs[] = ['wgs84', 'gcj02'];

/**
 * Converts a client coordinate to WGS84 `[lon, lat]`. GCJ-02 is inverted iteratively by gcoord (to about
 * 1e-6°, ~0.1 m); outside China GCJ-02 equals WGS84 and the point is returned unchanged.
 */
export function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84);
  return [x, y];
}

/** Converts a WGS84 coordinate for display on a GCJ-02 web map (the inverse of {@link toWgs84}). */
export function fromWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02);
  return [x, y];
}
