// The engine on the real 667 blocks: one edit of each geometric kind, each result passing the core/geography checks.
import fs from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { BlockFeature, CommunityFeature, TownshipFeature } from '../../core/blocks/generation';
import { checkCoverage } from '../../core/geography/coverage';
import { findTJunctions } from '../../core/geography/topology';
import { checkValidity } from '../../core/geography/validity';
import { type Coverage, coverageFromBlocks, rolesByBlock } from '../../core/planner/coverage';
import { deriveAreas } from '../../core/planner/derive';
import { applyEdit } from '../../core/planner/edits';
import { EditRejectedError } from '../../core/planner/errors';
import type { EditOp } from '../../core/planner/ops';
import { validateCoverage } from '../../core/planner/validate-coverage';
import { adjacentPairs, type Pt, pos, ring, vertices } from './helpers/random-edits';

const read = (name: string) =>
  JSON.parse(fs.readFileSync(new URL(`../../data/geojson/${name}`, import.meta.url), 'utf8'));
const blocks: BlockFeature[] = read('blocks.geojson').features;
const communities: CommunityFeature[] = read('communities.geojson').features;
const townships: TownshipFeature[] = read('townships.geojson').features;
const district = read('district.geojson').features[0].geometry as Polygon | MultiPolygon;
const cadres = read('cadres.json');
const start = coverageFromBlocks(blocks, rolesByBlock(cadres.assignments));
const byId = (b: { properties: { id: string } }) => b.properties.id;
const key = (p: readonly number[]) => `${p[0]},${p[1]}`;

/** Tries candidate ops in order and returns the first the engine accepts, with its time in ms. */
function firstAccepted(coverage: Coverage, candidates: Iterable<EditOp>, limit = 20) {
  const refused: string[] = [];
  for (const op of candidates) {
    const t0 = performance.now();
    try {
      const result = applyEdit(coverage, op);
      return { op, result, ms: performance.now() - t0, refused };
    } catch (error) {
      if (!(error instanceof EditRejectedError)) throw error;
      refused.push(error.code);
      if (refused.length >= limit) break;
    }
  }
  throw new Error(`no candidate accepted: ${refused.join(', ')}`);
}

/** Every core/geography check a published generation must pass, on the whole coverage. */
function expectClean(coverage: Coverage) {
  const all = coverage.blocks as BlockFeature[];
  expect(checkValidity(all, byId)).toEqual([]);
  expect(findTJunctions(all, byId)).toEqual([]);
  expect(checkCoverage(all, district, byId)).toEqual([]);
}

function* moves(coverage: Coverage): Generator<EditOp> {
  const { interior } = vertices(coverage.blocks);
  const degree = new Map<string, number>();
  for (const b of coverage.blocks) for (const p of ring(b)) degree.set(key(p), (degree.get(key(p)) ?? 0) + 1);
  for (const v of interior.filter((p) => (degree.get(key(p)) ?? 0) >= 3)) {
    // 10 % of the way towards the mean of the block corners around it: stays inside its star.
    const near = coverage.blocks.filter((b) => ring(b).some((p) => key(p) === key(v))).flatMap(ring);
    const cx = near.reduce((s, p) => s + p[0], 0) / near.length;
    const cy = near.reduce((s, p) => s + p[1], 0) / near.length;
    yield {
      op: 'move_vertex',
      from: pos(v),
      to: pos([Math.round(v[0] + (cx - v[0]) * 0.1), Math.round(v[1] + (cy - v[1]) * 0.1)]),
    };
  }
}

function* splits(coverage: Coverage): Generator<EditOp> {
  const big = [...coverage.blocks].sort((a, b) => b.properties.area_m2 - a.properties.area_m2).slice(0, 10);
  for (const block of big) {
    const r = ring(block);
    const cx = r.reduce((s, p) => s + p[0], 0) / r.length;
    const cy = r.reduce((s, p) => s + p[1], 0) / r.length;
    const size = Math.max(...r.map((p) => Math.hypot(p[0] - cx, p[1] - cy)));
    for (const deg of [90, 0, 45, 135]) {
      const [ux, uy] = [
        Math.cos((deg * Math.PI) / 180) * size * 1.5,
        Math.sin((deg * Math.PI) / 180) * size * 1.5,
      ];
      const line: Pt[] = [
        [Math.round(cx - ux), Math.round(cy - uy)],
        [Math.round(cx + 7), Math.round(cy + 3)],
        [Math.round(cx + ux), Math.round(cy + uy)],
      ];
      yield { op: 'split_block', block: block.properties.id, line: line.map(pos) };
    }
  }
}

function* merges(coverage: Coverage): Generator<EditOp> {
  for (const { a, b } of adjacentPairs(coverage.blocks)) {
    const [pa, pb] = [coverage.blocks[a].properties, coverage.blocks[b].properties];
    if (pa.community_code === pb.community_code) yield { op: 'merge_blocks', blocks: [pa.id, pb.id] };
  }
}

function* reshapes(coverage: Coverage): Generator<EditOp> {
  for (const { a, b, chain } of adjacentPairs(coverage.blocks).slice(100)) {
    // A new corner 2 m off the middle of the border's longest edge.
    let k = 0;
    for (let i = 1; i + 1 < chain.length; i++) {
      const len = (j: number) => Math.hypot(chain[j + 1][0] - chain[j][0], chain[j + 1][1] - chain[j][1]);
      if (len(i) > len(k)) k = i;
    }
    const [p, q] = [chain[k], chain[k + 1]];
    const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
    const bend: Pt = [
      Math.round((p[0] + q[0]) / 2 - ((q[1] - p[1]) / len) * 20),
      Math.round((p[1] + q[1]) / 2 + ((q[0] - p[0]) / len) * 20),
    ];
    const line = [...chain.slice(0, k + 1), bend, ...chain.slice(k + 1)];
    yield {
      op: 'reshape_edge',
      blocks: [coverage.blocks[a].properties.id, coverage.blocks[b].properties.id],
      line: line.map(pos),
    };
  }
}

describe('editing the real blocks', () => {
  it('derives the shipped communities and townships exactly from the blocks', () => {
    const derived = deriveAreas(start, { communities, townships });
    expect(derived.communities).toEqual(
      [...communities].sort((x, y) => (x.properties.code < y.properties.code ? -1 : 1)),
    );
    expect(derived.townships).toEqual(
      [...townships].sort((x, y) => (x.properties.code < y.properties.code ? -1 : 1)),
    );
  });

  it('moves, splits, merges and reshapes; every result passes the geography checks and the publish check', () => {
    let coverage = start;
    const timings: string[] = [];
    for (const [name, candidates] of [
      ['move_vertex', moves],
      ['split_block', splits],
      ['merge_blocks', merges],
      ['reshape_edge', reshapes],
    ] as const) {
      const { op, result, ms, refused } = firstAccepted(coverage, candidates(coverage));
      expect(refused.length, `${name} candidates refused: ${refused.join(', ')}`).toBeLessThanOrEqual(3);
      // First call (cold caches) and the median of 9 repeats of the same edit (warm).
      const warm = Array.from({ length: 9 }, () => {
        const t0 = performance.now();
        applyEdit(coverage, op);
        return performance.now() - t0;
      }).sort((x, y) => x - y)[4];
      timings.push(
        `${name} first ${ms.toFixed(1)} ms, warm ${warm.toFixed(2)} ms (${result.changed.length} changed, +${result.added.length} −${result.removed.length})`,
      );
      expect(result.coverage.blocks.length).toBe(
        coverage.blocks.length + result.added.length - result.removed.length,
      );
      expect(JSON.stringify(op)).toBeTruthy();
      coverage = result.coverage;
      expectClean(coverage);
    }
    const t0 = performance.now();
    expect(validateCoverage(coverage, district, { communities, townships })).toEqual([]);
    timings.push(`validateCoverage (publish) ${(performance.now() - t0).toFixed(0)} ms`);
    console.log(`per-edit timing on ${start.blocks.length} real blocks:\n  ${timings.join('\n  ')}`);
  });

  it('applies 200 random corner moves at a few milliseconds each (printed, not asserted)', () => {
    const { interior } = vertices(start.blocks);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const v = interior[(i * 7919) % interior.length];
      const t0 = performance.now();
      try {
        applyEdit(start, {
          op: 'move_vertex',
          from: pos(v),
          to: pos([v[0] + ((i % 7) - 3) * 5, v[1] + ((i % 5) - 2) * 5]),
        });
      } catch (error) {
        if (!(error instanceof EditRejectedError)) throw error;
      }
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(
      `move_vertex ×200: median ${times[100].toFixed(2)} ms, p95 ${times[190].toFixed(2)} ms, max ${times[199].toFixed(1)} ms`,
    );
    expect(times).toHaveLength(200);
  });
});
