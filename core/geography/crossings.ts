// Border crossings: an edge of one block crossing an edge of another means the two overlap (or one folds).
import Flatbush from 'flatbush';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { GRID, type IntPoint, orient, polygonRings, segmentsCross, toInt } from './geom';
import type { Violation } from './violation';

/** How many crossings (or overlapping corners) are listed one by one; the rest are only counted. */
export const MAX_LISTED_OVERLAPS = 50;

/** The polygon-type features of a layer, each with its id. */
export function polygonsOf<P>(
  features: readonly Feature<Geometry, P>[],
  idOf: (f: Feature<Geometry, P>) => string,
): { id: string; geometry: Polygon | MultiPolygon }[] {
  return features
    .filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon')
    .map((f) => ({ id: idOf(f), geometry: f.geometry as Polygon | MultiPolygon }));
}

/** The first `limit` violations, plus one that counts the rest when there are more. */
export function capped(found: Violation[], rule: string, what: string, limit: number): Violation[] {
  if (found.length <= limit) return found;
  return [
    ...found.slice(0, limit),
    {
      rule,
      feature: 'blocks',
      message: `${found.length} ${what} in total; only the first ${limit} are listed, fix those and check again`,
      numbers: { total: found.length, listed: limit },
    },
  ];
}

/** The box of segment a–b as flatbush wants it. */
const box = (a: IntPoint, b: IntPoint): [number, number, number, number] => [
  Math.min(a[0], b[0]),
  Math.min(a[1], b[1]),
  Math.max(a[0], b[0]),
  Math.max(a[1], b[1]),
];

/**
 * Finds every place where an edge of one feature crosses an edge of another at a single point inside
 * both. Neighbours in a coverage share corners exactly (1e-6° grid), so their borders only ever meet at
 * shared corners; a proper crossing means one block reaches into the other, however small the overlap.
 * Touching along a line or a corner lying on another's edge is the T-junction check's business.
 * Boxes are filtered with flatbush, then the exact integer orientation test decides.
 */
export function findBorderCrossings<P>(
  features: readonly Feature<Geometry, P>[],
  idOf: (f: Feature<Geometry, P>) => string,
  limit = MAX_LISTED_OVERLAPS,
): Violation[] {
  const polygons = polygonsOf(features, idOf);
  // Every edge of positive length as its integer end points, owned by polygon `owner`.
  const from: IntPoint[] = [];
  const to: IntPoint[] = [];
  const owner: number[] = [];
  polygons.forEach(({ geometry }, k) => {
    for (const ring of polygonRings(geometry)) {
      let a = toInt(ring[0]);
      for (let i = 1; i < ring.length; i++) {
        const b = toInt(ring[i]);
        if (a[0] !== b[0] || a[1] !== b[1]) {
          from.push(a);
          to.push(b);
          owner.push(k);
        }
        a = b;
      }
    }
  });
  if (from.length === 0) return [];
  const index = new Flatbush(from.length);
  for (let i = 0; i < from.length; i++) index.add(...box(from[i], to[i]));
  index.finish();
  const found: { i: number; j: number; violation: Violation }[] = [];
  for (let i = 0; i < from.length; i++) {
    const [a, b] = [from[i], to[i]];
    for (const j of index.search(...box(a, b))) {
      if (j <= i || owner[j] === owner[i] || !segmentsCross(a, b, from[j], to[j])) continue;
      // Where they cross, only to point at it (the decision above is exact): a + t (b − a).
      const oa = orient(from[j], to[j], a);
      const t = oa / (oa - orient(from[j], to[j], b));
      const lon = Math.round(a[0] + t * (b[0] - a[0])) / GRID;
      const lat = Math.round(a[1] + t * (b[1] - a[1])) / GRID;
      const [p, q] = [polygons[owner[i]].id, polygons[owner[j]].id];
      const violation: Violation = {
        rule: 'overlap_crossing',
        feature: p,
        message: `border of ${p} crosses border of ${q} at ${JSON.stringify([lon, lat])}, so the two overlap there; move the border of one back so the two meet only at shared corners`,
        numbers: { lon, lat },
      };
      found.push({ i, j, violation });
    }
  }
  // In edge order, whatever order the index answers in.
  found.sort((x, y) => x.i - y.i || x.j - y.j);
  return capped(
    found.map((f) => f.violation),
    'overlap_crossing',
    'border crossings',
    limit,
  );
}
