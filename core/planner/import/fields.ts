// Attribute names: which source columns feed each block property, and the flat ≤ 10-character names we export.
import type { BlockProperties } from '../../geography/schemas';

/**
 * Source column names accepted for each property, compared case-insensitively, first match wins.
 * They cover our own exports (both the full and the Shapefile names), the names Shapefile writers
 * produce by cutting ours to 10 characters (`community_`, `population`), and common survey names.
 */
export const FIELD_ALIASES = {
  id: ['block_id', 'id', 'blockid'],
  community_code: ['community_code', 'comm_code', 'community_', 'commcode'],
  name: ['name', 'block_name', 'blk_name'],
  population: ['population_est', 'pop_est', 'population', 'pop'],
  synthetic: ['synthetic', 'synth'],
} as const;

export type FieldKey = keyof typeof FIELD_ALIASES;

/** The value of the first present alias of `key` (empty strings count as absent). */
export function readField(properties: Record<string, unknown> | null, key: FieldKey): unknown {
  if (!properties) return undefined;
  const lower = new Map(Object.entries(properties).map(([k, v]) => [k.toLowerCase(), v]));
  for (const alias of FIELD_ALIASES[key]) {
    const v = lower.get(alias);
    if (v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '')) return v;
  }
  return undefined;
}

/**
 * Export names for Shapefile-compatible GeoJSON (DBF field names have at most 10 characters). The
 * importer reads every one of them back (see FIELD_ALIASES), so an export re-imports unchanged.
 */
export const SHAPEFILE_FIELDS: Readonly<Record<keyof BlockProperties, string>> = {
  id: 'block_id',
  name: 'name',
  community_code: 'comm_code',
  community_name: 'comm_name',
  township_code: 'town_code',
  township_name: 'town_name',
  population_est: 'pop_est',
  area_m2: 'area_m2',
  generation: 'generation',
  synthetic: 'synthetic',
};

/** Flat properties for a Shapefile: short names, only strings and numbers (booleans as 0/1). */
export function toShapefileProperties(p: BlockProperties): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, name] of Object.entries(SHAPEFILE_FIELDS) as [keyof BlockProperties, string][]) {
    const v = p[key];
    out[name] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  }
  return out;
}
