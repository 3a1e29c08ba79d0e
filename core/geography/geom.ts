// Small planar geometry kit on lon/lat rings: exact predicates on the 1e-6° grid, areas, distances in metres.
import length from '@turf/length';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Coordinates are stored with at most 6 decimals; predicates run on integers of this many units per degree. */
export const GRID = 1e6;

/** Metres per degree of latitude, and of longitude at the district's mean latitude (27.94° N). */
export const M_PER_DEG_LAT = 110_574;
export const M_PER_DEG_LON = 98_345;

/** A point in integer micro-degrees. */
export type IntPoint = readonly [number, number];

/** Converts a lon/lat position to integer micro-degrees (exact for values with ≤ 6 decimals). */
export function toInt(p: readonly number[]): IntPoint {
  return [Math.round(p[0] * GRID), Math.round(p[1] * GRID)];
}

/** Stable string key of a position on the 1e-6° grid. */
export function pointKey(p: readonly number[]): string {
  return `${Math.round(p[0] * GRID)},${Math.round(p[1] * GRID)}`;
}

/** Twice the signed area of a closed ring in its own units (positive = counter-clockwise). */
export function ringArea2(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

/** Signed area of a lon/lat ring in integer micro-degree units, exact enough for orientation tests. */
export function ringOrientation(ring: readonly Position[]): number {
  const o = toInt(ring[0]);
  let sum = 0;
  for (let i = 1; i + 2 < ring.length; i++) {
    const a = toInt(ring[i]);
    const b = toInt(ring[i + 1]);
    sum += (a[0] - o[0]) * (b[1] - o[1]) - (b[0] - o[0]) * (a[1] - o[1]);
  }
  return sum;
}

/** Cross product (b − a) × (c − a): > 0 when c is left of a→b. Exact for integer micro-degrees. */
export function orient(a: readonly number[], b: readonly number[], c: readonly number[]): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/** Whether p lies on the closed segment a–b (exact, for integer points). */
export function onSegment(p: readonly number[], a: readonly number[], b: readonly number[]): boolean {
  if (orient(a, b, p) !== 0) return false;
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** Whether closed segments a–b and c–d share at least one point (exact, for integer points). */
export function segmentsTouch(
  a: readonly number[],
  b: readonly number[],
  c: readonly number[],
  d: readonly number[],
): boolean {
  const d1 = Math.sign(orient(c, d, a));
  const d2 = Math.sign(orient(c, d, b));
  const d3 = Math.sign(orient(a, b, c));
  const d4 = Math.sign(orient(a, b, d));
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  return (
    (d1 === 0 && onSegment(a, c, d)) ||
    (d2 === 0 && onSegment(b, c, d)) ||
    (d3 === 0 && onSegment(c, a, b)) ||
    (d4 === 0 && onSegment(d, a, b))
  );
}

/** Whether segments a–b and c–d cross at a single point interior to both (exact, for integer points). */
export function segmentsCross(
  a: readonly number[],
  b: readonly number[],
  c: readonly number[],
  d: readonly number[],
): boolean {
  return (
    Math.sign(orient(c, d, a)) * Math.sign(orient(c, d, b)) < 0 &&
    Math.sign(orient(a, b, c)) * Math.sign(orient(a, b, d)) < 0
  );
}

/** Even-odd point-in-ring test; points exactly on the ring may go either way (check the edge first). */
export function pointInRing(p: readonly number[], ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a lon/lat point lies inside a Polygon or MultiPolygon (holes respected). */
export function pointInPolygon(p: readonly number[], geometry: Polygon | MultiPolygon): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((rings) => pointInRing(p, rings[0]) && !rings.slice(1).some((h) => pointInRing(p, h)));
}

/** Distance in metres from lon/lat point p to segment a–b (local equirectangular approximation). */
export function distanceToSegmentM(p: readonly number[], a: readonly number[], b: readonly number[]): number {
  const ax = (a[0] - p[0]) * M_PER_DEG_LON;
  const ay = (a[1] - p[1]) * M_PER_DEG_LAT;
  const bx = (b[0] - p[0]) * M_PER_DEG_LON;
  const by = (b[1] - p[1]) * M_PER_DEG_LAT;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Distance in metres from a lon/lat point to the nearest edge of any ring of a (multi)polygon. */
export function distanceToBoundaryM(p: readonly number[], geometry: Polygon | MultiPolygon): number {
  let best = Number.POSITIVE_INFINITY;
  for (const ring of polygonRings(geometry)) {
    for (let i = 0; i + 1 < ring.length; i++)
      best = Math.min(best, distanceToSegmentM(p, ring[i], ring[i + 1]));
  }
  return best;
}

/** All rings of a Polygon or MultiPolygon, outer and holes, in document order. */
export function polygonRings(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** Bounding box [minLon, minLat, maxLon, maxLat] of a list of rings. */
export function ringsBbox(rings: readonly (readonly Position[])[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

/** Geodesic-ish length (km) of a polyline, as @turf/length measures it. */
export function lineKm(coordinates: readonly (readonly number[])[]): number {
  return length({
    type: 'Feature',
    properties: {},
    geometry: { type: 'LineString', coordinates: coordinates as Position[] },
  });
}
