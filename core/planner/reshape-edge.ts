// reshape_edge: replace the border two blocks share (one run of shared edges) by a new line between its ends.
import { type IntPoint, toInt } from '../geography/geom';
import { borderKind, isLocked, rejectLocked } from './borders';
import { type Coverage, findBlock, ringOf, withRing } from './coverage';
import { reject } from './errors';
import type { ReshapeEdgeOp } from './ops';
import type { LockedBorders, Patch } from './patch';
import { dedupe, intKey, lonLat, same, walk } from './ring';

/** A run of consecutive edges of ring A that B also has (reversed): A's vertices start..start+length. */
interface Chain {
  readonly start: number;
  readonly length: number;
}

/** The maximal runs of A's edges shared with B; null when the whole ring is shared. */
function sharedChains(ringA: readonly IntPoint[], ringB: readonly IntPoint[]): Chain[] | null {
  const n = ringA.length;
  const inB = new Set(ringB.map((p, i) => `${intKey(ringB[(i + 1) % ringB.length])}>${intKey(p)}`));
  const shared = ringA.map((p, i) => inB.has(`${intKey(p)}>${intKey(ringA[(i + 1) % n])}`));
  if (shared.every(Boolean)) return null;
  const chains: Chain[] = [];
  for (let i = 0; i < n; i++) {
    if (!shared[i] || shared[(i + n - 1) % n]) continue;
    let length = 0;
    while (shared[(i + length) % n]) length++;
    chains.push({ start: i, length });
  }
  return chains;
}

/**
 * Replaces the shared border of two blocks whose ends are the line's first and last points (in either
 * order) by the line; both blocks get the same new vertices, so the border stays shared.
 */
export function reshapeEdge(coverage: Coverage, op: ReshapeEdgeOp, locked: LockedBorders): Patch {
  const [idA, idB] = op.blocks;
  if (idA === idB)
    reject('EDIT_NOT_ADJACENT', `name two different blocks, not ${idA} twice`, { blocks: [idA] });
  const a = findBlock(coverage, idA).block;
  const b = findBlock(coverage, idB).block;
  const [ringA, ringB] = [ringOf(a), ringOf(b)];
  const chains = sharedChains(ringA, ringB);
  if (chains === null || chains.length === 0)
    reject(
      'EDIT_NOT_ADJACENT',
      `blocks ${idA} and ${idB} share no border; pick two blocks that touch along an edge`,
      {
        blocks: [idA, idB],
      },
    );
  let line = dedupe(op.line.map(toInt));
  const ends = (c: Chain) => [ringA[c.start], ringA[(c.start + c.length) % ringA.length]] as const;
  const first = line[0];
  const last = line[line.length - 1];
  let chain = chains.find((c) => same(ends(c)[0], first) && same(ends(c)[1], last));
  if (!chain) {
    chain = chains.find((c) => same(ends(c)[0], last) && same(ends(c)[1], first));
    line = [...line].reverse();
  }
  if (!chain || line.length < 2)
    reject(
      'EDIT_NOT_SHARED_EDGE',
      `the line must start and end at the two ends of a border ${idA} and ${idB} share; their shared borders run ${chains.map((c) => JSON.stringify(ends(c).map(lonLat))).join(', ')}`,
      {
        at: [lonLat(first), lonLat(last)],
        blocks: [idA, idB],
        borders: chains.map((c) => ends(c).map(lonLat)),
      },
    );
  const [s, e] = ends(chain);
  if (isLocked(borderKind(a, b), locked)) rejectLocked(a, b, [s, e], 'reshaping this border');
  const old = walk(ringA, chain.start, (chain.start + chain.length) % ringA.length);
  if (old.length === line.length && old.every((p, i) => same(p, line[i])))
    reject('EDIT_NO_CHANGE', 'the line is the border as it already runs; draw a different line', {
      blocks: [idA, idB],
    });
  const inner = line.slice(1, -1);
  const restA = walk(ringA, (chain.start + chain.length) % ringA.length, chain.start);
  const js = ringB.findIndex((p) => same(p, s));
  const je = ringB.findIndex((p) => same(p, e));
  const restB = walk(ringB, js, je);
  return {
    before: [a, b],
    after: [withRing(a, [...restA, ...inner]), withRing(b, [...restB, ...[...inner].reverse()])],
    geometry: true,
    fresh: inner,
    reusable: new Set(old.slice(1, -1).map(intKey)),
  };
}
