// The display-coordinate bounds of a geometry (for fitBounds), whatever its type.
import type { Geometry, Position } from 'geojson';
import type { LngLatBoundsLike } from 'maplibre-gl';

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positions);
  }
}

/** [west, south, east, north] of the geometry after `toDisplay`. */
export function boundsOf(g: Geometry, toDisplay: (p: Position) => [number, number]): LngLatBoundsLike {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of positions(g)) {
    const [x, y] = toDisplay(p);
    w = Math.min(w, x);
    s = Math.min(s, y);
    e = Math.max(e, x);
    n = Math.max(n, y);
  }
  return [w, s, e, n];
}
