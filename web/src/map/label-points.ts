// One label point per area, well inside it (a coarse pole of inaccessibility), so each name shows once.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { distanceToBoundaryM, pointInPolygon, ringArea2 } from '../../../core/geography/geom';

/** The largest part of a (multi)polygon, by outer-ring area. */
function largestPart(geometry: Polygon | MultiPolygon): Polygon {
  if (geometry.type === 'Polygon') return geometry;
  let best = geometry.coordinates[0];
  let bestArea = 0;
  for (const part of geometry.coordinates) {
    const a = Math.abs(ringArea2(part[0]));
    if (a > bestArea) {
      bestArea = a;
      best = part;
    }
  }
  return { type: 'Polygon', coordinates: best };
}

/**
 * A point inside the polygon far from its edges: a grid search refined three times around the best cell.
 * Cheap enough for the 135 communities at start (a few ms) and stable between runs.
 */
export function labelPoint(geometry: Polygon | MultiPolygon): Position {
  const polygon = largestPart(geometry);
  const ring = polygon.coordinates[0];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  let best: Position = [(minX + maxX) / 2, (minY + maxY) / 2];
  let bestD = pointInPolygon(best, polygon) ? distanceToBoundaryM(best, polygon) : -1;
  let [cx, cy, w, h] = [(minX + maxX) / 2, (minY + maxY) / 2, maxX - minX, maxY - minY];
  const n = 10;
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= n; j++) {
        const p: Position = [cx - w / 2 + (w * i) / n, cy - h / 2 + (h * j) / n];
        if (!pointInPolygon(p, polygon)) continue;
        const d = distanceToBoundaryM(p, polygon);
        if (d > bestD) {
          bestD = d;
          best = p;
        }
      }
    }
    [cx, cy, w, h] = [best[0], best[1], (w * 2.5) / n, (h * 2.5) / n];
  }
  if (bestD < 0) best = ring[0];
  return [Math.round(best[0] * 1e6) / 1e6, Math.round(best[1] * 1e6) / 1e6];
}

/** Point features at each area's label point, keeping the given properties. */
export function labelPoints<P extends Record<string, unknown>>(collection: {
  features: { properties: P; geometry: Polygon | MultiPolygon }[];
}): FeatureCollection<Point, P> {
  return {
    type: 'FeatureCollection',
    features: collection.features.map(
      (f): Feature<Point, P> => ({
        type: 'Feature',
        properties: f.properties,
        geometry: { type: 'Point', coordinates: labelPoint(f.geometry) },
      }),
    ),
  };
}
