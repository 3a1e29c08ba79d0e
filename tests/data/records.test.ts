// Counts, ids, schemas and references of the shipped layers, and proof the checker catches each breakage.
import { describe, expect, it } from 'vitest';
import { checkRecords, EXPECTED_COUNTS } from '../../core/geography/records';
import { copy, rules, shipped } from './helpers';

const layers = () => {
  const files = copy(shipped());
  return {
    townships: files.townships.features,
    communities: files.communities.features,
    blocks: files.blocks.features,
  };
};

describe('shipped records', () => {
  it('have 667 blocks, 135 communities, 15 townships with valid, unique, resolvable properties', () => {
    const { townships, communities, blocks } = shipped();
    expect([blocks.features.length, communities.features.length, townships.features.length]).toEqual([
      667, 135, 15,
    ]);
    expect(
      checkRecords({
        townships: townships.features,
        communities: communities.features,
        blocks: blocks.features,
      }),
    ).toEqual([]);
  });

  it('mark every block synthetic, generation 1, with a readable zh-CN name', () => {
    for (const b of shipped().blocks.features) {
      expect(b.properties.synthetic).toBe(true);
      expect(b.properties.generation).toBe(1);
      expect(b.properties.name).toMatch(/^.+(社区|村)第\d+区块$/);
    }
  });
});

describe('checkRecords catches', () => {
  it('a wrong count', () => {
    const l = layers();
    l.blocks.pop();
    const v = checkRecords(l);
    expect(rules(v)).toContain('count');
    expect(v.find((x) => x.rule === 'count')?.numbers).toEqual({
      expected: EXPECTED_COUNTS.blocks,
      actual: 666,
    });
  });

  it('a duplicated block id', () => {
    const l = layers();
    l.blocks[1].properties.id = l.blocks[0].properties.id;
    expect(rules(checkRecords(l))).toContain('unique_id');
  });

  it('a block pointing at a community that does not exist, or at the wrong township', () => {
    const l = layers();
    l.blocks[0].properties.community_code = '430302999999';
    l.blocks[1].properties.township_code = '430373200';
    const v = checkRecords(l).filter((x) => x.rule === 'reference');
    expect(v.map((x) => x.feature)).toEqual(
      expect.arrayContaining([l.blocks[0].properties.id, l.blocks[1].properties.id]),
    );
  });

  it('a property that breaks the schema', () => {
    const l = layers();
    (l.blocks[0].properties as { population_est: unknown }).population_est = -5;
    expect(rules(checkRecords(l))).toContain('schema');
  });
});
