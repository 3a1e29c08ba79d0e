// zod schemas of the planner's edit operations: the one definition of the draft-edit request body.
import { z } from 'zod';
import { ValidationError } from '../errors';
import { BLOCK_ID, COMMUNITY_CODE } from '../geography/schemas';

/** A WGS84 position [lon, lat]; the engine rounds it to 6 decimals (the coverage's grid). */
export const lonLatSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

/** A polyline of at least two positions. */
export const lineSchema = z.array(lonLatSchema).min(2).max(10_000);

const blockId = z.string().regex(BLOCK_ID, 'block id must look like YH-<12-digit community code>-<2 digits>');
const cadreId = z.string().regex(/^C\d{5}$/, 'cadre id must look like C00001');

export const moveVertexOpSchema = z
  .strictObject({ op: z.literal('move_vertex'), from: lonLatSchema, to: lonLatSchema })
  .meta({ id: 'MoveVertexOp', description: 'Move a vertex; every block that has it moves with it.' });

export const reshapeEdgeOpSchema = z
  .strictObject({
    op: z.literal('reshape_edge'),
    blocks: z.tuple([blockId, blockId]),
    line: lineSchema,
  })
  .meta({
    id: 'ReshapeEdgeOp',
    description: 'Replace the border two blocks share; the line starts and ends at the ends of that border.',
  });

export const splitBlockOpSchema = z
  .strictObject({ op: z.literal('split_block'), block: blockId, line: lineSchema })
  .meta({ id: 'SplitBlockOp', description: 'Cut a block in two along a line that crosses it once.' });

export const mergeBlocksOpSchema = z
  .strictObject({ op: z.literal('merge_blocks'), blocks: z.tuple([blockId, blockId]) })
  .meta({
    id: 'MergeBlocksOp',
    description: 'Merge the second block into the first (adjacent, same community).',
  });

export const reassignBlockOpSchema = z
  .strictObject({
    op: z.literal('reassign_block'),
    block: blockId,
    community: z.string().regex(COMMUNITY_CODE, 'community code must be 12 digits'),
  })
  .meta({ id: 'ReassignBlockOp', description: 'Move a block to a community it shares a border with.' });

export const assignCadresOpSchema = z
  .strictObject({
    op: z.literal('assign_cadres'),
    block: blockId,
    governor: cadreId,
    assistants: z.array(cadreId).min(1).max(12),
    supervisor: cadreId,
  })
  .meta({ id: 'AssignCadresOp', description: 'Record who serves a block in the draft.' });

/** One edit of a draft coverage, discriminated by `op`. */
export const editOpSchema = z
  .discriminatedUnion('op', [
    moveVertexOpSchema,
    reshapeEdgeOpSchema,
    splitBlockOpSchema,
    mergeBlocksOpSchema,
    reassignBlockOpSchema,
    assignCadresOpSchema,
  ])
  .meta({ id: 'EditOp' });

export type EditOp = z.infer<typeof editOpSchema>;
export type MoveVertexOp = z.infer<typeof moveVertexOpSchema>;
export type ReshapeEdgeOp = z.infer<typeof reshapeEdgeOpSchema>;
export type SplitBlockOp = z.infer<typeof splitBlockOpSchema>;
export type MergeBlocksOp = z.infer<typeof mergeBlocksOpSchema>;
export type ReassignBlockOp = z.infer<typeof reassignBlockOpSchema>;
export type AssignCadresOp = z.infer<typeof assignCadresOpSchema>;

/** Parses a request body into an EditOp; a malformed body is a 400 naming the first bad field. */
export function parseEditOp(input: unknown): EditOp {
  const result = editOpSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.join('.') || '(body)';
  throw new ValidationError(`edit operation ${path}: ${issue.message}`, {
    issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}
