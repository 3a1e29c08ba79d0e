// Assets lie in the blocks they name (Baishi path 1.70 ± 0.05 km); cadre roles per block; departments.
import length from '@turf/length';
import type { Feature, Geometry, LineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkAssets } from '../../core/geography/assets-check';
import { checkCadres, checkDepartments } from '../../core/geography/cadres-check';
import type { CadresFile } from '../../core/geography/schemas';
import { copy, rules, shipped } from './helpers';

type AnyFeature = Feature<Geometry, Record<string, unknown>>;
const assets = () => copy(shipped().assets!.features) as AnyFeature[];
const townshipCodes = () => shipped().townships.features.map((t) => t.properties.code);

describe('shipped assets', () => {
  it('all lie in the block they name, with the required kinds and counts', () => {
    expect(checkAssets(assets(), shipped().blocks.features, townshipCodes())).toEqual([]);
  });

  it('include Baishi Park in 白石社区 with a closed 1.70 ± 0.05 km health path and its stage', () => {
    const all = assets();
    const path = all.find((a) => a.properties.kind === 'health_path')!;
    const park = all.find((a) => a.properties.name === '白石公园')!;
    expect(park.properties.community_code).toBe('430302006104');
    expect(park.geometry.type).toBe('Polygon');
    expect(Math.abs(length(path) - 1.7)).toBeLessThan(0.05);
    const c = (path.geometry as LineString).coordinates;
    expect(c[0]).toEqual(c[c.length - 1]);
    expect(
      all.some((a) => a.properties.kind === 'stage' && a.properties.block_id === park.properties.block_id),
    ).toBe(true);
  });
});

describe('checkAssets catches', () => {
  it('an asset outside the block it names', () => {
    const all = assets();
    const canteen = all.find((a) => a.properties.kind === 'canteen')!;
    (canteen.geometry as Point).coordinates[0] += 0.05;
    const v = checkAssets(all, shipped().blocks.features, townshipCodes());
    expect(v.map((x) => [x.rule, x.feature])).toEqual([['asset_in_block', canteen.properties.id]]);
  });

  it('a health path that is too short, and a missing kind', () => {
    const all = assets().filter((a) => a.properties.kind !== 'gig_market');
    const path = all.find((a) => a.properties.kind === 'health_path')!;
    const c = (path.geometry as LineString).coordinates;
    const [cx, cy] = [c[0][0], c[0][1]];
    for (const p of c) [p[0], p[1]] = [cx + (p[0] - cx) * 0.9, cy + (p[1] - cy) * 0.9];
    const v = checkAssets(all, shipped().blocks.features, townshipCodes());
    expect(rules(v)).toEqual(expect.arrayContaining(['asset_counts', 'baishi_path']));
    expect(v.find((x) => x.rule === 'baishi_path')?.numbers?.length_km).toBeLessThan(1.65);
  });
});

describe('cadres and departments', () => {
  const cadres = () => copy(shipped().cadres) as CadresFile;

  it('give every block exactly one governor, ≥ 1 assistant and one supervisor; 85 doctor teams cover all blocks', () => {
    const file = cadres();
    expect(checkCadres(file, shipped().blocks.features)).toEqual([]);
    expect(file.cadres.length).toBeGreaterThan(3000);
    expect(file.doctor_teams).toHaveLength(85);
    expect(file.cadres.every((c) => /^100-0000-\d{4}$/.test(c.phone) && c.synthetic)).toBe(true);
  });

  it('catch a block without assignment, an unknown governor and a block in two doctor teams', () => {
    const file = cadres();
    const dropped = file.assignments.pop()!;
    file.assignments[0].governor = 'C99999';
    file.doctor_teams[1].blocks.push(file.doctor_teams[0].blocks[0]);
    const v = checkCadres(file, shipped().blocks.features);
    expect(v.find((x) => x.feature === dropped.block_id)?.rule).toBe('cadre_roles');
    expect(v.some((x) => x.rule === 'cadre_roles' && x.message.includes('C99999'))).toBe(true);
    expect(v.some((x) => x.rule === 'doctor_teams' && x.feature === file.doctor_teams[0].blocks[0])).toBe(
      true,
    );
  });

  it('route every incident category to a department that takes it', () => {
    expect(checkDepartments(shipped().departments)).toEqual([]);
    const broken = copy(shipped().departments) as { departments: { key: string; categories: string[] }[] };
    broken.departments.find((d) => d.key === 'water')!.categories = ['noise'];
    expect(checkDepartments(broken).map((x) => x.feature)).toContain('flooding');
  });
});
