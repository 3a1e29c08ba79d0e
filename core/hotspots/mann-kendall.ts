// Mann-Kendall monotonic trend test with tie-corrected variance and a normal approximation.
import { twoSidedP } from './normal';

/** Direction of a significant monotonic trend, or 'none'. */
export type TrendDirection = 'up' | 'down' | 'none';

/** The test's statistic S, its variance under H₀ (tie-corrected), continuity-corrected z and two-sided p. */
export interface MannKendallResult {
  s: number;
  varS: number;
  z: number;
  p: number;
  trend: TrendDirection;
}

/**
 * Mann-Kendall on a series in time order (oldest first): S = Σᵢ<ⱼ sign(xⱼ − xᵢ),
 * Var(S) = [n(n−1)(2n+5) − Σₜ t(t−1)(2t+5)] / 18 over groups of t tied values,
 * z = (S − sign S)/√Var(S), p two-sided; a trend is reported when p < alpha (default 0.05).
 */
export function mannKendall(series: ArrayLike<number>, alpha = 0.05): MannKendallResult {
  return mannKendallStrided(series, 0, 1, series.length, alpha);
}

// Scratch buffers reused across calls (the test is synchronous, so never shared between two calls).
let xs = new Float64Array(0);
let distinct = new Float64Array(0);
let tree = new Int32Array(0);

/**
 * Same test on the strided series values[offset + k·stride], k < n, without copying the input:
 * how the analysis reads one block's column out of a day-major matrix. S is counted in O(n log n)
 * with a Fenwick tree over the ranks of the distinct values, which also yields the tie groups.
 */
export function mannKendallStrided(
  values: ArrayLike<number>,
  offset: number,
  stride: number,
  n: number,
  alpha = 0.05,
): MannKendallResult {
  if (xs.length < n) {
    xs = new Float64Array(n);
    distinct = new Float64Array(n);
    tree = new Int32Array(n + 1);
  }
  for (let k = 0; k < n; k++) xs[k] = values[offset + k * stride];
  const sorted = distinct.subarray(0, n);
  sorted.set(xs.subarray(0, n));
  sorted.sort();
  // Compact to distinct values, summing the tie term t(t−1)(2t+5) of each group on the way.
  let m = 0;
  let ties = 0;
  for (let k = 0; k < n; ) {
    let t = 1;
    while (k + t < n && sorted[k + t] === sorted[k]) t++;
    if (t > 1) ties += t * (t - 1) * (2 * t + 5);
    distinct[m++] = sorted[k];
    k += t;
  }
  tree.fill(0, 0, m + 1);
  let s = 0;
  for (let j = 0; j < n; j++) {
    // 1-based rank of xs[j] among the m distinct values
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinct[mid] < xs[j]) lo = mid + 1;
      else hi = mid;
    }
    const rank = lo + 1;
    let below = 0;
    for (let r = rank - 1; r > 0; r -= r & -r) below += tree[r];
    let atOrBelow = 0;
    for (let r = rank; r > 0; r -= r & -r) atOrBelow += tree[r];
    s += below - (j - atOrBelow); // earlier values below xs[j] minus earlier values above it
    for (let r = rank; r <= m; r += r & -r) tree[r]++;
  }
  const varS = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  const z = varS > 0 && s !== 0 ? (s - Math.sign(s)) / Math.sqrt(varS) : 0;
  const p = twoSidedP(z);
  const trend: TrendDirection = p < alpha && z > 0 ? 'up' : p < alpha && z < 0 ? 'down' : 'none';
  return { s, varS, z, p, trend };
}
