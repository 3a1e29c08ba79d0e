// Request parsing, the local safety net, derived communities/townships, diffs, and the publish check.
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { BlockFeature } from '../../core/blocks/generation';
import { ValidationError } from '../../core/errors';
import { type Coverage, withRing } from '../../core/planner/coverage';
import { deriveAreas } from '../../core/planner/derive';
import { diffCoverages } from '../../core/planner/diff';
import { applyEdit } from '../../core/planner/edits';
import type { EditRejectedError } from '../../core/planner/errors';
import { parseEditOp } from '../../core/planner/ops';
import { validateCoverage } from '../../core/planner/validate-coverage';
import { checkEdit } from '../../core/planner/validate-edit';
import { pos, ring } from './helpers/random-edits';
import { cellId, someRoles, syntheticCoverage } from './helpers/synthetic';

const { coverage: bare, district, reference } = syntheticCoverage();
const start: Coverage = { ...bare, assignments: someRoles(bare.blocks.map((b) => b.properties.id)) };
const get = (c: Coverage, id: string) => c.blocks.find((b) => b.properties.id === id) as BlockFeature;

describe('parseEditOp', () => {
  it('accepts each operation and rejects malformed bodies with a 400 naming the field', () => {
    const move = parseEditOp({ op: 'move_vertex', from: [112.9, 27.9], to: [112.91, 27.9] });
    expect(move.op).toBe('move_vertex');
    for (const body of [
      { op: 'move_vertex', from: [112.9], to: [112.9, 27.9] },
      { op: 'split_block', block: 'B1', line: [[112.9, 27.9]] },
      { op: 'merge_blocks', blocks: [cellId(0, 0)] },
      { op: 'teleport_block', block: cellId(0, 0) },
      { op: 'reassign_block', block: cellId(0, 0), community: '4303', extra: 1 },
      { op: 'assign_cadres', block: cellId(0, 0), governor: 'X1', assistants: [], supervisor: 'C00001' },
    ]) {
      let error: unknown;
      try {
        parseEditOp(body);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(body)).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).status).toBe(400);
      expect((error as ValidationError).code).toBe('INVALID_REQUEST');
    }
  });
});

describe('checkEdit (the local safety net)', () => {
  it('reports EDIT_GAP when a shared corner moves on one side only', () => {
    const block = get(start, cellId(1, 1));
    const r = ring(block);
    const moved = withRing(
      block,
      r.map((p, i) => (i === 4 ? [p[0] + 40, p[1] + 40] : p)),
    );
    let error: unknown;
    try {
      checkEdit(start, { before: [block], after: [moved], geometry: true });
    } catch (e) {
      error = e;
    }
    expect((error as EditRejectedError).code).toBe('EDIT_GAP');
    expect((error as EditRejectedError).details.at).toBeDefined();
  });
});

describe('deriveAreas', () => {
  it('dissolves communities and townships from the blocks, summing population and counting blocks', () => {
    const derived = deriveAreas(start, reference, 2);
    expect(derived.communities.map((c) => c.properties.code)).toEqual([
      '430302001001',
      '430302001002',
      '430302002001',
    ]);
    expect(derived.communities.map((c) => c.properties.blocks)).toEqual([10, 10, 10]);
    const population = start.blocks.reduce((s, b) => s + b.properties.population_est, 0);
    expect(derived.townships.reduce((s, t) => s + t.properties.population_est, 0)).toBe(population);
    expect(derived.blocks.every((b) => b.properties.generation === 2)).toBe(true);
    expect(derived.communities.every((c) => c.geometry.type === 'Polygon')).toBe(true);
  });

  it('follows a reassigned block into its new community and township', () => {
    const moved = applyEdit(start, { op: 'reassign_block', block: cellId(3, 2), community: '430302002001' });
    const derived = deriveAreas(moved.coverage, reference);
    expect(derived.communities.map((c) => c.properties.blocks)).toEqual([10, 9, 11]);
    expect(derived.townships.map((t) => t.properties.blocks)).toEqual([19, 11]);
  });
});

describe('diffCoverages', () => {
  it('lists added, removed and changed blocks with their areas', () => {
    const r = ring(get(start, cellId(2, 2)));
    const x = Math.round((r[0][0] + r[2][0]) / 2);
    const line = [
      [x, r[0][1] - 700],
      [x, r[4][1] + 700],
    ].map(pos);
    const split = applyEdit(start, { op: 'split_block', block: cellId(2, 2), line }).coverage;
    const merged = applyEdit(split, { op: 'merge_blocks', blocks: [cellId(0, 0), cellId(1, 0)] }).coverage;
    const diff = diffCoverages(start, merged);
    expect(diff.added).toEqual(['YH-430302001002-11', 'YH-430302001002-12']);
    expect(diff.removed).toEqual([cellId(1, 0), cellId(2, 2)].sort());
    expect(diff.changed.map((c) => c.id)).toEqual([cellId(0, 0), cellId(2, 1), cellId(2, 3)].sort());
    const first = diff.changed.find((c) => c.id === cellId(0, 0))!;
    expect(first.area_after).toBeGreaterThan(first.area_before * 1.5);
    expect(diffCoverages(start, start)).toEqual({ added: [], removed: [], changed: [] });
    expect(diffCoverages(start, deriveAreas(start, reference, 9).blocks)).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
  });
});

describe('validateCoverage (publish)', () => {
  it('passes a clean draft, and one after a few edits', () => {
    expect(validateCoverage(start, district, reference, { minAreaM2: 2_000 })).toEqual([]);
    let c = applyEdit(start, { op: 'merge_blocks', blocks: [cellId(0, 0), cellId(1, 0)] }).coverage;
    c = applyEdit(c, { op: 'reassign_block', block: cellId(3, 3), community: '430302002001' }).coverage;
    expect(validateCoverage(c, district, reference, { minAreaM2: 2_000 })).toEqual([]);
  });

  it('reports overlaps, gaps, missing cadres and small blocks that bypassed the engine', () => {
    const block = get(start, cellId(1, 1));
    const r = ring(block);
    const bulged = withRing(
      block,
      r.map((p, i) => (i === 4 ? [p[0] + 300, p[1] + 300] : p)),
    );
    const blocks = start.blocks.map((b) => (b === block ? bulged : b));
    const { [cellId(0, 0)]: _, ...assignments } = start.assignments;
    const rules = validateCoverage({ ...start, blocks, assignments }, district, reference, {
      minAreaM2: 60_000,
    }).map((v) => v.rule);
    expect(rules).toEqual(expect.arrayContaining(['overlap', 'geometry_valid', 'min_area', 'assignment']));
  });

  it('reports a district outline the blocks no longer follow', () => {
    const shrunk: Polygon = {
      type: 'Polygon',
      coordinates: [
        district.coordinates[0]
          .map(([x, y]) => [x, y])
          .slice(0, -1)
          .concat([district.coordinates[0][0]]),
      ],
    };
    shrunk.coordinates[0][3] = [shrunk.coordinates[0][3][0], shrunk.coordinates[0][3][1] + 0.0005];
    const rules = validateCoverage(start, shrunk, reference, { minAreaM2: 2_000 }).map((v) => v.rule);
    expect(rules).toContain('coverage');
  });
});
