// Coverage per piece (#8): a real gap or bulge is refused however small its share of the district; slivers pass.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkCoverage, measureCoverage } from '../../core/geography/coverage';
import { M_PER_DEG_LAT, M_PER_DEG_LON, pointInPolygon } from '../../core/geography/geom';
import { pieceSize } from '../../core/geography/pieces';
import type { BlockProperties } from '../../core/geography/schemas';
import { shipped } from './helpers';

type Poly = Polygon | MultiPolygon;
type Block = Feature<Poly, { id: string }>;

// A synthetic 10 km × 10 km district near Yuhu (100 km²: 0.01 % of it is 10,000 m²), tiled by a west and an
// east block meeting along x = 5,000 m. Rings are written in metres east/north of the south-west corner.
const LON0 = 112.85;
const LAT0 = 27.9;
const lonLat = ([x, y]: number[]) => [LON0 + x / M_PER_DEG_LON, LAT0 + y / M_PER_DEG_LAT];
const toMetres = ([lon, lat]: number[]) => [(lon - LON0) * M_PER_DEG_LON, (lat - LAT0) * M_PER_DEG_LAT];
const polygon = (...rings: number[][][]): Polygon => ({
  type: 'Polygon',
  coordinates: rings.map((r) => [...r, r[0]].map(lonLat)),
});
const block = (id: string, ...rings: number[][][]): Block => ({
  type: 'Feature',
  properties: { id },
  geometry: polygon(...rings),
});
const district = polygon([
  [0, 0],
  [10_000, 0],
  [10_000, 10_000],
  [0, 10_000],
]);
const WEST = [
  [0, 0],
  [5_000, 0],
  [5_000, 10_000],
  [0, 10_000],
];
const EAST = [
  [5_000, 0],
  [10_000, 0],
  [10_000, 10_000],
  [5_000, 10_000],
];
const byId = (b: Block) => b.properties.id;
const check = (blocks: Block[]) => checkCoverage(blocks, district, byId);
/** A counter-clockwise w × h rectangle with its south-west corner at (x, y), in metres. */
const rect = (x: number, y: number, w: number, h: number) => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
];
/** Gap and outside pieces summed, as a share (%) of the district: what the 0.01 % rule looks at. */
const differencePct = (blocks: Block[]) => {
  const m = measureCoverage(blocks, district);
  return ((m.gapM2 + m.outsideM2) / m.districtM2) * 100;
};

describe('checkCoverage, piece by piece', () => {
  it('accepts the exact tiling', () => {
    expect(check([block('W', WEST), block('E', EAST)])).toEqual([]);
  });

  it('refuses a 30 m × 30 m hole between two neighbours (0.0009 % of the district) and says where it is', () => {
    // Both blocks step back 15 m from their shared border between y = 5,000 and 5,030 m.
    const west = block('W', [
      [0, 0],
      [5_000, 0],
      [5_000, 5_000],
      [4_985, 5_000],
      [4_985, 5_030],
      [5_000, 5_030],
      [5_000, 10_000],
      [0, 10_000],
    ]);
    const east = block('E', [
      [5_000, 0],
      [10_000, 0],
      [10_000, 10_000],
      [5_000, 10_000],
      [5_000, 5_030],
      [5_015, 5_030],
      [5_015, 5_000],
      [5_000, 5_000],
    ]);
    expect(differencePct([west, east])).toBeLessThan(0.001); // far below the total rule's 0.01 %
    const violations = check([west, east]);
    expect(violations.map((v) => [v.rule, v.feature])).toEqual([['coverage_gap', 'blocks']]);
    const { lon, lat, area_m2, width_m } = violations[0].numbers!;
    expect(area_m2).toBeGreaterThan(890);
    expect(area_m2).toBeLessThan(910);
    expect(width_m).toBeGreaterThan(14); // 2 × 900 / 120
    // The point is on the 1e-6° grid, inside the hole and in neither block; the message names it.
    expect([lon, lat].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([lon, lat]);
    const [x, y] = toMetres([lon, lat]);
    expect(x).toBeGreaterThan(4_985);
    expect(x).toBeLessThan(5_015);
    expect(y).toBeGreaterThan(5_000);
    expect(y).toBeLessThan(5_030);
    expect([west, east].filter((b) => pointInPolygon([lon, lat], b.geometry))).toEqual([]);
    expect(violations[0].message).toContain(JSON.stringify([lon, lat]));
    expect(violations[0].message).toMatch(/^gap of 9\d\d\.\d m² \(mean width 1\d\.\d\d m\) at \[/);
  });

  it('accepts a rounding sliver along a shared border: 10 km long, 0.05 m wide on average (500 m²)', () => {
    // The west block's border bends 0.1 m west at its middle (one grid step): a thin triangle no block covers.
    const west = block('W', [
      [0, 0],
      [5_000, 0],
      [4_999.9, 5_000],
      [5_000, 10_000],
      [0, 10_000],
    ]);
    const east = block('E', EAST);
    const [sliver] = measureCoverage([west, east], district).gaps;
    const size = pieceSize(sliver);
    expect(size.areaM2).toBeGreaterThan(400); // well above 1 m²: only its width makes it a sliver
    expect(size.widthM).toBeGreaterThan(0.04);
    expect(size.widthM).toBeLessThan(0.06);
    expect(check([west, east])).toEqual([]);
  });

  it('accepts a thin hole of about 1 m² (20 m × 0.06 m) but refuses a square one of the same area', () => {
    const thin = block('W', WEST, rect(1_000, 1_000, 20, 0.06).reverse());
    const [piece] = measureCoverage([thin, block('E', EAST)], district).gaps;
    expect(pieceSize(piece).areaM2).toBeGreaterThan(1);
    expect(pieceSize(piece).widthM).toBeLessThan(0.1);
    expect(check([thin, block('E', EAST)])).toEqual([]);

    const square = block('W', WEST, rect(1_000, 1_000, 1.1, 1.1).reverse());
    expect(check([square, block('E', EAST)]).map((v) => v.rule)).toEqual(['coverage_gap']);
  });

  it('accepts a wide hole under 1 m² (0.8 m × 0.8 m)', () => {
    const small = block('W', WEST, rect(1_000, 1_000, 0.8, 0.8).reverse());
    expect(check([small, block('E', EAST)])).toEqual([]);
  });

  it('refuses a 40 m × 50 m bulge over the district outline and says where it is', () => {
    const east = block('E', [
      [5_000, 0],
      [10_000, 0],
      [10_000, 3_000],
      [10_040, 3_000],
      [10_040, 3_050],
      [10_000, 3_050],
      [10_000, 10_000],
      [5_000, 10_000],
    ]);
    expect(differencePct([block('W', WEST), east])).toBeLessThan(0.01);
    const violations = check([block('W', WEST), east]);
    expect(violations.map((v) => v.rule)).toEqual(['coverage_outside']);
    const { lon, lat, area_m2 } = violations[0].numbers!;
    expect(area_m2).toBeGreaterThan(1_950);
    expect(area_m2).toBeLessThan(2_050);
    const [x, y] = toMetres([lon, lat]);
    expect(x).toBeGreaterThan(10_000);
    expect(x).toBeLessThan(10_040);
    expect(y).toBeGreaterThan(3_000);
    expect(y).toBeLessThan(3_050);
    expect(pointInPolygon([lon, lat], district)).toBe(false);
    expect(violations[0].message).toMatch(/^bulge of .* outside the district/);
  });

  it('lists several pieces biggest first, each with its own place', () => {
    const west = block('W', WEST, rect(1_000, 1_000, 5, 5).reverse(), rect(2_000, 2_000, 10, 10).reverse());
    const violations = check([west, block('E', EAST)]);
    expect(violations.map((v) => v.rule)).toEqual(['coverage_gap', 'coverage_gap']);
    // The 10 m square at (2,000, 2,000) m first, then the 5 m one at (1,000, 1,000) m.
    const near = (v: (typeof violations)[number]) =>
      toMetres([v.numbers!.lon, v.numbers!.lat]).map((m) => Math.floor(m / 100) * 100);
    expect(violations.map(near)).toEqual([
      [2_000, 2_000],
      [1_000, 1_000],
    ]);
  });
});

describe('the shipped blocks', () => {
  it('leave only slivers: every gap and outside piece is under half the 0.1 m mean width', () => {
    const files = shipped();
    const m = measureCoverage(
      files.blocks.features as Feature<Poly, BlockProperties>[],
      files.district.features[0].geometry as Poly,
    );
    const widths = [...m.gaps, ...m.outside].map((p) => pieceSize(p).widthM);
    expect(widths.length).toBeGreaterThan(0);
    expect(Math.max(...widths)).toBeLessThan(0.05);
  });
});
