// What one edit replaces (a patch), the engine's options, and how a checked patch becomes the next coverage.
import type { BlockFeature } from '../blocks/generation';
import type { IntPoint } from '../geography/geom';
import { type CadreRoles, type Coverage, sortById } from './coverage';

/** Which borders an edit may move besides block borders: none locked (default), or those between
 * townships, or those between communities (which also forbids reassigning blocks across them). */
export type LockedBorders = 'none' | 'township' | 'community';

/** Engine settings; the API passes the same ones for every edit of a draft. */
export interface EditOptions {
  /** Smallest area (m²) an edit may leave a new or shrinking block with. Default 10,000 m² (1 ha). */
  readonly minAreaM2?: number;
  readonly lockedBorders?: LockedBorders;
}

export const DEFAULT_MIN_AREA_M2 = 10_000;

/** Options with defaults filled in. */
export function resolveOptions(options: EditOptions = {}): Required<EditOptions> {
  return {
    minAreaM2: options.minAreaM2 ?? DEFAULT_MIN_AREA_M2,
    lockedBorders: options.lockedBorders ?? 'none',
  };
}

/**
 * The blocks an edit takes out (`before`, from the coverage) and puts in (`after`); an id in both is a
 * changed block. `fresh` are the vertices the edit creates, `reusable` the keys of vertices it deletes
 * (a fresh vertex may take their place), `inherit` maps a new id to the id whose cadres it takes over.
 */
export interface Patch {
  readonly before: readonly BlockFeature[];
  readonly after: readonly BlockFeature[];
  readonly geometry: boolean;
  readonly fresh?: readonly IntPoint[];
  readonly reusable?: ReadonlySet<string>;
  readonly inherit?: Readonly<Record<string, string>>;
  readonly assignments?: Readonly<Record<string, CadreRoles>>;
}

/** The next coverage and which block ids the edit touched. */
export interface EditResult {
  readonly coverage: Coverage;
  /** Ids present before and after whose record changed (geometry, properties or cadres). */
  readonly changed: string[];
  readonly added: string[];
  readonly removed: string[];
}

/** Builds the next coverage from a patch that has passed its checks; the input is not touched. */
export function applyPatch(coverage: Coverage, patch: Patch): EditResult {
  const beforeIds = new Set(patch.before.map((b) => b.properties.id));
  const afterIds = new Set(patch.after.map((b) => b.properties.id));
  const blocks = sortById([
    ...coverage.blocks.filter((b) => !beforeIds.has(b.properties.id)),
    ...patch.after,
  ]);
  const removed = [...beforeIds].filter((id) => !afterIds.has(id)).sort();
  const added = [...afterIds].filter((id) => !beforeIds.has(id)).sort();
  const assigned = Object.keys(patch.assignments ?? {});
  const changed = [...new Set([...[...afterIds].filter((id) => beforeIds.has(id)), ...assigned])].sort();
  const assignments: Record<string, CadreRoles> = { ...coverage.assignments };
  for (const [id, from] of Object.entries(patch.inherit ?? {})) {
    if (coverage.assignments[from]) assignments[id] = coverage.assignments[from];
  }
  for (const id of removed) delete assignments[id];
  Object.assign(assignments, patch.assignments);
  return {
    coverage: { blocks, assignments, retired_ids: [...coverage.retired_ids, ...removed] },
    changed,
    added,
    removed,
  };
}
