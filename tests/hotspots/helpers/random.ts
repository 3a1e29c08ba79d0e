// Seeded random numbers for the hot-spot tests and bench: uniform (mulberry32) and Poisson counts.

import { seededRandom } from '../../../bench/lib/random';

/** Uniform numbers in [0, 1), the same sequence for the same seed (one generator for tests and benchmarks). */
export { seededRandom };

/** A Poisson(mean) draw (Knuth's product method; fine for the small means used here). */
export function poisson(rnd: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rnd)));
  const limit = Math.exp(-mean);
  let k = 0;
  let prod = rnd();
  while (prod > limit) {
    k++;
    prod *= rnd();
  }
  return k;
}

/** A standard normal draw (Box–Muller). */
export function normal(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
