// Property tests: invalid edits are always refused with the rule they break, and leave the draft unchanged.
import area from '@turf/area';
import fc from 'fast-check';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { BlockFeature } from '../../core/blocks/generation';
import type { Coverage } from '../../core/planner/coverage';
import { applyEdit } from '../../core/planner/edits';
import { EditRejectedError, type EditRule } from '../../core/planner/errors';
import type { EditOp } from '../../core/planner/ops';
import type { EditOptions } from '../../core/planner/patch';
import { areas, coverageProblems, ringProblems } from './helpers/invariants';
import {
  adjacentPairs,
  type Command,
  commandArb,
  edgeOwners,
  type Pt,
  pos,
  resolve,
  ring,
  vertices,
} from './helpers/random-edits';
import { syntheticCoverage } from './helpers/synthetic';

const OPTIONS = { minAreaM2: 2_000 };
const base = syntheticCoverage();
const originalM2 = areas(base.coverage.blocks).union;
const prefixArb = fc.array(commandArb, { maxLength: 4 });
const key = (p: readonly number[]) => `${p[0]},${p[1]}`;

/** The synthetic coverage after some random edits (refused ones skipped): a varied starting draft. */
function evolved(prefix: readonly Command[]): Coverage {
  let coverage = base.coverage;
  for (const command of prefix) {
    const op = resolve(command, coverage);
    if (!op) continue;
    try {
      coverage = applyEdit(coverage, op, OPTIONS).coverage;
    } catch (error) {
      if (!(error instanceof EditRejectedError)) throw error;
    }
  }
  return coverage;
}

/** Asserts a 422 EditRejectedError with one of `codes`, and that the draft is deep-equal to before. */
function expectRefused(
  coverage: Coverage,
  op: EditOp,
  codes: readonly EditRule[],
  options: EditOptions = OPTIONS,
) {
  const snapshot = structuredClone(coverage);
  let error: unknown;
  try {
    applyEdit(coverage, op, options);
  } catch (e) {
    error = e;
  }
  expect(error, JSON.stringify(op)).toBeInstanceOf(EditRejectedError);
  expect(codes).toContain((error as EditRejectedError).code);
  expect((error as EditRejectedError).status).toBe(422);
  expect(coverage).toEqual(snapshot);
  return error as EditRejectedError;
}

/** The coverage with one vertex replaced everywhere, as a naive editor would do it. */
function naiveMove(blocks: readonly BlockFeature[], from: Pt, to: Pt): BlockFeature[] {
  return blocks.map((b) => {
    const r = ring(b).map((p) => (key(p) === key(from) ? to : p));
    return { ...b, geometry: { type: 'Polygon', coordinates: [[...r, r[0]].map(pos)] } };
  });
}

const all = (c: Coverage) => new Set(c.blocks.flatMap((b) => ring(b).map(key)));

describe('invalid edits are refused and leave the draft unchanged', () => {
  it('moving a corner of the district outline: EDIT_OUTER_BOUNDARY', () => {
    fc.assert(
      fc.property(
        prefixArb,
        fc.nat(),
        fc.integer({ min: 1, max: 900 }),
        fc.integer({ min: -900, max: 900 }),
        (prefix, pick, dx, dy) => {
          const coverage = evolved(prefix);
          const { outer } = vertices(coverage.blocks);
          const v = outer[pick % outer.length];
          expectRefused(coverage, { op: 'move_vertex', from: pos(v), to: pos([v[0] + dx, v[1] + dy]) }, [
            'EDIT_OUTER_BOUNDARY',
          ]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('moving a corner across a far edge of its block (bow-tie): EDIT_SELF_INTERSECTION', () => {
    fc.assert(
      fc.property(
        prefixArb,
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 20, max: 200 }),
        (prefix, p1, p2, p3, d) => {
          const coverage = evolved(prefix);
          const { interior } = vertices(coverage.blocks);
          const v = interior[p1 % interior.length];
          const owners = coverage.blocks.filter((b) => ring(b).some((p) => key(p) === key(v)));
          const face = owners[p2 % owners.length];
          const r = ring(face);
          const at = r.findIndex((p) => key(p) === key(v));
          const far = r.map((_, i) => i).filter((i) => i !== at && (i + 1) % r.length !== at);
          const i = far[p3 % far.length];
          const [a, b] = [r[i], r[(i + 1) % r.length]];
          const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
          const to: Pt = [
            Math.round((a[0] + b[0]) / 2 + ((b[1] - a[1]) / len) * d),
            Math.round((a[1] + b[1]) / 2 - ((b[0] - a[0]) / len) * d),
          ];
          fc.pre(!all(coverage).has(key(to)));
          const moved = naiveMove([face], v, to)[0];
          fc.pre(
            ringProblems('f', (moved.geometry as Polygon).coordinates[0]).some((m) => /touch|spike/.test(m)),
          );
          expectRefused(coverage, { op: 'move_vertex', from: pos(v), to: pos(to) }, [
            'EDIT_SELF_INTERSECTION',
          ]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('any corner move that breaks an invariant (checked independently) is refused', () => {
    fc.assert(
      fc.property(
        prefixArb,
        fc.nat(),
        fc.integer({ min: -3000, max: 3000 }),
        fc.integer({ min: -3000, max: 3000 }),
        (prefix, pick, dx, dy) => {
          const coverage = evolved(prefix);
          const { interior } = vertices(coverage.blocks);
          const v = interior[pick % interior.length];
          const to: Pt = [v[0] + dx, v[1] + dy];
          const broken =
            all(coverage).has(key(to)) ||
            coverageProblems(naiveMove(coverage.blocks, v, to), originalM2).length > 0;
          fc.pre(broken);
          expectRefused(coverage, { op: 'move_vertex', from: pos(v), to: pos(to) }, [
            'EDIT_SELF_INTERSECTION',
            'EDIT_OVERLAP',
            'EDIT_VERTEX_COLLISION',
            'EDIT_T_JUNCTION',
            'EDIT_NO_CHANGE',
          ]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a split line that does not cut across the block: EDIT_LINE_DOES_NOT_CROSS', () => {
    fc.assert(
      fc.property(prefixArb, fc.nat(), fc.boolean(), (prefix, pick, outside) => {
        const coverage = evolved(prefix);
        const block = coverage.blocks[pick % coverage.blocks.length];
        const r = ring(block);
        const c: Pt = [
          Math.round(r.reduce((s, p) => s + p[0], 0) / r.length),
          Math.round(r.reduce((s, p) => s + p[1], 0) / r.length),
        ];
        const shift = outside ? 50_000 : 0;
        const line: Pt[] = [
          [c[0] - 3 + shift, c[1]],
          [c[0] + 3 + shift, c[1] + 1],
        ];
        if (!outside) {
          // Only where the short line lies well inside the block (independent point-in-ring and distance).
          const inside = (p: Pt) => {
            let odd = false;
            for (let i = 0, j = r.length - 1; i < r.length; j = i++)
              if (
                r[i][1] > p[1] !== r[j][1] > p[1] &&
                p[0] < ((r[j][0] - r[i][0]) * (p[1] - r[i][1])) / (r[j][1] - r[i][1]) + r[i][0]
              )
                odd = !odd;
            return odd;
          };
          fc.pre(inside(c) && r.every((p) => Math.hypot(p[0] - c[0], p[1] - c[1]) > 20));
        }
        expectRefused(coverage, { op: 'split_block', block: block.properties.id, line: line.map(pos) }, [
          'EDIT_LINE_DOES_NOT_CROSS',
        ]);
      }),
      { numRuns: 40 },
    );
  });

  it('merging blocks that do not touch, or of different communities: EDIT_NOT_ADJACENT / EDIT_DIFFERENT_COMMUNITY', () => {
    fc.assert(
      fc.property(prefixArb, fc.nat(), fc.nat(), (prefix, p1, p2) => {
        const coverage = evolved(prefix);
        const blocks = coverage.blocks;
        const touching = new Set(adjacentPairs(blocks).flatMap(({ a, b }) => [`${a}|${b}`, `${b}|${a}`]));
        const a = p1 % blocks.length;
        const b = p2 % blocks.length;
        fc.pre(a !== b);
        const sameCommunity = blocks[a].properties.community_code === blocks[b].properties.community_code;
        const op: EditOp = { op: 'merge_blocks', blocks: [blocks[a].properties.id, blocks[b].properties.id] };
        if (!sameCommunity) expectRefused(coverage, op, ['EDIT_DIFFERENT_COMMUNITY']);
        else if (!touching.has(`${a}|${b}`)) expectRefused(coverage, op, ['EDIT_NOT_ADJACENT']);
      }),
      { numRuns: 60 },
    );
  });

  it('cutting off a corner smaller than the minimum area: EDIT_TOO_SMALL', () => {
    let tried = 0;
    fc.assert(
      fc.property(
        prefixArb,
        fc.nat(),
        fc.nat(),
        fc.double({ min: 0.05, max: 0.3, noNaN: true }),
        (prefix, p1, p2, f) => {
          const coverage = evolved(prefix);
          const owners = edgeOwners(coverage.blocks);
          const block = coverage.blocks[p1 % coverage.blocks.length];
          const r = ring(block);
          const i = p2 % r.length;
          const [prev, v, next] = [r[(i + r.length - 1) % r.length], r[i], r[(i + 1) % r.length]];
          const shared = (x: Pt, y: Pt) => owners.has(`${key(y)}>${key(x)}`);
          // A clearly convex corner (turning by more than ~17°), so the short cut's ends lie outside.
          const turn = (v[0] - prev[0]) * (next[1] - v[1]) - (v[1] - prev[1]) * (next[0] - v[0]);
          const convex =
            turn >
            0.3 * Math.hypot(v[0] - prev[0], v[1] - prev[1]) * Math.hypot(next[0] - v[0], next[1] - v[1]);
          fc.pre(convex && shared(prev, v) && shared(v, next));
          const a = [v[0] + (prev[0] - v[0]) * f, v[1] + (prev[1] - v[1]) * f];
          const b = [v[0] + (next[0] - v[0]) * f, v[1] + (next[1] - v[1]) * f];
          const corner = area({ type: 'Polygon', coordinates: [[v, b, a, v].map(pos)] });
          fc.pre(corner < OPTIONS.minAreaM2 * 0.8 && Math.hypot(a[0] - b[0], a[1] - b[1]) > 30);
          const line = [
            [a[0] + (a[0] - b[0]) * 0.2, a[1] + (a[1] - b[1]) * 0.2],
            [b[0] + (b[0] - a[0]) * 0.2, b[1] + (b[1] - a[1]) * 0.2],
          ].map((p) => pos([Math.round(p[0]), Math.round(p[1])]));
          tried++;
          expectRefused(coverage, { op: 'split_block', block: block.properties.id, line }, [
            'EDIT_TOO_SMALL',
          ]);
        },
      ),
      { numRuns: 40 },
    );
    expect(tried).toBe(40);
  });

  it('reshaping with a line that does not end where the shared border ends: EDIT_NOT_SHARED_EDGE', () => {
    fc.assert(
      fc.property(prefixArb, fc.nat(), fc.nat(), (prefix, p1, p2) => {
        const coverage = evolved(prefix);
        const pairs = adjacentPairs(coverage.blocks);
        const { a, b, chain } = pairs[p1 % pairs.length];
        const others = ring(coverage.blocks[a]).filter((p) => !chain.some((q) => key(q) === key(p)));
        fc.pre(others.length > 0);
        const end = others[p2 % others.length];
        const ids: [string, string] = [coverage.blocks[a].properties.id, coverage.blocks[b].properties.id];
        expectRefused(coverage, { op: 'reshape_edge', blocks: ids, line: [pos(chain[0]), pos(end)] }, [
          'EDIT_NOT_SHARED_EDGE',
        ]);
      }),
      { numRuns: 40 },
    );
  });

  it('moving a point that is no corner: EDIT_VERTEX_NOT_FOUND', () => {
    fc.assert(
      fc.property(prefixArb, fc.nat(), fc.integer({ min: 1, max: 50 }), (prefix, pick, dx) => {
        const coverage = evolved(prefix);
        const { interior } = vertices(coverage.blocks);
        const v = interior[pick % interior.length];
        const from: Pt = [v[0] + dx, v[1]];
        fc.pre(!all(coverage).has(key(from)));
        const error = expectRefused(coverage, { op: 'move_vertex', from: pos(from), to: pos(v) }, [
          'EDIT_VERTEX_NOT_FOUND',
        ]);
        expect(error.details.nearest).toBeDefined();
      }),
      { numRuns: 30 },
    );
  });
});
