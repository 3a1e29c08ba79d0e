// move_vertex, reassign_block, assign_cadres and locked borders on the synthetic grid, with the rules they enforce.
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../core/planner/edits';
import type { EditOp } from '../../core/planner/ops';
import { code, corner, get, has, refused, start } from './helpers/grid';
import { type Pt, pos } from './helpers/random-edits';
import { cellId, syntheticCoverage } from './helpers/synthetic';

describe('move_vertex', () => {
  it('moves a shared corner in every block that has it', () => {
    const v = corner(1, 1, 4);
    const to: Pt = [v[0] + 50, v[1] - 30];
    const { coverage, changed } = applyEdit(start, { op: 'move_vertex', from: pos(v), to: pos(to) });
    expect(changed).toEqual([cellId(1, 1), cellId(1, 2), cellId(2, 1), cellId(2, 2)].sort());
    for (const id of changed) expect(has(get(coverage, id), to) && !has(get(coverage, id), v)).toBe(true);
  });

  it('refuses a move to where it is, and onto another corner', () => {
    const v = corner(1, 1, 4);
    expect(code({ op: 'move_vertex', from: pos(v), to: pos(v) })).toBe('EDIT_NO_CHANGE');
    expect(code({ op: 'move_vertex', from: pos(v), to: pos(corner(1, 1, 3)) })).toBe('EDIT_VERTEX_COLLISION');
  });

  it('refuses a move within 0.15 m of another block border (a near T-junction)', () => {
    // The west middle corner of cell (1, 1), moved to just above (≤ 1 µ° ≈ 0.11 m) its south edge.
    const [p, q] = [corner(1, 1, 0), corner(1, 1, 1)];
    const x = Math.round((p[0] + q[0]) / 2);
    const y = Math.floor(p[1] + ((q[1] - p[1]) * (x - p[0])) / (q[0] - p[0])) + 1;
    const error = refused({ op: 'move_vertex', from: pos(corner(1, 1, 7)), to: pos([x, y]) });
    expect(error.code).toBe('EDIT_T_JUNCTION');
    expect(error.details).toMatchObject({ at: [pos([x, y])], blocks: [cellId(1, 0)] });
  });
});

describe('a corner moved across the far side of a triangle', () => {
  it('is refused as EDIT_OVERLAP: the triangle would turn clockwise over its neighbour', () => {
    // Cut the north-east corner of cell (1, 1) off as a triangle, then push that corner across the cut.
    const [e, v, n] = [corner(1, 1, 3), corner(1, 1, 4), corner(1, 1, 5)];
    const a: Pt = [Math.round((e[0] + v[0]) / 2), Math.round((e[1] + v[1]) / 2)];
    const b: Pt = [Math.round((n[0] + v[0]) / 2), Math.round((n[1] + v[1]) / 2)];
    const line: Pt[] = [
      [a[0] + (a[0] - b[0]), a[1] + (a[1] - b[1])],
      [b[0] + (b[0] - a[0]), b[1] + (b[1] - a[1])],
    ];
    const cut = applyEdit(
      start,
      { op: 'split_block', block: cellId(1, 1), line: line.map(pos) },
      { minAreaM2: 100 },
    );
    const across: Pt = [
      Math.round((a[0] + b[0]) / 2 + ((a[0] + b[0]) / 2 - v[0]) * 0.3),
      Math.round((a[1] + b[1]) / 2 + ((a[1] + b[1]) / 2 - v[1]) * 0.3),
    ];
    const error = refused(
      { op: 'move_vertex', from: pos(v), to: pos(across) },
      { minAreaM2: 100 },
      cut.coverage,
    );
    expect(error.code).toBe('EDIT_OVERLAP');
    expect(error.details.blocks).toEqual(['YH-430302001001-12']);
  });
});

describe('a community with one block', () => {
  it('keeps it: EDIT_COMMUNITY_EMPTY', () => {
    const tiny = syntheticCoverage(3, 1).coverage;
    const only = tiny.blocks.find((b) => b.properties.community_code === '430302001002')!;
    expect(
      code({ op: 'reassign_block', block: only.properties.id, community: '430302001001' }, {}, tiny),
    ).toBe('EDIT_COMMUNITY_EMPTY');
  });
});

describe('locked borders', () => {
  const communityCorner = corner(1, 1, 4); // between 甲一 and 甲二 (same township)
  const townshipCorner = corner(3, 1, 4); // between 甲二社区 and 乙一村 (different townships)
  const move = (v: Pt): EditOp => ({ op: 'move_vertex', from: pos(v), to: pos([v[0] + 20, v[1] + 20]) });

  it('community borders move unless locked; township borders unless townships or communities are locked', () => {
    expect(() => applyEdit(start, move(communityCorner))).not.toThrow();
    expect(() => applyEdit(start, move(communityCorner), { lockedBorders: 'township' })).not.toThrow();
    expect(code(move(communityCorner), { lockedBorders: 'community' })).toBe('EDIT_LOCKED_BORDER');
    expect(code(move(townshipCorner), { lockedBorders: 'township' })).toBe('EDIT_LOCKED_BORDER');
    expect(
      code(
        { op: 'reassign_block', block: cellId(1, 0), community: '430302001002' },
        { lockedBorders: 'community' },
      ),
    ).toBe('EDIT_LOCKED_BORDER');
  });
});

describe('reassign_block', () => {
  it('moves a block to a bordering community under a new id there; cadres follow, township follows', () => {
    const id = cellId(3, 0);
    const { coverage, added, removed } = applyEdit(start, {
      op: 'reassign_block',
      block: id,
      community: '430302002001',
    });
    expect(removed).toEqual([id]);
    expect(added).toEqual(['YH-430302002001-11']);
    const moved = get(coverage, added[0]).properties;
    expect(moved).toMatchObject({
      community_name: '乙一村',
      township_code: '430302002',
      township_name: '乙镇',
      name: '乙一村第11区块',
    });
    expect(get(coverage, added[0]).geometry).toEqual(get(start, id).geometry);
    expect(coverage.assignments[added[0]]).toEqual(start.assignments[id]);
  });

  it('refuses a community the block does not border, an unknown one, and its own', () => {
    expect(code({ op: 'reassign_block', block: cellId(1, 0), community: '430302002001' })).toBe(
      'EDIT_OUTSIDE_COMMUNITY',
    );
    expect(code({ op: 'reassign_block', block: cellId(1, 0), community: '430302009009' })).toBe(
      'EDIT_UNKNOWN_COMMUNITY',
    );
    expect(code({ op: 'reassign_block', block: cellId(1, 0), community: '430302001001' })).toBe(
      'EDIT_NO_CHANGE',
    );
  });

  it('refuses to cut the old community in two', () => {
    const c = applyEdit(start, {
      op: 'reassign_block',
      block: cellId(1, 2),
      community: '430302001002',
    }).coverage;
    expect(code({ op: 'reassign_block', block: cellId(0, 2), community: '430302001002' }, {}, c)).toBe(
      'EDIT_COMMUNITY_SPLIT',
    );
  });
});

describe('assign_cadres', () => {
  const id = cellId(2, 2);
  const op: EditOp = {
    op: 'assign_cadres',
    block: id,
    governor: 'C01001',
    assistants: ['C01002', 'C01003'],
    supervisor: 'C01004',
  };

  it('records who serves a block; the same roles again change nothing', () => {
    const first = applyEdit(start, op);
    expect(first.changed).toEqual([id]);
    expect(first.coverage.assignments[id]).toEqual({
      governor: 'C01001',
      assistants: ['C01002', 'C01003'],
      supervisor: 'C01004',
    });
    expect(first.coverage.blocks).toEqual(start.blocks);
    expect(applyEdit(first.coverage, op).changed).toEqual([]);
  });

  it('refuses one person in two roles and unknown blocks', () => {
    expect(code({ ...op, supervisor: 'C01001' })).toBe('EDIT_CADRE_ROLES');
    expect(code({ ...op, block: 'YH-430302001001-99' })).toBe('EDIT_UNKNOWN_BLOCK');
  });
});
