// Emerging patterns: hand-built slice histories (12 weekly slices) produce each pattern, hot and cold.
import { describe, expect, it } from 'vitest';
import { EMERGING_PATTERNS, emergingPattern, emergingPatterns } from '../../core/hotspots/emerging';

/** A history from a string of bins, one character per slice: '3' '2' '1' '.' (0) 'c' (−1) 'C' (−3). */
function history(code: string, z?: number[]) {
  const bins = [...code].map((ch) => (ch === '.' ? 0 : ch === 'c' ? -1 : ch === 'C' ? -3 : Number(ch)));
  const zs = z ?? bins.map((b) => [0, 1.8, 2.2, 3][Math.abs(b)] * Math.sign(b));
  return { bins, z: zs };
}

const flat = [3.1, 2.9, 3.2, 3.0, 2.8, 3.1, 3.3, 2.9, 3.0, 3.2, 2.9, 3.1];
const rising = Array.from({ length: 12 }, (_, t) => 2 + 0.3 * t);

const CASES: [string, ReturnType<typeof history>, string][] = [
  ['never hot', history('............'), 'none'],
  ['hot only in the final slice', history('...........3'), 'new'],
  ['hot only in the final slice, cold before', history('..C........2'), 'new'],
  ['hot for the last three slices, never before', history('.........233'), 'consecutive'],
  ['hot in 12/12 slices with z rising', history('333333333333', rising), 'intensifying'],
  ['hot in 12/12 slices with z falling', history('333333333333', [...rising].reverse()), 'diminishing'],
  ['hot in 11/12 slices, no trend', history('33.333333333', flat), 'persistent'],
  ['hot on and off, final slice hot, never cold', history('.1..2.3..1.2'), 'sporadic'],
  ['hot on and off, final slice hot, once cold', history('.1c.2....1.2'), 'oscillating'],
  ['hot in 11/12 slices but not the final one', history('33333333333.'), 'historical'],
  ['hot a few times but not now', history('..1..2..3...'), 'none'],
  ['hot for 10/12 slices (< 90 %) ending hot after a gap', history('3333.33333.3', flat), 'sporadic'],
];

describe('emergingPattern', () => {
  it.each(CASES)('%s → %s', (_, h, expected) => {
    expect(emergingPattern(h.bins, h.z)).toBe(expected);
  });

  it('covers every documented pattern', () => {
    expect(new Set(CASES.map((c) => c[2]))).toEqual(new Set(EMERGING_PATTERNS));
  });

  it('classifies cold spots with the same names when asked for the cold side', () => {
    const mirror = (h: ReturnType<typeof history>) => ({
      bins: h.bins.map((b) => -b),
      z: h.z.map((v) => -v),
    });
    for (const [, h, expected] of CASES) {
      expect(emergingPattern(mirror(h).bins, mirror(h).z, { side: 'cold' })).toBe(expected);
    }
    // and a cold history is no hot pattern
    expect(emergingPattern([-3, -3, -3], [-3, -3, -3])).toBe('none');
  });

  it('calls a single hot slice new, not persistent', () => {
    expect(emergingPattern([2], [2.1])).toBe('new');
  });

  it('needs one z-score per bin', () => {
    expect(() => emergingPattern([1, 2], [1])).toThrow(/one of each per slice/);
  });
});

describe('emergingPatterns', () => {
  it('reads slice-major histories (sliceBins[t][i]) block by block', () => {
    const a = history('...........3');
    const b = history('333333333333', rising);
    const sliceBins = a.bins.map((_, t) => Int8Array.from([a.bins[t], b.bins[t]]));
    const sliceZ = a.z.map((_, t) => Float64Array.from([a.z[t], b.z[t]]));
    expect(emergingPatterns(sliceBins, sliceZ)).toEqual(['new', 'intensifying']);
  });
});
