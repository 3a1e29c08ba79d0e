// Emerging hot-spot patterns: a block's Gi* history over time slices, classified in the spirit of ArcGIS.
import { ValidationError } from '../errors';
import { mannKendall } from './mann-kendall';

/** The patterns, most specific first; definitions in docs/hotspots.md. */
export const EMERGING_PATTERNS = [
  'new',
  'consecutive',
  'intensifying',
  'persistent',
  'diminishing',
  'sporadic',
  'oscillating',
  'historical',
  'none',
] as const;

/** One block's emerging pattern. For side 'cold' the same names describe cold spots. */
export type EmergingPattern = (typeof EMERGING_PATTERNS)[number];

export interface EmergingOptions {
  /** Classify hot spots (bins > 0, default) or, mirrored, cold spots (bins < 0). */
  side?: 'hot' | 'cold';
  /** Significance level of the Mann-Kendall test on the slice z-scores (default 0.05). */
  alpha?: number;
  /** Share of slices a block must be significant in to count as persistent (default 0.9). */
  persistence?: number;
}

/**
 * Pattern of one block from its per-slice Gi* bins and z-scores (oldest slice first). A slice is
 * "hot" when its bin is ≥ +1 (≥ 90 % confidence). With H hot slices out of N, first match wins:
 * - none: never hot;
 * - new: hot in the final slice only (also when N = 1);
 * - H ≥ 0.9·N: final slice hot → intensifying / diminishing when Mann-Kendall finds the z-scores
 *   rising / falling significantly, else persistent; final slice not hot → historical;
 * - H < 0.9·N, final slice not hot → none;
 * - H < 0.9·N, final slice hot → consecutive (the hot slices are one unbroken run ending in the
 *   final one), oscillating (some slice was a cold spot), else sporadic.
 */
export function emergingPattern(
  bins: ArrayLike<number>,
  z: ArrayLike<number>,
  options: EmergingOptions = {},
): EmergingPattern {
  const n = bins.length;
  if (z.length !== n)
    throw new ValidationError(`${n} slice bins but ${z.length} slice z-scores: give one of each per slice`);
  if (n === 0) return 'none';
  const sign = options.side === 'cold' ? -1 : 1;
  let hot = 0;
  let cold = 0;
  for (let t = 0; t < n; t++) {
    const b = sign * bins[t];
    if (b >= 1) hot++;
    else if (b <= -1) cold++;
  }
  const finalHot = sign * bins[n - 1] >= 1;
  if (hot === 0) return 'none';
  if (hot === 1 && finalHot) return 'new';
  if (hot >= (options.persistence ?? 0.9) * n - 1e-9) {
    if (!finalHot) return 'historical';
    const oriented = new Float64Array(n);
    for (let t = 0; t < n; t++) oriented[t] = sign * z[t];
    const trend = mannKendall(oriented, options.alpha ?? 0.05).trend;
    return trend === 'up' ? 'intensifying' : trend === 'down' ? 'diminishing' : 'persistent';
  }
  if (!finalHot) return 'none';
  let run = 0;
  while (run < n && sign * bins[n - 1 - run] >= 1) run++;
  if (run === hot) return 'consecutive';
  return cold > 0 ? 'oscillating' : 'sporadic';
}

/**
 * Patterns of every block from slice-major histories: `sliceBins[t][i]` and `sliceZ[t][i]` are the
 * bin and z-score of block i in slice t (t = 0 oldest).
 */
export function emergingPatterns(
  sliceBins: readonly ArrayLike<number>[],
  sliceZ: readonly ArrayLike<number>[],
  options: EmergingOptions = {},
): EmergingPattern[] {
  const slices = sliceBins.length;
  const blocks = slices > 0 ? sliceBins[0].length : 0;
  const bins = new Int8Array(slices);
  const z = new Float64Array(slices);
  const out: EmergingPattern[] = new Array(blocks);
  for (let i = 0; i < blocks; i++) {
    for (let t = 0; t < slices; t++) {
      bins[t] = sliceBins[t][i];
      z[t] = sliceZ[t][i];
    }
    out[i] = emergingPattern(bins, z, options);
  }
  return out;
}
