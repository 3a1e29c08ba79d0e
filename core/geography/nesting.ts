// Nesting and tiling: each child lies inside its parent (1 m tolerance) and the children fill the parent.
import area from '@turf/area';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { distanceToBoundaryM, pointInPolygon, polygonRings } from './geom';
import type { Violation } from './violation';

type Poly = Polygon | MultiPolygon;

/** How to read ids and the parent key from features of one layer pair. */
export interface NestingSpec<C, P> {
  readonly childId: (f: Feature<Geometry, C>) => string;
  readonly parentOf: (f: Feature<Geometry, C>) => string;
  readonly parentId: (f: Feature<Geometry, P>) => string;
  /** Layer names for messages, e.g. "block" and "community". */
  readonly childName: string;
  readonly parentName: string;
}

/** Every vertex of every child lies inside its parent or within `toleranceM` of the parent's border. */
export function checkNesting<C, P>(
  children: readonly Feature<Geometry, C>[],
  parents: readonly Feature<Geometry, P>[],
  spec: NestingSpec<C, P>,
  toleranceM = 1,
): Violation[] {
  const byId = new Map(parents.map((p) => [spec.parentId(p), p]));
  const out: Violation[] = [];
  for (const child of children) {
    const id = spec.childId(child);
    const parent = byId.get(spec.parentOf(child));
    if (!parent) {
      out.push({
        rule: 'reference',
        feature: id,
        message: `${spec.childName} names ${spec.parentName} ${spec.parentOf(child)}, which does not exist; fix the code`,
      });
      continue;
    }
    let worst = 0;
    let worstAt: number[] = [];
    for (const ring of polygonRings(child.geometry as Poly)) {
      for (const p of ring) {
        if (pointInPolygon(p, parent.geometry as Poly)) continue;
        const d = distanceToBoundaryM(p, parent.geometry as Poly);
        if (d > worst) [worst, worstAt] = [d, p];
      }
    }
    if (worst > toleranceM) {
      out.push({
        rule: 'nesting',
        feature: id,
        message: `${spec.childName} pokes out of ${spec.parentName} ${spec.parentId(parent)} at ${JSON.stringify(worstAt)}; move that vertex inside`,
        numbers: { outside_m: worst, tolerance_m: toleranceM },
      });
    }
  }
  return out;
}

/** The children of each parent add up to its area (relative tolerance, default 0.01 %), and none is empty. */
export function checkTiling<C, P>(
  children: readonly Feature<Geometry, C>[],
  parents: readonly Feature<Geometry, P>[],
  spec: NestingSpec<C, P>,
  relativeTolerance = 1e-4,
): Violation[] {
  const sums = new Map<string, number>();
  for (const c of children)
    sums.set(spec.parentOf(c), (sums.get(spec.parentOf(c)) ?? 0) + area(c.geometry as Poly));
  const out: Violation[] = [];
  for (const parent of parents) {
    const id = spec.parentId(parent);
    const parentArea = area(parent.geometry as Poly);
    const sum = sums.get(id) ?? 0;
    if (sum === 0) {
      out.push({
        rule: 'tiling',
        feature: id,
        message: `${spec.parentName} has no ${spec.childName}s; assign at least one`,
      });
      continue;
    }
    const diff = Math.abs(sum - parentArea) / parentArea;
    if (diff > relativeTolerance) {
      out.push({
        rule: 'tiling',
        feature: id,
        message: `its ${spec.childName}s cover ${sum.toFixed(0)} m² but the ${spec.parentName} is ${parentArea.toFixed(0)} m²; re-derive the ${spec.parentName} from its ${spec.childName}s`,
        numbers: { children_m2: sum, parent_m2: parentArea, difference_pct: diff * 100 },
      });
    }
  }
  return out;
}
