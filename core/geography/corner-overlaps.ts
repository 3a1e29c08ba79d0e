// Overlaps at shared corners: a border leaving a corner two blocks share must not run into the other block.
import type { Feature, Geometry, Position } from 'geojson';
import { capped, MAX_LISTED_OVERLAPS, polygonsOf } from './crossings';
import { GRID, type IntPoint, orient, ringOrientation, toInt } from './geom';
import type { Violation } from './violation';

/** A feature's corner: the corner before and after it, ordered so the feature's inside is on the left. */
interface Corner {
  readonly owner: number;
  readonly v: IntPoint;
  readonly before: IntPoint;
  readonly after: IntPoint;
}

const same = (a: IntPoint, b: IntPoint) => a[0] === b[0] && a[1] === b[1];

/** Whether the ray from c.v through u runs strictly inside the feature at corner c (exact). */
function entersAt(c: Corner, u: IntPoint): boolean {
  const left1 = orient(c.before, c.v, u) > 0;
  const left2 = orient(c.v, c.after, u) > 0;
  const turn = orient(c.before, c.v, c.after);
  if (turn > 0) return left1 && left2; // convex corner: inside both half-planes
  if (turn < 0) return left1 || left2; // reflex corner: outside the convex outside wedge
  const straight =
    (c.v[0] - c.before[0]) * (c.after[0] - c.v[0]) + (c.v[1] - c.before[1]) * (c.after[1] - c.v[1]);
  return straight > 0 && left1; // a spike (validity's business) has no inside to enter
}

/** Whether rays v→a and v→b point the same way. */
function sameWay(v: IntPoint, a: IntPoint, b: IntPoint): boolean {
  return orient(v, a, b) === 0 && (a[0] - v[0]) * (b[0] - v[0]) + (a[1] - v[1]) * (b[1] - v[1]) > 0;
}

/** Each corner of each ring (repeats dropped), keyed by its grid point. */
function cornersByPoint(geometries: readonly (readonly Position[][])[][]): Map<string, Corner[]> {
  const out = new Map<string, Corner[]>();
  geometries.forEach((polygons, owner) => {
    for (const rings of polygons) {
      rings.forEach((ring, r) => {
        const area = ringOrientation(ring);
        if (area === 0) return;
        const pts = ring.slice(0, -1).map(toInt);
        const open = pts.filter((p, i) => !same(p, pts[(i + pts.length - 1) % pts.length]));
        // Outer rings have their inside on the left when counter-clockwise, holes when clockwise.
        const leftInside = r === 0 ? area > 0 : area < 0;
        open.forEach((v, i) => {
          const prev = open[(i + open.length - 1) % open.length];
          const next = open[(i + 1) % open.length];
          const corner = { owner, v, before: leftInside ? prev : next, after: leftInside ? next : prev };
          const key = `${v[0]},${v[1]}`;
          const list = out.get(key);
          if (list) list.push(corner);
          else out.set(key, [corner]);
        });
      });
    }
  });
  return out;
}

/**
 * Finds corners shared by two features where the inside of one reaches into the other: a border of one
 * leaves the shared corner into the other, or both have the very same corner on the same side. In a
 * coverage the blocks around a corner fill disjoint wedges; a bulge that starts and ends at shared
 * corners crosses no border (see `findBorderCrossings`) and is caught here, exactly, on the 1e-6° grid.
 */
export function findCornerOverlaps<P>(
  features: readonly Feature<Geometry, P>[],
  idOf: (f: Feature<Geometry, P>) => string,
  limit = MAX_LISTED_OVERLAPS,
): Violation[] {
  const polygons = polygonsOf(features, idOf);
  const corners = cornersByPoint(
    polygons.map(({ geometry }) =>
      geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates,
    ),
  );
  const found: Violation[] = [];
  for (const list of corners.values()) {
    if (list.length < 2) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]];
        if (a.owner === b.owner) continue;
        const aIntoB = entersAt(b, a.before) || entersAt(b, a.after);
        const bIntoA = entersAt(a, b.before) || entersAt(a, b.after);
        const twin = sameWay(a.v, a.before, b.before) && sameWay(a.v, a.after, b.after);
        if (!aIntoB && !bIntoA && !twin) continue;
        const [p, q] = aIntoB || twin ? [a, b] : [b, a];
        const [pid, qid] = [polygons[p.owner].id, polygons[q.owner].id];
        const at = [p.v[0] / GRID, p.v[1] / GRID];
        const where = JSON.stringify(at);
        let message = `border of ${pid} runs from the corner ${where} it shares with ${qid} into ${qid}, so the two overlap there; move that border of ${pid} back onto the border of ${qid}`;
        if (aIntoB && bIntoA)
          message = `borders of ${pid} and ${qid} run into each other from their shared corner ${where}, so the two overlap there; move one of them back onto the other`;
        else if (twin)
          message = `${pid} and ${qid} lie on the same side of their shared corner ${where}, so the two overlap there; move the border of one so each covers its own side`;
        found.push({
          rule: 'overlap_corner',
          feature: pid,
          message,
          numbers: { lon: at[0], lat: at[1] },
        });
      }
    }
  }
  return capped(found, 'overlap_corner', 'overlapping shared corners', limit);
}
