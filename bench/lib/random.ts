// Seeded pseudo-random numbers for reproducible benchmark data (mulberry32).

/** A function returning uniform numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` random points in a bounding box as interleaved `[lon0, lat0, lon1, lat1, ...]`. */
export function randomPoints(n: number, bbox: readonly number[], seed: number): Float64Array {
  const rnd = seededRandom(seed);
  const out = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    out[2 * k] = bbox[0] + rnd() * (bbox[2] - bbox[0]);
    out[2 * k + 1] = bbox[1] + rnd() * (bbox[3] - bbox[1]);
  }
  return out;
}
