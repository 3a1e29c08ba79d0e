// Hot-spot analysis façade: window Gi* + bins, daily Mann-Kendall trend and weekly emerging patterns per block.
import { ValidationError } from '../errors';
import type { Adjacency } from './adjacency';
import { EMERGING_PATTERNS, type EmergingPattern, emergingPatterns } from './emerging';
import { confidenceBins, giStar } from './gi-star';
import { mannKendallStrided, type TrendDirection } from './mann-kendall';

/** What Gi* runs on: incident counts, or incidents per 1,000 estimated residents. */
export type HotspotMetric = 'count' | 'rate';

export interface HotspotInput {
  adjacency: Adjacency;
  /**
   * Day-major counts: `dailyCounts[d * n + i]` = incidents located in block i (adjacency order) on
   * day d, d = 0 the oldest day, d = days − 1 the most recent. Length must be days × n.
   */
  dailyCounts: ArrayLike<number>;
  days: number;
  /** Estimated residents per block (adjacency order); required, and > 0 everywhere, for metric 'rate'. */
  population?: ArrayLike<number>;
}

export interface HotspotOptions {
  /** Analyse only the most recent `windowDays` days (default: all `days`). */
  windowDays?: number;
  metric?: HotspotMetric;
  /** Lower the bins' critical p-values by Benjamini–Hochberg per confidence level (window and slices). */
  fdr?: boolean;
  /** Length of an emerging-pattern time slice in days (default 7); slices end on the last day. */
  sliceDays?: number;
  /** Significance level of both Mann-Kendall tests (default 0.05). */
  alpha?: number;
}

/** One block's result; `rate` is per 1,000 residents over the window, null without a population. */
export interface BlockHotspot {
  block_index: number;
  block_id: string;
  count: number;
  rate: number | null;
  z: number;
  p: number;
  bin: number;
  trend: TrendDirection;
  trend_z: number;
  trend_p: number;
  pattern: EmergingPattern;
}

export interface HotspotSummary {
  metric: HotspotMetric;
  fdr: boolean;
  window_days: number;
  slice_days: number;
  slices: number;
  total_count: number;
  /** Number of blocks per bin, keys '-3' … '3'. */
  by_bin: Record<string, number>;
  by_pattern: Record<EmergingPattern, number>;
  /** The ten blocks with the highest z-score, highest first (significant or not: read `bin`). */
  top: { block_index: number; block_id: string; z: number; bin: number; count: number }[];
}

export interface HotspotAnalysis {
  blocks: BlockHotspot[];
  summary: HotspotSummary;
}

const TOP = 10;

function checkInput(input: HotspotInput, windowDays: number, metric: HotspotMetric): void {
  const { adjacency, dailyCounts, days, population } = input;
  const n = adjacency.n;
  if (!Number.isInteger(days) || days < 1)
    throw new ValidationError(`days must be a positive integer, got ${days}`);
  if (dailyCounts.length !== days * n) {
    throw new ValidationError(
      `dailyCounts has ${dailyCounts.length} values: expected days × blocks = ${days} × ${n} (day-major)`,
    );
  }
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > days) {
    throw new ValidationError(`windowDays must be an integer in 1..${days}, got ${windowDays}`);
  }
  if (population && population.length !== n) {
    throw new ValidationError(
      `population has ${population.length} values for ${n} blocks: give one per block`,
    );
  }
  if (metric === 'rate') {
    if (!population)
      throw new ValidationError('metric "rate" needs a population per block; use metric "count"');
    for (let i = 0; i < n; i++) {
      if (!(population[i] > 0)) {
        throw new ValidationError(
          `block #${i} has population ${population[i]}: metric "rate" needs > 0 residents in every block; use "count"`,
          { block_index: i },
        );
      }
    }
  }
}

/**
 * Full analysis of one window. Gi* runs on the window totals (count or rate); the trend is
 * Mann-Kendall on the block's daily counts (rank-based, so the same for rates); the pattern
 * classifies Gi* recomputed on each full slice of `sliceDays` days, counted back from the last
 * day (leading days that do not fill a slice take part in the window totals only).
 */
export function analyseHotspots(input: HotspotInput, options: HotspotOptions = {}): HotspotAnalysis {
  const { adjacency, dailyCounts, days, population } = input;
  const n = adjacency.n;
  const metric = options.metric ?? 'count';
  const windowDays = options.windowDays ?? days;
  const sliceDays = options.sliceDays ?? 7;
  const alpha = options.alpha ?? 0.05;
  const fdr = options.fdr ?? false;
  checkInput(input, windowDays, metric);
  if (!Number.isInteger(sliceDays) || sliceDays < 1)
    throw new ValidationError(`sliceDays must be ≥ 1, got ${sliceDays}`);

  const start = days - windowDays;
  const perResident = (v: Float64Array) => {
    if (metric === 'rate' && population) for (let i = 0; i < n; i++) v[i] = (v[i] / population[i]) * 1000;
    return v;
  };
  const sumDays = (from: number, to: number) => {
    const v = new Float64Array(n);
    for (let d = from; d < to; d++) {
      const row = d * n;
      for (let i = 0; i < n; i++) v[i] += dailyCounts[row + i];
    }
    return v;
  };

  const counts = sumDays(start, days);
  const window = giStar(perResident(Float64Array.from(counts)), adjacency);
  const bins = confidenceBins(window.z, window.p, { fdr });

  const slices = Math.floor(windowDays / sliceDays);
  const first = days - slices * sliceDays;
  const sliceBins: Int8Array[] = [];
  const sliceZ: Float64Array[] = [];
  for (let t = 0; t < slices; t++) {
    const from = first + t * sliceDays;
    const g = giStar(perResident(sumDays(from, from + sliceDays)), adjacency);
    sliceZ.push(g.z);
    sliceBins.push(confidenceBins(g.z, g.p, { fdr }));
  }
  const patterns = emergingPatterns(sliceBins, sliceZ, { alpha });

  const blocks: BlockHotspot[] = new Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const trend = mannKendallStrided(dailyCounts, start * n + i, n, windowDays, alpha);
    const pop = population?.[i];
    total += counts[i];
    blocks[i] = {
      block_index: i,
      block_id: adjacency.ids[i] ?? String(i),
      count: counts[i],
      rate: pop !== undefined && pop > 0 ? (counts[i] / pop) * 1000 : null,
      z: window.z[i],
      p: window.p[i],
      bin: bins[i],
      trend: trend.trend,
      trend_z: trend.z,
      trend_p: trend.p,
      pattern: patterns[i] ?? 'none',
    };
  }

  const byBin: Record<string, number> = { '-3': 0, '-2': 0, '-1': 0, '0': 0, '1': 0, '2': 0, '3': 0 };
  for (let i = 0; i < n; i++) byBin[String(bins[i])]++;
  const byPattern = Object.fromEntries(EMERGING_PATTERNS.map((k) => [k, 0])) as Record<
    EmergingPattern,
    number
  >;
  for (const b of blocks) byPattern[b.pattern]++;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => window.z[b] - window.z[a] || a - b);
  const top = order.slice(0, TOP).map((i) => ({
    block_index: i,
    block_id: blocks[i].block_id,
    z: window.z[i],
    bin: bins[i],
    count: counts[i],
  }));

  return {
    blocks,
    summary: {
      metric,
      fdr,
      window_days: windowDays,
      slice_days: sliceDays,
      slices,
      total_count: total,
      by_bin: byBin,
      by_pattern: byPattern,
      top,
    },
  };
}
