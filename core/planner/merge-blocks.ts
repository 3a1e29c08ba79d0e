// merge_blocks: the second block joins the first (adjacent, same community); their shared border disappears.

import { dissolve } from '../geography/dissolve';
import { toInt } from '../geography/geom';
import { type Coverage, edgeNeighbours, findBlock, withRing } from './coverage';
import { reject } from './errors';
import type { MergeBlocksOp } from './ops';
import type { Patch } from './patch';

/**
 * Merges block B into block A: A keeps its id, name and cadres, gains B's area and population; B's id
 * is retired. The result must be one ring (no hole): blocks stay simple polygons.
 */
export function mergeBlocks(coverage: Coverage, op: MergeBlocksOp): Patch {
  const [idA, idB] = op.blocks;
  if (idA === idB)
    reject('EDIT_NOT_ADJACENT', `name two different blocks, not ${idA} twice`, { blocks: [idA] });
  const a = findBlock(coverage, idA);
  const b = findBlock(coverage, idB);
  const [pa, pb] = [a.block.properties, b.block.properties];
  if (pa.community_code !== pb.community_code)
    reject(
      'EDIT_DIFFERENT_COMMUNITY',
      `${idA} is in ${pa.community_name} (${pa.community_code}) but ${idB} is in ${pb.community_name} (${pb.community_code}); reassign one of them first, or merge blocks of one community`,
      {
        blocks: [idA, idB],
        communities: [pa.community_code, pb.community_code],
      },
    );
  if (!edgeNeighbours(coverage, a.index).includes(b.index))
    reject(
      'EDIT_NOT_ADJACENT',
      `blocks ${idA} and ${idB} do not share a border; merge blocks that touch along an edge`,
      {
        blocks: [idA, idB],
      },
    );
  const merged = dissolve([
    { group: idA, geometry: a.block.geometry },
    { group: idA, geometry: b.block.geometry },
  ]).get(idA)!;
  // A hole, or a ring that touches itself (a hole pinched at one corner), means the pair encloses blocks.
  const rings = merged.type === 'Polygon' ? merged.coordinates : merged.coordinates.flat();
  const outer = rings[0].slice(0, -1);
  const pinch = outer.find((p, i) => outer.findIndex((q) => q[0] === p[0] && q[1] === p[1]) !== i);
  const at = rings.length > 1 ? rings[1][0] : pinch;
  if (at)
    reject(
      'EDIT_MERGE_HOLE',
      `merging ${idA} and ${idB} would enclose other blocks (near ${JSON.stringify(at)}); merge the enclosed blocks into one of them first, or pick another pair`,
      {
        at: [at],
        blocks: [idA, idB],
      },
    );
  const ring = outer.map(toInt);
  const next = withRing(a.block, ring, { population_est: pa.population_est + pb.population_est });
  return { before: [a.block, b.block], after: [next], geometry: true };
}
