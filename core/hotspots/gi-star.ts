// Getis-Ord Gi* hot-spot z-scores on block contiguity, and ArcGIS-style confidence bins with optional FDR.
import { ValidationError } from '../errors';
import type { Adjacency } from './adjacency';
import { twoSidedP } from './normal';

/** One z-score and two-sided p-value per block, in adjacency order. */
export interface GiStarResult {
  z: Float64Array;
  p: Float64Array;
}

/**
 * Gi* (Getis & Ord 1995, as in ArcGIS Hot Spot Analysis) with binary weights that include the block
 * itself: for block i with Wᵢ = 1 + (number of neighbours),
 *   zᵢ = (Σⱼ wᵢⱼxⱼ − x̄Wᵢ) / (S · √((nWᵢ − Wᵢ²)/(n − 1))),  S = √(Σx²/n − x̄²).
 * `x` may be counts or rates. When S = 0 (every value equal) or Wᵢ = n (the neighbourhood is the
 * whole map) there is no evidence either way: z = 0, p = 1.
 */
export function giStar(x: ArrayLike<number>, adj: Adjacency): GiStarResult {
  const { n, offsets, neighbours } = adj;
  if (x.length !== n) {
    throw new ValidationError(`Gi* needs one value per block: got ${x.length} values for ${n} blocks`);
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (!Number.isFinite(v)) throw new ValidationError(`value of block #${i} is ${v}: give a finite number`);
    sum += v;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) * (x[i] - mean);
  const s = Math.sqrt(ss / n);
  const z = new Float64Array(n);
  const p = new Float64Array(n).fill(1);
  if (n < 2 || s <= 1e-12 * Math.max(1, Math.abs(mean))) return { z, p };
  for (let i = 0; i < n; i++) {
    const lo = offsets[i];
    const hi = offsets[i + 1];
    let local = x[i];
    for (let k = lo; k < hi; k++) local += x[neighbours[k]];
    const w = hi - lo + 1;
    const spread = n * w - w * w;
    if (spread <= 0) continue;
    const zi = (local - mean * w) / (s * Math.sqrt(spread / (n - 1)));
    z[i] = zi;
    p[i] = twoSidedP(zi);
  }
  return { z, p };
}

/** Confidence levels of bins ±1, ±2, ±3 (90 %, 95 %, 99 %) as significance levels α. */
export const BIN_ALPHAS = [0.1, 0.05, 0.01] as const;

/**
 * Benjamini–Hochberg critical p-value at level α: the largest p₍ₖ₎ with p₍ₖ₎ ≤ α·k/n over the
 * ascending p-values, or −1 when none qualifies (nothing is significant at that level).
 */
export function fdrCriticalP(sortedP: ArrayLike<number>, alpha: number): number {
  const n = sortedP.length;
  for (let k = n; k >= 1; k--) if (sortedP[k - 1] <= (alpha * k) / n) return sortedP[k - 1];
  return -1;
}

/**
 * Gi_Bin as ArcGIS defines it: +3/+2/+1 for hot spots at 99/95/90 % confidence, −1..−3 for cold
 * spots, 0 when not significant. With `fdr`, each level's critical p-value is lowered by
 * Benjamini–Hochberg run separately at α = 0.10, 0.05 and 0.01; z and p themselves are unchanged.
 */
export function confidenceBins(
  z: ArrayLike<number>,
  p: ArrayLike<number>,
  options: { fdr?: boolean } = {},
): Int8Array {
  const n = z.length;
  const critical: number[] = [...BIN_ALPHAS];
  if (options.fdr) {
    const sorted = Float64Array.from(p).sort();
    for (let l = 0; l < critical.length; l++) critical[l] = fdrCriticalP(sorted, BIN_ALPHAS[l]);
  }
  const bins = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const pi = p[i];
    const level = pi <= critical[2] ? 3 : pi <= critical[1] ? 2 : pi <= critical[0] ? 1 : 0;
    bins[i] = z[i] > 0 ? level : z[i] < 0 ? -level : 0;
  }
  return bins;
}

/** Map colours per bin (ArcGIS's diverging red–blue ramp), e.g. for simplestyle `fill` or a MapLibre match. */
export const BIN_FILL: Readonly<Record<number, string>> = {
  3: '#d62f27',
  2: '#ed7551',
  1: '#fab984',
  0: '#f2f2f2',
  [-1]: '#abd9e9',
  [-2]: '#74add1',
  [-3]: '#4575b4',
};
