// Township regions: a warped, additively weighted Voronoi of hand-placed anchors, weights tuned to target areas.
import { pointInRing } from '../../core/geography/geom';
import type { TownshipLayout } from './layout';
import { toXy, type Xy } from './projection';
import type { Random } from './random';

/** Integer hash of a lattice point → [-1, 1); pure arithmetic, so identical on every machine. */
function lattice(ix: number, iy: number, salt: number): number {
  let h = Math.imul(ix, 374761393) ^ Math.imul(iy, 668265263) ^ Math.imul(salt, 2246822519);
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  h ^= h >>> 16;
  return (h >>> 0) / 2147483648 - 1;
}

/** Smooth value noise with the given cell size (m), in [-1, 1]. */
function valueNoise(x: number, y: number, cell: number, salt: number): number {
  const gx = x / cell;
  const gy = y / cell;
  const ix = Math.floor(gx);
  const iy = Math.floor(gy);
  const fx = gx - ix;
  const fy = gy - iy;
  const sx = fx * fx * (3 - 2 * fx);
  const sy = fy * fy * (3 - 2 * fy);
  const top = lattice(ix, iy, salt) * (1 - sx) + lattice(ix + 1, iy, salt) * sx;
  const bottom = lattice(ix, iy + 1, salt) * (1 - sx) + lattice(ix + 1, iy + 1, salt) * sx;
  return top * (1 - sy) + bottom * sy;
}

/** The old town (near the district government), where townships are small and the warp is gentle. */
const OLD_TOWN = toXy([112.905, 27.862]);

/** Domain warp: borders meander like roads and streams instead of running straight (less so downtown). */
export function warp(p: Xy): Xy {
  const ox = p[0] - OLD_TOWN[0];
  const oy = p[1] - OLD_TOWN[1];
  const d = Math.sqrt(ox * ox + oy * oy);
  const k = Math.min(1, Math.max(0.2, (d - 2500) / 6000));
  const dx = 750 * valueNoise(p[0], p[1], 4200, 1) + 260 * valueNoise(p[0], p[1], 1500, 2);
  const dy = 750 * valueNoise(p[0], p[1], 4200, 3) + 260 * valueNoise(p[0], p[1], 1500, 4);
  return [p[0] + k * dx, p[1] + k * dy];
}

/**
 * Assigns main-body points to townships: nearest anchor by distance minus the township's weight (km). Such
 * cells are star-shaped around their anchors, so small townships stay where they were placed.
 */
export class TownshipRegions {
  private readonly anchors: { township: number; xy: Xy }[];
  readonly weights: number[];

  constructor(readonly layout: readonly TownshipLayout[]) {
    this.anchors = layout.flatMap((t, township) => t.anchors.map((a) => ({ township, xy: toXy(a) })));
    this.weights = layout.map(() => 0);
  }

  /** Index (into layout) of the township that owns point p (local metres). */
  owner(p: Xy): number {
    return this.ownerWarped(warp(p));
  }

  private ownerWarped([x, y]: Xy): number {
    let best = 0;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const a of this.anchors) {
      const dx = x - a.xy[0];
      const dy = y - a.xy[1];
      const score = Math.sqrt(dx * dx + dy * dy) / 1000 - this.weights[a.township];
      if (score < bestScore) [best, bestScore] = [a.township, score];
    }
    return best;
  }

  /** Tunes weights so each township's share of `samples` matches its target area; returns the areas (km²). */
  tune(samples: readonly Xy[], totalKm2: number, rounds = 300): number[] {
    const warped = samples.map(warp);
    const perSample = totalKm2 / samples.length;
    const targetTotal = this.layout.reduce((s, t) => s + t.areaKm2, 0);
    const targets = this.layout.map((t) => (t.areaKm2 * totalKm2) / targetTotal);
    let areas: number[] = [];
    for (let round = 0; round < rounds; round++) {
      areas = this.layout.map(() => 0);
      for (const p of warped) areas[this.ownerWarped(p)] += perSample;
      this.layout.forEach((_, i) => {
        const step = 0.35 * (1 - (0.8 * round) / rounds);
        this.weights[i] += (step * (targets[i] - areas[i])) / Math.sqrt(Math.PI * targets[i]);
      });
    }
    return areas;
  }
}

/** Uniform random points (local metres) inside a ring given in local metres. */
export function samplePoints(ring: readonly Xy[], count: number, random: Random): Xy[] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring)
    [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  const out: Xy[] = [];
  while (out.length < count) {
    const p: Xy = [random.range(minX, maxX), random.range(minY, maxY)];
    if (pointInRing(p, ring)) out.push(p);
  }
  return out;
}
