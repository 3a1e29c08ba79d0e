// Typed calls of the planner mode: generations and drafts, one topological edit at a time (If-Match = the
// draft's version), the diff against the base generation, publish and discard. The staff token comes from http.ts.
import { z } from 'zod';
import { generationSchema as fullGenerationSchema } from '../../../core/blocks/generation';
import {
  blockRolesListSchema,
  draftDiffSchema,
  editResultSchema,
  publishResultSchema,
} from '../../../core/planner/api';
import type { EditOp } from '../../../core/planner/ops';
import { request } from './http';
import { blocksSchema } from './schemas';

export type { EditOp };
export const plannerGenerationSchema = fullGenerationSchema;
export type PlannerGeneration = z.infer<typeof plannerGenerationSchema>;

export type { BlockRoles, DraftDiff as Diff, EditResult } from '../../../core/planner/api';

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

/** Who serves a block of the draft (a split's pieces start with the parent's cadres). */
export const getRoles = (g: number, block: string, signal?: AbortSignal) =>
  request(`/api/generations/${g}/assignments?block=${encodeURIComponent(block)}`, blockRolesListSchema, {
    signal,
  }).then((r) => r.assignments[0] ?? null);

export const getDiff = (g: number, signal?: AbortSignal) =>
  request(`/api/generations/${g}/diff`, draftDiffSchema, { signal });

/** Validates the whole draft and makes it current; 422 lists every rule it breaks (with where). */
export const publishDraft = (g: number, version: number) =>
  request(`/api/generations/${g}/publish`, publishResultSchema, {
    method: 'POST',
    headers: ifMatch(version),
  });

export const discardDraft = (g: number) => request(`/api/generations/${g}`, z.null(), { method: 'DELETE' });
