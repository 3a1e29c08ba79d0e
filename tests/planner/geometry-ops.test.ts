// split_block, merge_blocks and reshape_edge on the synthetic grid: ids, names, population, cadres, neighbours.
import { describe, expect, it } from 'vitest';
import type { BlockFeature } from '../../core/blocks/generation';
import { applyEdit } from '../../core/planner/edits';
import { code, corner, get, has, originalM2, refused, start } from './helpers/grid';
import { coverageProblems } from './helpers/invariants';
import { type Pt, pos, ring } from './helpers/random-edits';
import { cellId } from './helpers/synthetic';

describe('split_block', () => {
  const id = cellId(1, 1);
  const [sw, , , , ne] = [0, 1, 2, 3, 4].map((k) => corner(1, 1, k));
  const x = Math.round((sw[0] + ne[0]) / 2);
  const line: Pt[] = [
    [x, sw[1] - 600],
    [x, ne[1] + 600],
  ];

  it('cuts a block in two: new ids (left of the line first), names, population by area, cadres inherited', () => {
    const { coverage, added, removed, changed } = applyEdit(start, {
      op: 'split_block',
      block: id,
      line: line.map(pos),
    });
    expect(added).toEqual(['YH-430302001001-11', 'YH-430302001001-12']);
    expect(removed).toEqual([id]);
    expect(changed).toEqual([cellId(1, 0), cellId(1, 2)].sort());
    const [left, right] = added.map((a) => get(coverage, a));
    expect(left.properties.name).toBe('甲一社区第11区块');
    const meanX = (b: BlockFeature) => ring(b).reduce((s, p) => s + p[0], 0) / ring(b).length;
    expect(meanX(left)).toBeLessThan(meanX(right));
    const parent = get(start, id).properties;
    expect(left.properties.population_est + right.properties.population_est).toBe(parent.population_est);
    const share = left.properties.area_m2 / (left.properties.area_m2 + right.properties.area_m2);
    expect(left.properties.population_est).toBe(Math.round(parent.population_est * share));
    // The cut corners are rounded to 6 decimals, which moves a few m² between the pieces and neighbours.
    expect(Math.abs(left.properties.area_m2 + right.properties.area_m2 - parent.area_m2)).toBeLessThan(20);
    expect(coverage.assignments[added[0]]).toEqual(start.assignments[id]);
    expect(coverage.assignments[id]).toBeUndefined();
    expect(coverage.retired_ids).toEqual([id]);
    expect(coverageProblems(coverage.blocks, originalM2)).toEqual([]);
  });

  it('inserts the new corners into the neighbours too (no T-junction)', () => {
    const { coverage, added } = applyEdit(start, { op: 'split_block', block: id, line: line.map(pos) });
    const below = get(coverage, cellId(1, 0));
    const cut = ring(get(coverage, added[0])).filter((p) => p[0] === x);
    expect(cut).toHaveLength(2);
    expect(cut.filter((p) => has(below, p))).toHaveLength(1);
  });

  it('never reuses an id: after a merge the next split skips retired numbers', () => {
    const split = applyEdit(start, { op: 'split_block', block: id, line: line.map(pos) }).coverage;
    const merged = applyEdit(split, {
      op: 'merge_blocks',
      blocks: ['YH-430302001001-11', 'YH-430302001001-12'],
    });
    const again = applyEdit(merged.coverage, {
      op: 'split_block',
      block: 'YH-430302001001-11',
      line: line.map(pos),
    });
    expect(again.added).toEqual(['YH-430302001001-13', 'YH-430302001001-14']);
  });

  it('refuses a line that leaves and re-enters the block', () => {
    const y1 = Math.round(sw[1] + (ne[1] - sw[1]) * 0.3);
    const y2 = Math.round(sw[1] + (ne[1] - sw[1]) * 0.7);
    const u: Pt[] = [
      [sw[0] - 500, y1],
      [ne[0] + 500, y1],
      [ne[0] + 500, y2],
      [sw[0] - 500, y2],
    ];
    expect(code({ op: 'split_block', block: id, line: u.map(pos) })).toBe('EDIT_LINE_MULTIPLE_CUTS');
  });

  it('refuses a cut through the district outline off its exact line, accepts one from an outline corner', () => {
    const edge = cellId(0, 1);
    const [c0, , , , c4] = [0, 1, 2, 3, 4].map((k) => corner(0, 1, k));
    const y = Math.round(c0[1] + (c4[1] - c0[1]) * 0.37);
    const across: Pt[] = [
      [c0[0] - 700, y + 3],
      [c4[0] + 700, y],
    ];
    const error = refused({ op: 'split_block', block: edge, line: across.map(pos) });
    expect(error.code).toBe('EDIT_OUTER_BOUNDARY');
    expect(error.details.at).toHaveLength(1);
    const fromCorner: Pt[] = [c0, [c4[0] + 700, y]];
    const ok = applyEdit(
      start,
      { op: 'split_block', block: edge, line: fromCorner.map(pos) },
      { minAreaM2: 1_000 },
    );
    expect(coverageProblems(ok.coverage.blocks, originalM2)).toEqual([]);
  });
});

describe('split_block on the district outline', () => {
  it('accepts a cut from a grid point exactly on an outline edge (the outline keeps its shape)', () => {
    const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
    const outer = start.blocks.flatMap((b) =>
      ring(b).map((p, i, r) => ({ id: b.properties.id, a: p, b: r[(i + 1) % r.length] })),
    );
    const inner = new Set(outer.map((e) => `${e.a}>${e.b}`));
    const edge = outer.find(
      (e) => !inner.has(`${e.b}>${e.a}`) && gcd(e.b[0] - e.a[0], e.b[1] - e.a[1]) >= 3,
    )!;
    const g = gcd(edge.b[0] - edge.a[0], edge.b[1] - edge.a[1]);
    const k = Math.floor(g / 2);
    const on: Pt = [
      edge.a[0] + ((edge.b[0] - edge.a[0]) / g) * k,
      edge.a[1] + ((edge.b[1] - edge.a[1]) / g) * k,
    ];
    const r = ring(get(start, edge.id));
    const c: Pt = [r.reduce((s, p) => s + p[0], 0) / r.length, r.reduce((s, p) => s + p[1], 0) / r.length];
    const far: Pt = [Math.round(on[0] + (c[0] - on[0]) * 3), Math.round(on[1] + (c[1] - on[1]) * 3)];
    const { coverage, added } = applyEdit(
      start,
      { op: 'split_block', block: edge.id, line: [on, far].map(pos) },
      { minAreaM2: 1_000 },
    );
    expect(added.some((id) => has(get(coverage, id), on))).toBe(true);
    expect(coverageProblems(coverage.blocks, originalM2)).toEqual([]);
  });
});

describe('merge_blocks', () => {
  it('merges the second block into the first: id, name and cadres of the first, population summed', () => {
    const [a, b] = [cellId(0, 0), cellId(1, 0)];
    const { coverage, changed, removed, added } = applyEdit(start, { op: 'merge_blocks', blocks: [a, b] });
    expect({ changed, removed, added }).toEqual({ changed: [a], removed: [b], added: [] });
    const merged = get(coverage, a).properties;
    expect(merged.population_est).toBe(
      get(start, a).properties.population_est + get(start, b).properties.population_est,
    );
    expect(coverage.assignments[a]).toEqual(start.assignments[a]);
    expect(coverage.assignments[b]).toBeUndefined();
    expect(has(get(coverage, a), corner(0, 0, 3))).toBe(false);
    expect(coverageProblems(coverage.blocks, originalM2)).toEqual([]);
  });

  it('refuses a merge that would enclose another block (a hole)', () => {
    // Bring two blocks of 甲二 into 甲一, then grow two blocks around cell (1, 1) and try to close the ring.
    const one = '430302001001';
    let c = applyEdit(start, { op: 'reassign_block', block: cellId(2, 1), community: one }).coverage;
    c = applyEdit(c, { op: 'reassign_block', block: cellId(2, 0), community: one }).coverage;
    for (const [i, j] of [
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 2],
    ])
      c = applyEdit(c, { op: 'merge_blocks', blocks: [cellId(1, 0), cellId(i, j)] }).coverage;
    c = applyEdit(c, { op: 'merge_blocks', blocks: ['YH-430302001001-11', 'YH-430302001001-12'] }).coverage;
    const error = refused({ op: 'merge_blocks', blocks: [cellId(1, 0), 'YH-430302001001-11'] }, {}, c);
    expect(error.code).toBe('EDIT_MERGE_HOLE');
    expect(error.details.at).toHaveLength(1);
  });
});

describe('reshape_edge', () => {
  const [a, b] = [cellId(0, 0), cellId(1, 0)];
  const [s, m, e] = [corner(0, 0, 2), corner(0, 0, 3), corner(0, 0, 4)];
  const bent: Pt = [m[0] + 150, m[1] - 40];

  it('replaces the shared border in both blocks, whichever way the line runs', () => {
    for (const line of [
      [s, bent, e],
      [e, bent, s],
    ]) {
      const { coverage, changed } = applyEdit(start, {
        op: 'reshape_edge',
        blocks: [a, b],
        line: line.map(pos),
      });
      expect(changed).toEqual([a, b]);
      expect(has(get(coverage, a), bent) && has(get(coverage, b), bent)).toBe(true);
      expect(has(get(coverage, a), m) || has(get(coverage, b), m)).toBe(false);
      expect(coverageProblems(coverage.blocks, originalM2)).toEqual([]);
    }
  });

  it('may keep the old middle corner, refuses the border as it is, and names the borders on a miss', () => {
    expect(() =>
      applyEdit(start, { op: 'reshape_edge', blocks: [a, b], line: [s, m, bent, e].map(pos) }),
    ).not.toThrow();
    expect(code({ op: 'reshape_edge', blocks: [a, b], line: [s, m, e].map(pos) })).toBe('EDIT_NO_CHANGE');
    const miss = refused({ op: 'reshape_edge', blocks: [a, b], line: [s, corner(0, 0, 0)].map(pos) });
    expect(miss.code).toBe('EDIT_NOT_SHARED_EDGE');
    expect(miss.details.borders).toEqual([[pos(s), pos(e)]]);
    expect(code({ op: 'reshape_edge', blocks: [a, cellId(1, 1)], line: [s, e].map(pos) })).toBe(
      'EDIT_NOT_ADJACENT',
    );
  });
});
