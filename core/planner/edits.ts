// applyEdit: one operation on a draft coverage, checked locally; returns the next coverage, never mutates.
import { type Coverage, findBlock } from './coverage';
import { reject } from './errors';
import { mergeBlocks } from './merge-blocks';
import { moveVertex } from './move-vertex';
import type { AssignCadresOp, EditOp } from './ops';
import { applyPatch, type EditOptions, type EditResult, type Patch, resolveOptions } from './patch';
import { reassignBlock } from './reassign-block';
import { reshapeEdge } from './reshape-edge';
import { splitBlock } from './split-block';
import { checkEdit } from './validate-edit';

/** assign_cadres: bookkeeping only; one person holds at most one role in a block. */
function assignCadres(coverage: Coverage, op: AssignCadresOp): Patch {
  findBlock(coverage, op.block);
  const people = [op.governor, op.supervisor, ...op.assistants];
  const twice = people.find((c, i) => people.indexOf(c) !== i);
  if (twice)
    reject(
      'EDIT_CADRE_ROLES',
      `cadre ${twice} appears twice in block ${op.block}; give each person one role (governor, assistant or supervisor)`,
      {
        blocks: [op.block],
        cadre: twice,
      },
    );
  const roles = { governor: op.governor, assistants: [...op.assistants], supervisor: op.supervisor };
  const old = coverage.assignments[op.block];
  const unchanged = old && JSON.stringify(old) === JSON.stringify(roles);
  return { before: [], after: [], geometry: false, assignments: unchanged ? {} : { [op.block]: roles } };
}

/**
 * Applies one edit to a draft: builds the change, checks it on the touched blocks and their neighbours
 * (throws EditRejectedError, status 422, on the first rule broken), and returns the next coverage with
 * the ids it changed, added and removed. The input coverage is never modified.
 */
export function applyEdit(coverage: Coverage, op: EditOp, options: EditOptions = {}): EditResult {
  const { lockedBorders } = resolveOptions(options);
  let patch: Patch;
  switch (op.op) {
    case 'move_vertex':
      patch = moveVertex(coverage, op, lockedBorders);
      break;
    case 'reshape_edge':
      patch = reshapeEdge(coverage, op, lockedBorders);
      break;
    case 'split_block':
      patch = splitBlock(coverage, op, lockedBorders);
      break;
    case 'merge_blocks':
      patch = mergeBlocks(coverage, op);
      break;
    case 'reassign_block':
      patch = reassignBlock(coverage, op, lockedBorders);
      break;
    case 'assign_cadres':
      patch = assignCadres(coverage, op);
      break;
  }
  checkEdit(coverage, patch, options);
  return applyPatch(coverage, patch);
}
