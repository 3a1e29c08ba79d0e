// Block seeds: k-means (a centroidal Voronoi tessellation) over density-weighted samples of each region.
import { Delaunay } from 'd3-delaunay';
import type { Xy } from './projection';
import type { Random } from './random';

/**
 * Places `count` seeds that spread `samples` into cells of roughly equal sample mass (Lloyd's algorithm on
 * the samples). Samples should already follow the wanted density: denser samples give smaller cells.
 */
export function kMeansSeeds(samples: readonly Xy[], count: number, random: Random, iterations = 10): Xy[] {
  if (samples.length < count * 4) {
    throw new Error(
      `only ${samples.length} samples for ${count} seeds; raise the sample count or lower the blocks`,
    );
  }
  let seeds: Xy[] = random.shuffle(samples).slice(0, count);
  if (count === 1) {
    const [sx, sy] = samples.reduce((s, p) => [s[0] + p[0], s[1] + p[1]], [0, 0]);
    return [[sx / samples.length, sy / samples.length]];
  }
  for (let it = 0; it < iterations; it++) {
    const delaunay = Delaunay.from(seeds);
    const sums = seeds.map(() => [0, 0, 0]);
    let hint = 0;
    for (const [x, y] of samples) {
      hint = delaunay.find(x, y, hint);
      const s = sums[hint];
      s[0] += x;
      s[1] += y;
      s[2] += 1;
    }
    seeds = sums.map(([sx, sy, n]) => (n > 0 ? [sx / n, sy / n] : random.pick(samples)));
  }
  return seeds;
}

/** Keeps each sample with probability `density(p)` in [0, 1]; the result follows that density. */
export function thin(samples: readonly Xy[], density: (p: Xy) => number, random: Random): Xy[] {
  return samples.filter((p) => random.next() < density(p));
}

/** Density bump around a seat: 1 at the seat, falling to `base` far away (rational, no exp). */
export function seatDensity(seat: Xy, base: number, sigmaM = 1800): (p: Xy) => number {
  return (p) => {
    const dx = p[0] - seat[0];
    const dy = p[1] - seat[1];
    const d2 = (dx * dx + dy * dy) / (sigmaM * sigmaM);
    return base + (1 - base) / (1 + d2);
  };
}
