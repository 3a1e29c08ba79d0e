// split_block: cut a block in two along a line; new corners on shared edges go into the neighbour too.
import type { BlockFeature } from '../blocks/generation';
import { type IntPoint, onSegment, toInt } from '../geography/geom';
import { borderKind, isLocked, rejectLocked } from './borders';
import { blockName, type Coverage, findBlock, nextBlockIds, otherSide, ringOf, withRing } from './coverage';
import type { SplitBlockOp } from './ops';
import type { LockedBorders, Patch } from './patch';
import { dedupe, directedEdge, insertOnEdge, same, walk } from './ring';
import { findChord } from './split-line';

/**
 * Splits a block along the one chord the line cuts through it. The piece left of the line (as drawn)
 * gets the lower new id; population is shared by area; both pieces keep the block's cadres.
 */
export function splitBlock(coverage: Coverage, op: SplitBlockOp, locked: LockedBorders): Patch {
  const { index, block } = findBlock(coverage, op.block);
  const id = block.properties.id;
  const ring = ringOf(block);
  const chord = findChord(ring, dedupe(op.line.map(toInt)), id);
  const path = dedupe([chord.from.point, ...chord.inner, chord.to.point]);
  const inner = path.slice(1, -1);
  // Corners the cut creates on edges: into this block, and into the block across each edge (if any).
  const cuts = [chord.from, chord.to].filter((c) => c.kind === 'edge');
  let augmented = ring.slice();
  const across = new Map<number, IntPoint[]>();
  for (const edge of new Set(cuts.map((c) => c.index))) {
    const points = cuts.filter((c) => c.index === edge).map((c) => c.point);
    const [a, b] = [ring[edge], ring[(edge + 1) % ring.length]];
    const others = otherSide(coverage, a, b, index);
    const exact = points.every((x) => onSegment(x, a, b));
    const other = others.length ? coverage.blocks[others[0]] : undefined;
    if (!exact && isLocked(borderKind(block, other), locked))
      rejectLocked(block, other, points, 'cutting here');
    for (const j of others) {
      const r = across.get(j) ?? ringOf(coverage.blocks[j]).slice();
      across.set(j, insertOnEdge(r, directedEdge(r, b, a), points));
    }
    augmented = insertOnEdge(augmented, directedEdge(augmented, a, b), points);
  }
  const ia = augmented.findIndex((p) => same(p, path[0]));
  const ib = augmented.findIndex((p) => same(p, path[path.length - 1]));
  const ids = nextBlockIds(coverage, block.properties.community_code, 2);
  const piece = (newId: string, r: IntPoint[]) =>
    withRing(block, r, { id: newId, name: blockName(block.properties.community_name, newId) });
  const left = piece(ids[0], [...walk(augmented, ib, ia), ...inner]);
  const right = piece(ids[1], [...walk(augmented, ia, ib), ...[...inner].reverse()]);
  const total = left.properties.area_m2 + right.properties.area_m2;
  const population = block.properties.population_est;
  const leftPopulation = total > 0 ? Math.round((population * left.properties.area_m2) / total) : 0;
  left.properties.population_est = leftPopulation;
  right.properties.population_est = population - leftPopulation;
  const neighbours: BlockFeature[] = [...across.keys()].map((j) => coverage.blocks[j]);
  return {
    before: [block, ...neighbours],
    after: [left, right, ...[...across].map(([j, r]) => withRing(coverage.blocks[j], r))],
    geometry: true,
    fresh: [...cuts.map((c) => c.point), ...inner],
    inherit: { [ids[0]]: id, [ids[1]]: id },
  };
}
