// reassign_block: a block moves to a community it borders (and to that community's township), under a new id.
import type { BlockFeature } from '../blocks/generation';
import { adjacency, components } from '../geography/adjacency';
import { isLocked, rejectLocked } from './borders';
import { blockName, type Coverage, edgeNeighbours, findBlock, nextBlockIds } from './coverage';
import { reject } from './errors';
import type { ReassignBlockOp } from './ops';
import type { LockedBorders, Patch } from './patch';

type Level = 'community_code' | 'township_code';

/** Number of edge-connected pieces the blocks of one community (or township) form. */
function pieces(blocks: readonly BlockFeature[]): number {
  return components(
    blocks.map((_, i) => i),
    adjacency(blocks.map((b) => b.geometry)),
  ).length;
}

/** The block's community (or township) must keep a block and not fall into more pieces without it. */
function staysWhole(coverage: Coverage, block: BlockFeature, level: Level): void {
  const code = block.properties[level];
  const members = coverage.blocks.filter((b) => b.properties[level] === code);
  const rest = members.filter((b) => b !== block);
  const what = level === 'community_code' ? 'community' : 'township';
  if (rest.length === 0)
    reject(
      'EDIT_COMMUNITY_EMPTY',
      `block ${block.properties.id} is the last block of ${what} ${code}; a ${what} must keep at least one block`,
      {
        blocks: [block.properties.id],
        [what]: code,
      },
    );
  if (pieces(rest) > pieces(members))
    reject(
      level === 'community_code' ? 'EDIT_COMMUNITY_SPLIT' : 'EDIT_TOWNSHIP_SPLIT',
      `without block ${block.properties.id}, ${what} ${code} would fall apart into separate pieces; reassign a block on its edge instead`,
      {
        blocks: [block.properties.id],
        [what]: code,
      },
    );
}

/**
 * Moves a block to a community it shares an edge with; its township follows the community. The id
 * embeds the community code, so the block gets a new id there (the old one is retired, cadres move).
 */
export function reassignBlock(coverage: Coverage, op: ReassignBlockOp, locked: LockedBorders): Patch {
  const { index, block } = findBlock(coverage, op.block);
  const p = block.properties;
  if (p.community_code === op.community)
    reject('EDIT_NO_CHANGE', `block ${p.id} is already in community ${op.community}`, { blocks: [p.id] });
  if (!coverage.blocks.some((b) => b.properties.community_code === op.community))
    reject(
      'EDIT_UNKNOWN_COMMUNITY',
      `community ${op.community} has no blocks in this draft; send the 12-digit code of a community next to the block`,
      {
        blocks: [p.id],
        community: op.community,
      },
    );
  const neighbours = edgeNeighbours(coverage, index).map((j) => coverage.blocks[j]);
  const host = neighbours.find((n) => n.properties.community_code === op.community);
  if (!host) {
    const nearby = [...new Set(neighbours.map((n) => n.properties.community_code))].filter(
      (c) => c !== p.community_code,
    );
    reject(
      'EDIT_OUTSIDE_COMMUNITY',
      `block ${p.id} does not border community ${op.community}; it can join only a community it shares an edge with (${nearby.join(', ') || 'none'})`,
      {
        blocks: [p.id],
        community: op.community,
        bordering: nearby,
      },
    );
  }
  const h = host.properties;
  if (isLocked(h.township_code !== p.township_code ? 'township' : 'community', locked))
    rejectLocked(block, host, [], 'reassigning this block');
  staysWhole(coverage, block, 'community_code');
  if (h.township_code !== p.township_code) staysWhole(coverage, block, 'township_code');
  const [id] = nextBlockIds(coverage, h.community_code, 1);
  const moved: BlockFeature = {
    type: 'Feature',
    properties: {
      ...p,
      id,
      name: blockName(h.community_name, id),
      community_code: h.community_code,
      community_name: h.community_name,
      township_code: h.township_code,
      township_name: h.township_name,
    },
    geometry: block.geometry,
  };
  return { before: [block], after: [moved], geometry: false, inherit: { [id]: p.id } };
}
