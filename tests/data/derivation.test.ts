// Communities and townships are derived data: dissolving blocks reproduces them, also after a planner's move.
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { adjacency } from '../../core/geography/adjacency';
import { dissolve } from '../../core/geography/dissolve';
import { checkTiling } from '../../core/geography/nesting';
import type { BlockProperties, CommunityProperties } from '../../core/geography/schemas';
import { findTJunctions } from '../../core/geography/topology';
import { copy, shipped } from './helpers';

const URBAN = /^43030200[1-8]$/;

describe('derived layers', () => {
  it('communities and townships equal the dissolve of their blocks, vertex for vertex', () => {
    const blocks = shipped().blocks.features;
    const communities = dissolve(
      blocks.map((b) => ({ group: b.properties.community_code, geometry: b.geometry as Polygon })),
    );
    for (const c of shipped().communities.features)
      expect(communities.get(c.properties.code)).toEqual(c.geometry);
    const townships = dissolve(
      blocks.map((b) => ({ group: b.properties.township_code, geometry: b.geometry as Polygon })),
    );
    for (const t of shipped().townships.features)
      expect(townships.get(t.properties.code)).toEqual(t.geometry);
  });

  it('re-derive cleanly when a planner moves a border block to the neighbouring community', () => {
    const blocks = copy(shipped().blocks.features) as Feature<Polygon | MultiPolygon, BlockProperties>[];
    const neighbours = adjacency(blocks.map((b) => b.geometry));
    const i = blocks.findIndex((b, k) =>
      [...neighbours[k].keys()].some(
        (j) =>
          blocks[j].properties.township_code === b.properties.township_code &&
          blocks[j].properties.community_code !== b.properties.community_code,
      ),
    );
    const j = [...neighbours[i].keys()].find(
      (k) =>
        blocks[k].properties.community_code !== blocks[i].properties.community_code &&
        blocks[k].properties.township_code === blocks[i].properties.township_code,
    )!;
    blocks[i].properties.community_code = blocks[j].properties.community_code;
    const derived = dissolve(
      blocks.map((b) => ({ group: b.properties.community_code, geometry: b.geometry })),
    );
    const communities: Feature<Geometry, CommunityProperties>[] = copy(shipped().communities.features).map(
      (c) => ({ ...c, geometry: derived.get(c.properties.code)! }),
    );
    expect(findTJunctions(communities, (c) => c.properties.code)).toEqual([]);
    const spec = {
      childId: (b: Feature<Geometry, BlockProperties>) => b.properties.id,
      parentOf: (b: Feature<Geometry, BlockProperties>) => b.properties.community_code,
      parentId: (c: Feature<Geometry, CommunityProperties>) => c.properties.code,
      childName: 'block',
      parentName: 'community',
    };
    expect(checkTiling(blocks, communities, spec)).toEqual([]);
  });
});

describe('plausibility', () => {
  const blocks = () => shipped().blocks.features;

  it('puts about 326 blocks in the 8 urban subdistricts and about 600,000 residents in the district', () => {
    expect(blocks().filter((b) => URBAN.test(b.properties.township_code)).length).toBe(326);
    const people = blocks().reduce((s, b) => s + b.properties.population_est, 0);
    expect(Math.abs(people - 600_000)).toBeLessThan(10_000);
  });

  it('makes urban blocks small and rural blocks large', () => {
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const urban = median(
      blocks()
        .filter((b) => URBAN.test(b.properties.township_code))
        .map((b) => b.properties.area_m2),
    );
    const rural = median(
      blocks()
        .filter((b) => !URBAN.test(b.properties.township_code))
        .map((b) => b.properties.area_m2),
    );
    expect(urban).toBeLessThan(200_000);
    expect(rural / urban).toBeGreaterThan(5);
  });

  it('gives the exclaves to real neighbouring townships (鹤岭镇, 姜畲镇)', () => {
    const multi = shipped()
      .townships.features.filter((t) => t.geometry.type === 'MultiPolygon')
      .map((t) => t.properties.name);
    expect(multi.sort()).toEqual(['姜畲镇', '鹤岭镇']);
  });
});
