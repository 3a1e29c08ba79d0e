// The synthetic grid with cadres for every block, and short helpers the example tests share.
import type { BlockFeature } from '../../../core/blocks/generation';
import type { Coverage } from '../../../core/planner/coverage';
import { applyEdit } from '../../../core/planner/edits';
import { EditRejectedError, type EditRule } from '../../../core/planner/errors';
import type { EditOp } from '../../../core/planner/ops';
import type { EditOptions } from '../../../core/planner/patch';
import { areas } from './invariants';
import { type Pt, ring } from './random-edits';
import { cellId, someRoles, syntheticCoverage } from './synthetic';

const synthetic = syntheticCoverage();

/** The 6 × 5 synthetic coverage, every block with cadres. */
export const start: Coverage = {
  ...synthetic.coverage,
  assignments: someRoles(synthetic.coverage.blocks.map((b) => b.properties.id)),
};
export const originalM2 = areas(start.blocks).union;

export const get = (c: Coverage, id: string) => c.blocks.find((b) => b.properties.id === id) as BlockFeature;

/** Corner k of a synthetic cell: 0 SW, 1 S mid, 2 SE, 3 E mid, 4 NE, 5 N mid, 6 NW, 7 W mid. */
export const corner = (i: number, j: number, k: number): Pt => ring(get(start, cellId(i, j)))[k];

/** Whether a block has this corner. */
export const has = (b: BlockFeature, p: Pt) => ring(b).some((q) => q[0] === p[0] && q[1] === p[1]);

/** The EditRejectedError an edit throws (fails the test if it is accepted). */
export function refused(op: EditOp, options?: EditOptions, coverage = start): EditRejectedError {
  try {
    applyEdit(coverage, op, options);
  } catch (error) {
    if (error instanceof EditRejectedError) return error;
    throw error;
  }
  throw new Error(`accepted: ${JSON.stringify(op)}`);
}

/** The rule an edit breaks. */
export const code = (op: EditOp, options?: EditOptions, coverage = start): EditRule =>
  refused(op, options, coverage).code;
