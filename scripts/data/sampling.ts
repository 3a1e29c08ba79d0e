// Random and well-inside points of a block, for assets and incident locations.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import {
  distanceToBoundaryM,
  M_PER_DEG_LAT,
  M_PER_DEG_LON,
  pointInPolygon,
  ringsBbox,
} from '../../core/geography/geom';
import { round6 } from './projection';
import type { Random } from './random';

type Poly = Polygon | MultiPolygon;

const rings = (g: Poly) => (g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]));

/** A uniformly random point inside the geometry, rounded to 6 decimals (rejection sampling in the bbox). */
export function randomPointIn(geometry: Poly, random: Random): Position {
  const [x0, y0, x1, y1] = ringsBbox(rings(geometry));
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const p = [round6(random.range(x0, x1)), round6(random.range(y0, y1))];
    if (pointInPolygon(p, geometry) && distanceToBoundaryM(p, geometry) > 0.5) return p;
  }
  throw new Error('could not place a point inside a block after 10,000 tries; the block may be degenerate');
}

/**
 * A point well inside the geometry and away from `avoid` (already placed points): the best of a few
 * random candidates, scored by distance to the border and to the other points.
 */
export function interiorPoint(
  geometry: Poly,
  random: Random,
  avoid: readonly Position[] = [],
  candidates = 40,
): Position {
  let best: Position | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < candidates; i++) {
    const p = randomPointIn(geometry, random);
    let score = distanceToBoundaryM(p, geometry);
    for (const q of avoid) {
      const dx = (p[0] - q[0]) * M_PER_DEG_LON;
      const dy = (p[1] - q[1]) * M_PER_DEG_LAT;
      score = Math.min(score, Math.sqrt(dx * dx + dy * dy) / 2);
    }
    if (score > bestScore) [best, bestScore] = [p, score];
  }
  return best!;
}
