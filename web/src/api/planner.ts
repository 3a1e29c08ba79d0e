// Typed calls of the planner mode: generations and drafts, one topological edit at a time (If-Match = the
// draft's version), the diff against the base generation, publish and discard. The staff token comes from http.ts.
import { z } from 'zod';
import { generationSchema as fullGenerationSchema } from '../../../core/blocks/generation';
import type { EditOp } from '../../../core/planner/ops';
import { request } from './http';
import { blocksSchema } from './schemas';

export type { EditOp };
export const plannerGenerationSchema = fullGenerationSchema;
export type PlannerGeneration = z.infer<typeof plannerGenerationSchema>;

export const editResultSchema = z.object({
  generation: z.number(),
  version: z.number(),
  changed: z.array(z.string()),
  added: z.array(z.string()),
  removed: z.array(z.string()),
});
export type EditResult = z.infer<typeof editResultSchema>;

const nullableCount = z.number().nullable();
export const diffSchema = z.object({
  generation: z.number(),
  base: z.number().nullable(),
  version: z.number(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.object({ id: z.string(), area_before: z.number(), area_after: z.number() })),
  open_incidents_moving: z.number(),
  moving: z.array(z.object({ id: z.string(), from: z.string(), to: z.string().nullable() })),
  balance: z.array(
    z.object({
      block_id: z.string(),
      population_before: nullableCount,
      population_after: nullableCount,
      incidents_90d_before: nullableCount,
      incidents_90d_after: nullableCount,
      cadres_before: nullableCount,
      cadres_after: nullableCount,
    }),
  ),
});
export type Diff = z.infer<typeof diffSchema>;

const publishedSchema = z
  .object({ generation: z.number(), status: z.literal('published'), published_at: z.string() })
  .passthrough();

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const listGenerations = () =>
  request('/api/generations', z.object({ generations: z.array(plannerGenerationSchema) }));

export const getGeneration = (g: number) => request(`/api/generations/${g}`, plannerGenerationSchema);

/** A new draft copied from the current generation. */
export const createDraft = (note?: string) =>
  request('/api/generations', plannerGenerationSchema, { method: 'POST', body: note ? { note } : {} });

/** The draft's blocks (never cached by the API: a draft changes with every edit). */
export const getDraftBlocks = (g: number, signal?: AbortSignal) =>
  request(`/api/blocks?generation=${g}`, blocksSchema, { signal });

/** One edit; 422 (rule and where) leaves the draft unchanged, 412 means someone else edited it first. */
export const postEdit = (g: number, op: EditOp, version: number) =>
  request(`/api/generations/${g}/edits`, editResultSchema, {
    method: 'POST',
    body: op,
    headers: ifMatch(version),
  });

const person = z.object({ id: z.string(), name: z.string().nullable() });
export const rolesSchema = z.object({
  block_id: z.string(),
  governor: person,
  assistants: z.array(person),
  supervisor: person,
});
export type BlockRoles = z.infer<typeof rolesSchema>;

/** Who serves a block of the draft (a split's pieces start with the parent's cadres). */
export const getRoles = (g: number, block: string, signal?: AbortSignal) =>
  request(
    `/api/generations/${g}/assignments?block=${encodeURIComponent(block)}`,
    z.object({ generation: z.number(), assignments: z.array(rolesSchema) }),
    { signal },
  ).then((r) => r.assignments[0] ?? null);

export const getDiff = (g: number, signal?: AbortSignal) =>
  request(`/api/generations/${g}/diff`, diffSchema, { signal });

/** Validates the whole draft and makes it current; 422 lists every rule it breaks (with where). */
export const publishDraft = (g: number, version: number) =>
  request(`/api/generations/${g}/publish`, publishedSchema, { method: 'POST', headers: ifMatch(version) });

export const discardDraft = (g: number) => request(`/api/generations/${g}`, z.null(), { method: 'DELETE' });
