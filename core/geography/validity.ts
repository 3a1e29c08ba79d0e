// Geometry validity: closed rings, ≤ 6 decimals, no repeated vertices, RFC 7946 winding, no self-intersection.
import type { Feature, Geometry, Position } from 'geojson';
import { onSegment, orient, pointInRing, ringOrientation, segmentsCross, segmentsTouch, toInt } from './geom';
import type { Violation } from './violation';

interface Edge {
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly ring: number;
  readonly index: number;
  readonly ringLength: number;
}

const decimalsOk = (v: number) => Math.abs(v * 1e6 - Math.round(v * 1e6)) < 1e-6;

/** Whether two collinear segments overlap along a stretch of positive length. */
function collinearOverlap(e: Edge, f: Edge): boolean {
  if (orient(e.a, e.b, f.a) !== 0 || orient(e.a, e.b, f.b) !== 0) return false;
  const axis = e.a[0] !== e.b[0] ? 0 : 1;
  const [e0, e1] = [Math.min(e.a[axis], e.b[axis]), Math.max(e.a[axis], e.b[axis])];
  const [f0, f1] = [Math.min(f.a[axis], f.b[axis]), Math.max(f.a[axis], f.b[axis])];
  return Math.min(e1, f1) - Math.max(e0, f0) > 0;
}

/** Finds intersecting edge pairs with a sweep on x; returns the first offending pair per ring pair. */
function selfIntersections(edges: Edge[]): [Edge, Edge][] {
  const sorted = [...edges].sort((p, q) => Math.min(p.a[0], p.b[0]) - Math.min(q.a[0], q.b[0]));
  const bad: [Edge, Edge][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    const maxX = Math.max(e.a[0], e.b[0]);
    for (let j = i + 1; j < sorted.length && Math.min(sorted[j].a[0], sorted[j].b[0]) <= maxX; j++) {
      const f = sorted[j];
      if (
        Math.max(e.a[1], e.b[1]) < Math.min(f.a[1], f.b[1]) ||
        Math.max(f.a[1], f.b[1]) < Math.min(e.a[1], e.b[1])
      )
        continue;
      if (e.ring === f.ring) {
        const gap = Math.abs(e.index - f.index);
        if (gap === 1 || gap === e.ringLength - 1) {
          if (collinearOverlap(e, f)) bad.push([e, f]); // a spike doubling back on itself
        } else if (segmentsTouch(e.a, e.b, f.a, f.b)) bad.push([e, f]);
      } else if (segmentsCross(e.a, e.b, f.a, f.b) || collinearOverlap(e, f)) bad.push([e, f]);
    }
  }
  return bad;
}

/** Checks one Polygon/MultiPolygon; `id` names the feature in the violations. */
export function polygonViolations(id: string, geometry: Geometry | null): Violation[] {
  const out: Violation[] = [];
  const fail = (message: string, numbers?: Record<string, number>) =>
    out.push({ rule: 'geometry_valid', feature: id, message, numbers });
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    fail(`geometry is ${geometry?.type ?? 'missing'}; expected Polygon or MultiPolygon`);
    return out;
  }
  const polygons: Position[][][] =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const edges: Edge[] = [];
  let ringId = 0;
  polygons.forEach((rings, pi) => {
    rings.forEach((ring, ri) => {
      const where = `part ${pi} ring ${ri}`;
      if (ring.length < 4) {
        fail(`${where} has ${ring.length} positions; a ring needs at least 4 (closed triangle)`);
        return;
      }
      if (ring.some((p) => p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))) {
        fail(`${where} has a non-numeric position`);
        return;
      }
      const bad = ring.find((p) => !decimalsOk(p[0]) || !decimalsOk(p[1]));
      if (bad) fail(`${where} has ${JSON.stringify(bad)} with more than 6 decimals; round to 6`);
      const ints = ring.map(toInt);
      const [f, l] = [ints[0], ints[ints.length - 1]];
      if (f[0] !== l[0] || f[1] !== l[1]) {
        fail(`${where} is not closed: repeat the first vertex at the end`);
        return;
      }
      for (let i = 0; i + 1 < ints.length; i++) {
        if (ints[i][0] === ints[i + 1][0] && ints[i][1] === ints[i + 1][1]) {
          fail(`${where} repeats vertex ${JSON.stringify(ring[i])} consecutively; drop the duplicate`, {
            vertex_index: i,
          });
        }
      }
      const area = ringOrientation(ring);
      if (ri === 0 && area <= 0)
        fail(`${where} (outer) is clockwise or empty; RFC 7946 wants outer rings counter-clockwise`);
      if (ri > 0 && area >= 0) fail(`${where} (hole) is counter-clockwise or empty; holes must be clockwise`);
      if (ri > 0 && !pointInRing(ints[0], rings[0].map(toInt)))
        fail(`${where} (hole) lies outside its outer ring`);
      const n = ints.length - 1;
      for (let i = 0; i < n; i++)
        edges.push({ a: ints[i], b: ints[i + 1], ring: ringId, index: i, ringLength: n });
      ringId++;
    });
  });
  for (const [e, f] of selfIntersections(edges).slice(0, 3)) {
    const at = [e.a[0] / 1e6, e.a[1] / 1e6];
    fail(
      `edges meet where they must not (self-intersection) near ${JSON.stringify(at)}; fix the ring there`,
      {
        ring_a: e.ring,
        edge_a: e.index,
        ring_b: f.ring,
        edge_b: f.index,
      },
    );
  }
  const shells = polygons.map((rings) => rings[0].map(toInt));
  const onRing = (p: readonly number[], ring: readonly (readonly number[])[]) =>
    ring.some((a, k) => k + 1 < ring.length && onSegment(p, a, ring[k + 1]));
  for (let i = 0; i < shells.length; i++) {
    for (let j = 0; j < shells.length; j++) {
      if (i === j) continue;
      if (shells[i].some((p) => pointInRing(p, shells[j]) && !onRing(p, shells[j]))) {
        fail(`part ${i} has a vertex inside part ${j}; parts of a MultiPolygon must not overlap`);
      }
    }
  }
  return out;
}

/** Validity of every feature's geometry; `idOf` picks the feature's id for messages. */
export function checkValidity<P>(
  features: readonly Feature<Geometry, P>[],
  idOf: (f: Feature<Geometry, P>) => string,
): Violation[] {
  return features.flatMap((f) => polygonViolations(idOf(f), f.geometry));
}
