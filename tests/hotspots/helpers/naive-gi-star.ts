// Reference Gi*: a dense n × n binary weight matrix and the textbook formula, for tests and the bench baseline.
import type { Adjacency } from '../../../core/hotspots/adjacency';
import { twoSidedP } from '../../../core/hotspots/normal';

/** Dense weights wᵢⱼ = 1 when j = i or j is a neighbour of i (row-major Float64Array, n²). */
export function denseWeights(adj: Adjacency): Float64Array {
  const { n, offsets, neighbours } = adj;
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    w[i * n + i] = 1;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) w[i * n + neighbours[k]] = 1;
  }
  return w;
}

/** Gi* straight from Getis & Ord's formula with general weights: O(n²) per call. */
export function naiveGiStar(x: ArrayLike<number>, w: Float64Array): { z: Float64Array; p: Float64Array } {
  const n = x.length;
  let sum = 0;
  let sumSq = 0;
  for (let j = 0; j < n; j++) {
    sum += x[j];
    sumSq += x[j] * x[j];
  }
  const mean = sum / n;
  const s = Math.sqrt(sumSq / n - mean * mean);
  const z = new Float64Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let wx = 0;
    let sw = 0;
    let sw2 = 0;
    for (let j = 0; j < n; j++) {
      const wij = w[i * n + j];
      wx += wij * x[j];
      sw += wij;
      sw2 += wij * wij;
    }
    const den = s * Math.sqrt((n * sw2 - sw * sw) / (n - 1));
    z[i] = den > 0 ? (wx - mean * sw) / den : 0;
    p[i] = den > 0 ? twoSidedP(z[i]) : 1;
  }
  return { z, p };
}
