// Nesting (block ⊂ community ⊂ township ⊂ district), tiling, and coverage of the district without overlap.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkCoverage, measureCoverage } from '../../core/geography/coverage';
import { pointInPolygon } from '../../core/geography/geom';
import { checkTopology } from '../../core/geography/invariants';
import { checkNesting, checkTiling, type NestingSpec } from '../../core/geography/nesting';
import type { BlockProperties, CommunityProperties } from '../../core/geography/schemas';
import { copy, outerRing, rules, sharedEdge, shipped } from './helpers';

type Poly = Polygon | MultiPolygon;
const blockInCommunity: NestingSpec<BlockProperties, CommunityProperties> = {
  childId: (f) => f.properties.id,
  parentOf: (f) => f.properties.community_code,
  parentId: (f) => f.properties.code,
  childName: 'block',
  parentName: 'community',
};
const district = () => shipped().district.features[0].geometry as Poly;
const blocksOf = (fc: { features: unknown[] }) => fc.features as Feature<Poly, BlockProperties>[];
const byId = (f: Feature<Poly, BlockProperties>) => f.properties.id;

describe('shipped layers nest and tile', () => {
  it('pass every topology rule (validity, T-junctions, nesting, tiling)', () => {
    expect(checkTopology(shipped())).toEqual([]);
  });

  it('cover the district: area difference < 0.01 % and overlaps < 10 m²', () => {
    const m = measureCoverage(blocksOf(shipped().blocks), district());
    expect((m.gapM2 + m.outsideM2) / m.districtM2).toBeLessThan(1e-4);
    expect(m.overlapM2).toBeLessThan(10);
    expect(checkCoverage(blocksOf(shipped().blocks), district(), byId)).toEqual([]);
  });
});

describe('the checkers catch', () => {
  it('a block that pokes out of its community', () => {
    const files = copy(shipped());
    const block = files.blocks.features[100];
    for (const p of outerRing(block)) p[0] = Math.round((p[0] + 0.02) * 1e6) / 1e6; // ~2 km east
    const v = checkNesting(files.blocks.features, files.communities.features, blockInCommunity);
    expect(v.map((x) => [x.rule, x.feature])).toEqual([['nesting', block.properties.id]]);
    expect(v[0].numbers?.outside_m).toBeGreaterThan(100);
  });

  it('an overlap: one side of a shared border pushed 40 m into the neighbour', () => {
    const blocks = copy(shipped().blocks);
    const { a, b, i } = sharedEdge(blocks);
    const ring = outerRing(blocks.features[a]);
    const centre = outerRing(blocks.features[b]).reduce((s, p) => [s[0] + p[0], s[1] + p[1]], [0, 0]);
    const n = outerRing(blocks.features[b]).length;
    const target = [centre[0] / n, centre[1] / n];
    const p = ring[i];
    const k = 40 / Math.hypot((target[0] - p[0]) * 98_345, (target[1] - p[1]) * 110_574);
    const moved = [
      Math.round((p[0] + (target[0] - p[0]) * k) * 1e6) / 1e6,
      Math.round((p[1] + (target[1] - p[1]) * k) * 1e6) / 1e6,
    ];
    ring[i] = moved;
    if (i === 0) ring[ring.length - 1] = moved;
    const v = checkCoverage(blocksOf(blocks), district(), byId);
    const total = v.find((x) => x.rule === 'overlap' && x.feature === 'blocks');
    expect(total?.numbers?.overlap_m2).toBeGreaterThan(10);
    const pair = v.find((x) => x.rule === 'overlap' && x.feature !== 'blocks');
    expect([blocks.features[a].properties.id, blocks.features[b].properties.id]).toContain(pair?.feature);
  });

  it('a gap: a rural block removed leaves its community short and the district uncovered', () => {
    const files = copy(shipped());
    const index = files.blocks.features.findIndex((f) => f.properties.area_m2 > 1_000_000);
    const [removed] = files.blocks.features.splice(index, 1);
    const cov = checkCoverage(blocksOf(files.blocks), district(), byId);
    expect(rules(cov)).toEqual(['coverage', 'coverage_gap']);
    expect(cov[0].numbers?.gap_m2).toBeGreaterThan(1_000_000);
    // The hole is also named as one piece, with a point inside it that lies in the removed block.
    const hole = cov.filter((v) => v.rule === 'coverage_gap');
    expect(hole).toHaveLength(1);
    expect(pointInPolygon([hole[0].numbers!.lon, hole[0].numbers!.lat], removed.geometry as Poly)).toBe(true);
    const tiling = checkTiling(files.blocks.features, files.communities.features, blockInCommunity);
    expect(tiling.map((x) => [x.rule, x.feature])).toEqual([['tiling', removed.properties.community_code]]);
  });
});
