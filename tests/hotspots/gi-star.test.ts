// Gi* and its bins: the hand-worked 3×3 golden fixture, FDR, and agreement with the dense textbook formula.
import fc from 'fast-check';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type BlockFeature, queenAdjacency } from '../../core/hotspots/adjacency';
import { BIN_FILL, confidenceBins, fdrCriticalP, giStar } from '../../core/hotspots/gi-star';
import { voronoiCoverage } from './helpers/coverages';
import { REGEN, readFixture, round9, writeFixture } from './helpers/fixtures';
import { denseWeights, naiveGiStar } from './helpers/naive-gi-star';

const SQRT10 = Math.sqrt(10);

/** The numbers of tests/fixtures/hotspots/grid3x3-working.md, worked by hand (z exact, p from erfc). */
const HAND: Record<string, { z: number; p: number; bin: number }> = {
  NW: { z: 7 / SQRT10, p: 0.026856695507524425, bin: 2 },
  N: { z: 4 / 3, p: 0.1824224394517358, bin: 0 },
  NE: { z: 0, p: 1, bin: 0 },
  W: { z: 5 / 3, p: 0.0955807045456294, bin: 1 },
  C: { z: 0, p: 1, bin: 0 },
  E: { z: -1, p: 0.31731050786291415, bin: 0 },
  SW: { z: -2 / SQRT10, p: 0.5270892568655381, bin: 0 },
  S: { z: -2, p: 0.04550026389635844, bin: -2 },
  SE: { z: -5 / SQRT10, p: 0.11384629800665812, bin: 0 },
};

describe('grid3x3 golden fixture', () => {
  const input = readFixture('in', 'grid3x3');
  const blocks = input.features as BlockFeature[];
  const adj = queenAdjacency(blocks);
  const counts = blocks.map((f) => f.properties.count as number);
  const { z, p } = giStar(counts, adj);
  const bins = confidenceBins(z, p);
  const binsFdr = confidenceBins(z, p, { fdr: true });

  it('matches the hand-worked z, p and bin of every block to 1e-6', () => {
    blocks.forEach((f, i) => {
      const hand = HAND[f.properties.name as string];
      expect(z[i]).toBeCloseTo(hand.z, 6);
      expect(p[i]).toBeCloseTo(hand.p, 6);
      expect(bins[i]).toBe(hand.bin);
    });
  });

  it('finds nothing significant once FDR-corrected (9 tests are too few)', () => {
    expect([...binsFdr]).toEqual(new Array(9).fill(0));
  });

  it('matches out/grid3x3.geojson (REGEN=1 rewrites it)', () => {
    const features: Feature[] = blocks.map((f, i) => ({
      type: 'Feature',
      properties: {
        id: f.properties.id,
        name: f.properties.name,
        count: counts[i],
        z: round9(z[i]),
        p: round9(p[i]),
        bin: bins[i],
        bin_fdr: binsFdr[i],
        fill: BIN_FILL[bins[i]],
        'fill-opacity': 0.8,
        stroke: '#555555',
        'stroke-width': 1,
        title: `${f.properties.name}: ${counts[i]} incidents, z = ${z[i].toFixed(3)}, bin ${bins[i]}`,
      },
      geometry: f.geometry,
    }));
    if (REGEN) writeFixture('grid3x3', { type: 'FeatureCollection', features });
    const out = readFixture('out', 'grid3x3');
    expect(out.features).toHaveLength(9);
    out.features.forEach((f, i) => {
      expect(f.properties?.id).toBe(blocks[i].properties.id);
      expect(f.properties?.z).toBeCloseTo(z[i], 6);
      expect(f.properties?.p).toBeCloseTo(p[i], 6);
      expect(f.properties?.bin).toBe(bins[i]);
      expect(f.properties?.bin_fdr).toBe(binsFdr[i]);
      expect(f.properties?.fill).toBe(BIN_FILL[bins[i]]);
    });
  });
});

describe('giStar', () => {
  const cov = voronoiCoverage(120, 7);
  const adj = queenAdjacency(cov.features);
  const w = denseWeights(adj);
  const values = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 120, maxLength: 120 });

  it('agrees with the dense O(n²) textbook formula on a Voronoi coverage', () => {
    fc.assert(
      fc.property(values, (x) => {
        const fast = giStar(x, adj);
        const slow = naiveGiStar(x, w);
        for (let i = 0; i < adj.n; i++) {
          expect(fast.z[i]).toBeCloseTo(slow.z[i], 9);
          expect(fast.p[i]).toBeCloseTo(slow.p[i], 9);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('is unchanged by rescaling and shifting x (counts vs. rates of equal populations)', () => {
    fc.assert(
      fc.property(
        values,
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.double({ min: -50, max: 50 }),
        (x, a, b) => {
          const base = giStar(x, adj);
          const moved = giStar(
            x.map((v) => a * v + b),
            adj,
          );
          for (let i = 0; i < adj.n; i++) expect(moved.z[i]).toBeCloseTo(base.z[i], 4);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('gives z = 0 and p = 1 everywhere when every block has the same value', () => {
    const { z, p } = giStar(new Array(120).fill(3), adj);
    expect(z.every((v) => v === 0)).toBe(true);
    expect(p.every((v) => v === 1)).toBe(true);
  });

  it('rejects a vector of the wrong length or with a non-finite value, saying what to give', () => {
    expect(() => giStar([1, 2, 3], adj)).toThrow(/one value per block/);
    const bad = new Array(120).fill(1);
    bad[5] = Number.NaN;
    expect(() => giStar(bad, adj)).toThrow(/block #5/);
  });
});

describe('confidenceBins', () => {
  it('uses the 90/95/99 % cut-offs with the sign of z', () => {
    const z = [3, 2.2, 1.7, 1, -1.7, -2.2, -3];
    const p = [0.0027, 0.0278, 0.0891, 0.3173, 0.0891, 0.0278, 0.0027];
    expect([...confidenceBins(z, p)]).toEqual([3, 2, 1, 0, -1, -2, -3]);
  });

  it('finds the Benjamini–Hochberg critical p-value (largest p₍ₖ₎ ≤ αk/n)', () => {
    expect(fdrCriticalP([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205], 0.05)).toBe(0.008);
    expect(fdrCriticalP([0.01, 0.02, 0.03, 0.04, 0.05], 0.05)).toBe(0.05);
    expect(fdrCriticalP([0.2, 0.3], 0.05)).toBe(-1);
  });

  it('never makes a block more significant with FDR than without', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 1, maxLength: 300 }),
        (z) => {
          const p = z.map((v) => Math.min(1, 2 * Math.exp(-(v * v) / 2)));
          const plain = confidenceBins(z, p);
          const fdr = confidenceBins(z, p, { fdr: true });
          for (let i = 0; i < z.length; i++) {
            expect(Math.abs(fdr[i])).toBeLessThanOrEqual(Math.abs(plain[i]));
            if (fdr[i] !== 0) expect(Math.sign(fdr[i])).toBe(Math.sign(plain[i]));
          }
        },
      ),
    );
  });
});
