// The planner API's answers as zod schemas: the one definition the routes publish in OpenAPI and the web app
// parses with (functions/routes/planner.ts, web/src/api/planner.ts).
import { z } from 'zod';

/** An accepted edit: the draft's new version and the blocks it changed, added and removed. */
export const editResultSchema = z
  .object({
    generation: z.number().int(),
    version: z.number().int(),
    changed: z.array(z.string()),
    added: z.array(z.string()),
    removed: z.array(z.string()),
  })
  .meta({ id: 'EditResult' });
export type EditResult = z.infer<typeof editResultSchema>;

const count = z.number().nullable();

/** What publishing the draft would change (GET /api/generations/{g}/diff). */
export const draftDiffSchema = z
  .object({
    generation: z.number().int(),
    base: z.number().int().nullable(),
    /** The draft version this diff describes: publish with it in If-Match. */
    version: z.number().int(),
    added: z.array(z.string()),
    removed: z.array(z.string()),
    changed: z.array(z.object({ id: z.string(), area_before: z.number(), area_after: z.number() })),
    open_incidents_moving: z.number().int(),
    /** Up to 100 of them: incident id, block now, block after (null: outside every block). */
    moving: z.array(z.object({ id: z.string(), from: z.string(), to: z.string().nullable() })),
    /** Workload per changed/added block, before → after (null: the block does not exist on that side). */
    balance: z.array(
      z.object({
        block_id: z.string(),
        population_before: count,
        population_after: count,
        incidents_90d_before: count,
        incidents_90d_after: count,
        cadres_before: count,
        cadres_after: count,
      }),
    ),
  })
  .meta({ id: 'DraftDiff' });
export type DraftDiff = z.infer<typeof draftDiffSchema>;

const person = z.object({ id: z.string(), name: z.string().nullable() });

/** Who serves a block in a generation: ids and names, never phone numbers. */
export const blockRolesSchema = z
  .object({
    block_id: z.string(),
    governor: person,
    assistants: z.array(person),
    supervisor: person,
  })
  .meta({ id: 'BlockRoles' });
export type BlockRoles = z.infer<typeof blockRolesSchema>;

export const blockRolesListSchema = z.object({
  generation: z.number().int(),
  assignments: z.array(blockRolesSchema),
});

/** A published draft, with how far open work followed it within the request. */
export const publishResultSchema = z
  .object({
    generation: z.number().int(),
    status: z.literal('published'),
    published_at: z.string(),
    block_count: z.number().int(),
    changed_blocks: z.number().int().nullable(),
    open_incidents_moved: z.number().int(),
    counts_moved: z.number().int(),
    /** false: the rest is moved by the notifier within minutes (the follow-up is idempotent). */
    follow_complete: z.boolean(),
  })
  .meta({ id: 'PublishResult' });
