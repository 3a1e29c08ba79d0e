// Local validation of one edit: only the blocks it replaces, what replaces them, and their neighbours.
//
// Why local is enough: if the replaced blocks' boundary chain (their edges, shared ones cancelling) is
// unchanged and every new ring is a simple counter-clockwise polygon, the winding numbers of the new
// rings add up to exactly those of the old ones, so the new blocks tile the same region: no gap, no
// overlap, outer boundary untouched. Vertex collisions and near-touches (T-junctions) are checked on
// the neighbours too, with the same tolerance the publish check uses.
import type { BlockFeature } from '../blocks/generation';
import { type IntPoint, onSegment } from '../geography/geom';
import { findTJunctions } from '../geography/topology';
import { polygonViolations } from '../geography/validity';
import { boxOf, type Coverage, ringOf } from './coverage';
import { reject } from './errors';
import type { EditOptions, Patch } from './patch';
import { resolveOptions } from './patch';
import { intKey, lonLat } from './ring';

const idOf = (b: BlockFeature) => b.properties.id;

/** Edges of rings, each cut at every listed vertex lying inside it: a chain independent of subdivision. */
function chain(
  rings: readonly IntPoint[][],
  vertices: readonly IntPoint[],
  sign: number,
  out: Map<string, number>,
) {
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const [a, b] = [ring[i], ring[(i + 1) % ring.length]];
      const inner = vertices
        .filter((v) => onSegment(v, a, b) && intKey(v) !== intKey(a) && intKey(v) !== intKey(b))
        .sort((p, q) => Math.hypot(p[0] - a[0], p[1] - a[1]) - Math.hypot(q[0] - a[0], q[1] - a[1]));
      const points = [a, ...inner, b];
      for (let k = 0; k + 1 < points.length; k++) {
        const [p, q] = [intKey(points[k]), intKey(points[k + 1])];
        const key = p < q ? `${p}|${q}` : `${q}|${p}`;
        out.set(key, (out.get(key) ?? 0) + (p < q ? sign : -sign));
      }
    }
  }
}

/** The replaced blocks' outline must stay the same (EDIT_GAP otherwise). */
function checkOutline(patch: Patch): void {
  const before = patch.before.map(ringOf);
  const after = patch.after.map(ringOf);
  const unique = new Map([...before, ...after].flat().map((p) => [intKey(p), p] as const));
  const sums = new Map<string, number>();
  chain(before, [...unique.values()], 1, sums);
  chain(after, [...unique.values()], -1, sums);
  for (const [key, n] of sums) {
    if (n === 0) continue;
    const at = key.split('|').map((k) => lonLat(k.split(',').map(Number) as unknown as IntPoint));
    reject(
      'EDIT_GAP',
      `the edit would open a gap or overlap along ${JSON.stringify(at)}: both sides of a border must change together; reload the draft and retry`,
      {
        at,
        blocks: patch.before.map(idOf),
      },
    );
  }
}

/** Fresh vertices must not land on any existing vertex (that would fuse two corners into one). */
function checkFresh(coverage: Coverage, patch: Patch): void {
  const reusable = patch.reusable ?? new Set<string>();
  const fresh = (patch.fresh ?? []).filter((p) => !reusable.has(intKey(p)));
  if (fresh.length === 0) return;
  for (const block of coverage.blocks) {
    const [x0, y0, x1, y1] = boxOf(block);
    const candidates = fresh.filter(([x, y]) => x >= x0 && x <= x1 && y >= y0 && y <= y1);
    if (candidates.length === 0) continue;
    for (const p of ringOf(block)) {
      if (!candidates.some((q) => q[0] === p[0] && q[1] === p[1])) continue;
      reject(
        'EDIT_VERTEX_COLLISION',
        `the new point ${JSON.stringify(lonLat(p))} is already a corner of block ${idOf(block)}; move it at least 0.1 m away, or use that corner itself`,
        { at: [lonLat(p)], blocks: [idOf(block)] },
      );
    }
  }
}

/** Approximate meeting point of two segments (for messages). */
function meeting(a: IntPoint, b: IntPoint, c: IntPoint, d: IntPoint): number[] {
  const den = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
  const t = den === 0 ? 0 : ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / den;
  return lonLat([Math.round(a[0] + t * (b[0] - a[0])), Math.round(a[1] + t * (b[1] - a[1]))]);
}

/** Every new ring is simple (EDIT_SELF_INTERSECTION), counter-clockwise (EDIT_OVERLAP) and well formed. */
function checkRings(patch: Patch): void {
  const found = patch.after.map((b) => ({ block: b, violations: polygonViolations(idOf(b), b.geometry) }));
  for (const { block, violations } of found) {
    const v = violations.find((x) => x.numbers?.edge_a !== undefined);
    if (!v?.numbers) continue;
    const ring = ringOf(block);
    const [i, j] = [v.numbers.edge_a, v.numbers.edge_b];
    const at = meeting(ring[i], ring[(i + 1) % ring.length], ring[j], ring[(j + 1) % ring.length]);
    reject(
      'EDIT_SELF_INTERSECTION',
      `the border of block ${idOf(block)} would cross or touch itself near ${JSON.stringify(at)}; move the point less far, or draw the line so it stays clear of other borders`,
      {
        at: [at],
        blocks: [idOf(block)],
      },
    );
  }
  for (const { block, violations } of found) {
    if (violations.length === 0) continue;
    const v = violations[0];
    if (/clockwise/.test(v.message))
      reject(
        'EDIT_OVERLAP',
        `block ${idOf(block)} would be folded over its neighbours (its outline turns clockwise); move the point back to the block's side of its neighbours' borders`,
        {
          at: (patch.fresh ?? []).map(lonLat),
          blocks: [idOf(block)],
        },
      );
    reject('EDIT_INVALID_GEOMETRY', `block ${idOf(block)}: ${v.message}`, { blocks: [idOf(block)] });
  }
}

/** No vertex within the T-junction tolerance of a neighbour's edge unless it is a vertex of that ring. */
function checkTJunctions(coverage: Coverage, patch: Patch): void {
  const replaced = new Set([...patch.before, ...patch.after].map(idOf));
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of patch.after) {
    const [x0, y0, x1, y1] = boxOf(b);
    box.splice(
      0,
      4,
      Math.min(box[0], x0 - 3),
      Math.min(box[1], y0 - 3),
      Math.max(box[2], x1 + 3),
      Math.max(box[3], y1 + 3),
    );
  }
  const near = coverage.blocks.filter((b) => {
    const [x0, y0, x1, y1] = boxOf(b);
    return !replaced.has(idOf(b)) && x0 <= box[2] && x1 >= box[0] && y0 <= box[3] && y1 >= box[1];
  });
  const mine = new Set(patch.after.flatMap((b) => ringOf(b).map(intKey)));
  const afterIds = new Set(patch.after.map(idOf));
  for (const v of findTJunctions([...patch.after, ...near], (f) => f.properties.id)) {
    const p: IntPoint = [Math.round((v.numbers?.lon ?? 0) * 1e6), Math.round((v.numbers?.lat ?? 0) * 1e6)];
    if (!afterIds.has(v.feature) && !mine.has(intKey(p))) continue;
    reject(
      'EDIT_T_JUNCTION',
      `the corner ${JSON.stringify(lonLat(p))} would lie on (or within 0.15 m of) a border of block ${v.feature} without being one of its corners; move it clear of that border or onto one of its corners`,
      {
        at: [lonLat(p)],
        blocks: [v.feature],
      },
    );
  }
}

/** New or shrinking blocks must keep at least the minimum area. */
function checkAreas(patch: Patch, minAreaM2: number): void {
  const before = new Map(patch.before.map((b) => [idOf(b), b.properties.area_m2]));
  for (const b of patch.after) {
    const m2 = b.properties.area_m2;
    const old = before.get(idOf(b));
    if (m2 >= minAreaM2 || (old !== undefined && m2 >= old)) continue;
    const [x0, y0, x1, y1] = boxOf(b);
    reject(
      'EDIT_TOO_SMALL',
      `block ${idOf(b)} would cover ${m2} m², less than the minimum of ${minAreaM2} m²; cut or move the border so each block keeps at least that much`,
      {
        at: [lonLat([Math.round((x0 + x1) / 2), Math.round((y0 + y1) / 2)])],
        blocks: [idOf(b)],
        area_m2: m2,
        min_area_m2: minAreaM2,
      },
    );
  }
}

/**
 * Checks one edit's patch against the coverage it applies to; throws EditRejectedError with the first
 * rule broken (order: collision, gap, self-intersection, overlap, invalid ring, T-junction, too small).
 */
export function checkEdit(coverage: Coverage, patch: Patch, options: EditOptions = {}): void {
  if (!patch.geometry) return;
  checkFresh(coverage, patch);
  checkOutline(patch);
  checkRings(patch);
  checkTJunctions(coverage, patch);
  checkAreas(patch, resolveOptions(options).minAreaM2);
}
