// Which block an asset belongs to in a given generation: points are located; lines and areas go to
// the block that holds most of their vertices (a park or a path may touch a neighbour's edge).
import type { Geometry, Position } from 'geojson';

/** Anything that maps a WGS84 point to a block index (-1 outside): a Locator. */
export interface PointLocator {
  locateIndex(lon: number, lat: number): number;
}

function vertices(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(vertices);
  }
}

/** Block index holding the asset (majority of its vertices; ties to the lower index), or -1. */
export function assetBlockIndex(locator: PointLocator, geometry: Geometry): number {
  const votes = new Map<number, number>();
  for (const [lon, lat] of vertices(geometry)) {
    const b = locator.locateIndex(lon, lat);
    if (b >= 0) votes.set(b, (votes.get(b) ?? 0) + 1);
  }
  let best = -1;
  let most = 0;
  for (const [b, n] of votes) {
    if (n > most || (n === most && b < best)) {
      best = b;
      most = n;
    }
  }
  return best;
}
