// Mann-Kendall against a published worked example with a tie, and its behaviour on trends and noise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mannKendall, mannKendallStrided } from '../../core/hotspots/mann-kendall';
import { erfc, normalCdf, twoSidedP } from '../../core/hotspots/normal';
import { poisson, seededRandom, shuffled } from './helpers/random';

describe('mannKendall', () => {
  it('reproduces the Holy Cross "by hand" example (14 values, one tied pair)', () => {
    // J. Little, "A Mann-Kendall Example (By Hand)", College of the Holy Cross: S = 54,
    // V = 14·13·33/18 − 2·1·9/18 = 332.667, Z = (S − 1)/√V = 2.9058, one-sided p ≈ 0.0018.
    const series = [12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7];
    const r = mannKendall(series);
    expect(r.s).toBe(54);
    expect(r.varS).toBeCloseTo((14 * 13 * 33) / 18 - (2 * 1 * 9) / 18, 9);
    expect(r.varS).toBeCloseTo(332.6666667, 6);
    expect(r.z).toBeCloseTo(53 / Math.sqrt(332.6666666666667), 9);
    expect(r.z).toBeCloseTo(2.9058, 4);
    expect(r.p / 2).toBeCloseTo(0.0018, 4);
    expect(r.trend).toBe('up');
  });

  it('corrects the variance for groups of ties: t(t−1)(2t+5) per group', () => {
    // n = 6, ties {1,1} and {3,3,3}: Var = [6·5·17 − 2·1·9 − 3·2·11]/18 = (510 − 18 − 66)/18.
    const r = mannKendall([1, 3, 1, 3, 3, 7]);
    expect(r.varS).toBeCloseTo(426 / 18, 12);
    // S by first element: 1 → +1 0 +1 +1 +1 = 4; 3 → −1 0 0 +1 = 0; 1 → 3; 3 → 0 +1 = 1; 3 → 1; S = 9.
    expect(r.s).toBe(9);
  });

  it('finds a strictly monotone series significant in its direction', () => {
    const up = Array.from({ length: 30 }, (_, i) => i * 0.5 + 1);
    expect(mannKendall(up).trend).toBe('up');
    expect(mannKendall(up).s).toBe((30 * 29) / 2);
    expect(mannKendall([...up].reverse()).trend).toBe('down');
  });

  it('finds a shuffled constant-mean series not significant (≈ 5 % of seeds at α = 0.05)', () => {
    const rnd = seededRandom(11);
    const base = Array.from({ length: 90 }, () => poisson(rnd, 3));
    expect(mannKendall(shuffled(base, seededRandom(1))).trend).toBe('none');
    let rejected = 0;
    const runs = 400;
    for (let seed = 0; seed < runs; seed++)
      if (mannKendall(shuffled(base, seededRandom(seed))).p < 0.05) rejected++;
    expect(rejected / runs).toBeGreaterThan(0.02);
    expect(rejected / runs).toBeLessThan(0.09);
  });

  it('counts S exactly like the O(n²) definition, ties included', () => {
    const naiveS = (xs: number[]) => {
      let s = 0;
      for (let i = 0; i < xs.length; i++)
        for (let j = i + 1; j < xs.length; j++) s += Math.sign(xs[j] - xs[i]);
      return s;
    };
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.double({ min: -5, max: 5, noNaN: true }))),
        (xs) => {
          expect(mannKendall(xs).s).toBe(naiveS(xs));
        },
      ),
    );
  });

  it('has S antisymmetric under time reversal and z = 0 for a constant series', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 60 }), (xs) => {
        expect(mannKendall([...xs].reverse()).s + mannKendall(xs).s).toBe(0);
      }),
    );
    expect(mannKendall([4, 4, 4, 4]).z).toBe(0);
    expect(mannKendall([4, 4, 4, 4]).trend).toBe('none');
  });

  it('reads a strided column exactly like the copied series', () => {
    const days = 20;
    const blocks = 3;
    const rnd = seededRandom(4);
    const matrix = Array.from({ length: days * blocks }, () => poisson(rnd, 2));
    const column = Array.from({ length: days }, (_, d) => matrix[d * blocks + 1]);
    const strided = mannKendallStrided(matrix, 1, blocks, days);
    expect(strided).toEqual(mannKendall(column));
  });
});

describe('normal distribution', () => {
  it('matches reference values of erfc and Φ to better than 1e-7', () => {
    // Reference: Python math.erfc / standard tables.
    expect(erfc(0)).toBe(1);
    expect(erfc(0.5)).toBeCloseTo(0.4795001221869535, 12);
    expect(erfc(1)).toBeCloseTo(0.15729920705028513, 12);
    expect(erfc(2)).toBeCloseTo(0.004677734981047266, 12);
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 9);
    expect(erfc(5) / 1.5374597944280349e-12).toBeCloseTo(1, 9);
    expect(erfc(-1)).toBeCloseTo(1.8427007929497148, 12);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(twoSidedP(1.6448536269514722)).toBeCloseTo(0.1, 12);
    expect(twoSidedP(2.5758293035489004)).toBeCloseTo(0.01, 12);
  });

  it('is a distribution: Φ(−x) = 1 − Φ(x), monotone, within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -12, max: 12, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (x, d) => {
          expect(normalCdf(-x)).toBeCloseTo(1 - normalCdf(x), 14);
          expect(normalCdf(x + d)).toBeGreaterThanOrEqual(normalCdf(x));
          expect(normalCdf(x)).toBeGreaterThanOrEqual(0);
          expect(normalCdf(x)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
