// T-junction check: a vertex lying inside another polygon's edge must be a vertex of that edge's ring too.
import Flatbush from 'flatbush';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { distanceToSegmentM, M_PER_DEG_LAT, M_PER_DEG_LON, pointKey, polygonRings } from './geom';
import type { Violation } from './violation';

/** Default tolerance (m): twice the worst rounding of a point meant to sit on an edge (6 decimals ≈ 0.08 m). */
export const T_JUNCTION_TOLERANCE_M = 0.15;

/** Position of p's projection along a→b (0 at a, 1 at b), in a locally isotropic frame. */
function along(p: Position, a: Position, b: Position): number {
  const dx = (b[0] - a[0]) * M_PER_DEG_LON;
  const dy = (b[1] - a[1]) * M_PER_DEG_LAT;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return 0;
  return ((p[0] - a[0]) * M_PER_DEG_LON * dx + (p[1] - a[1]) * M_PER_DEG_LAT * dy) / len2;
}

/**
 * Finds T-junctions across a layer: a vertex of any feature within `toleranceM` of the inside of an edge
 * (not at its ends) of a feature whose ring does not carry that vertex. Both sides of a shared border
 * must hold the same vertices, so topology tools find shared arcs and an edit moves both sides.
 */
export function findTJunctions<P>(
  features: readonly Feature<Geometry, P>[],
  idOf: (f: Feature<Geometry, P>) => string,
  toleranceM = T_JUNCTION_TOLERANCE_M,
): Violation[] {
  const vertices = new Map<string, { p: Position; owners: Set<string> }>();
  const polygons = features.filter(
    (f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
  );
  for (const f of polygons) {
    for (const ring of polygonRings(f.geometry as Polygon | MultiPolygon)) {
      for (const p of ring) {
        const k = pointKey(p);
        const v = vertices.get(k) ?? { p, owners: new Set<string>() };
        v.owners.add(idOf(f));
        vertices.set(k, v);
      }
    }
  }
  const list = [...vertices.values()];
  if (list.length === 0) return [];
  const index = new Flatbush(list.length);
  for (const { p } of list) index.add(p[0], p[1], p[0], p[1]);
  index.finish();
  const padLon = (2 * toleranceM) / M_PER_DEG_LON;
  const padLat = (2 * toleranceM) / M_PER_DEG_LAT;
  const out: Violation[] = [];
  for (const f of polygons) {
    const id = idOf(f);
    for (const ring of polygonRings(f.geometry as Polygon | MultiPolygon)) {
      const own = new Set(ring.map(pointKey));
      for (let i = 0; i + 1 < ring.length; i++) {
        const [a, b] = [ring[i], ring[i + 1]];
        const hits = index.search(
          Math.min(a[0], b[0]) - padLon,
          Math.min(a[1], b[1]) - padLat,
          Math.max(a[0], b[0]) + padLon,
          Math.max(a[1], b[1]) + padLat,
        );
        for (const h of hits) {
          const v = list[h];
          if (own.has(pointKey(v.p))) continue;
          const t = along(v.p, a, b);
          if (t <= 0 || t >= 1) continue;
          const d = distanceToSegmentM(v.p, a, b);
          if (d >= toleranceM) continue;
          const others = [...v.owners].filter((o) => o !== id).join(', ');
          out.push({
            rule: 't_junction',
            feature: id,
            message: `vertex ${JSON.stringify(v.p)} of ${others || id} lies on edge ${i} of ${id} but is not one of its vertices; insert it into ${id} (or move it off the edge)`,
            numbers: { distance_m: d, edge: i, lon: v.p[0], lat: v.p[1] },
          });
        }
      }
    }
  }
  return out;
}
