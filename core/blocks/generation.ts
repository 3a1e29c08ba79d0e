// Boundary generations (MapIt's model): complete, immutable versions of all block boundaries.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import type { BlockProperties, CommunityProperties, TownshipProperties } from '../geography/schemas.js';

export const generationStatusSchema = z.enum(['draft', 'published', 'discarded']);

/** One version of the block boundaries. Exactly one published generation is current. */
export const generationSchema = z
  .object({
    generation: z.number().int().positive(),
    status: generationStatusSchema,
    /** The generation a draft was copied from (null for the first one). */
    base: z.number().int().positive().nullable(),
    /** Bumped by every accepted edit of a draft; clients send it back in If-Match. */
    version: z.number().int().positive(),
    created_at: z.string(),
    published_at: z.string().nullable(),
    block_count: z.number().int().nonnegative(),
    /** Hash of block ids and geometry, ties derived artifacts (the locate grid) to this exact boundary set. */
    fingerprint: z.string(),
    note: z.string().optional(),
    /** Who did what (`role:id`), so every boundary write is attributable. */
    created_by: z.string().optional(),
    last_edited_by: z.string().optional(),
    published_by: z.string().optional(),
    /** When open work and counters last fully followed this generation's boundaries (after its publish). */
    followed_at: z.string().optional(),
  })
  .meta({ id: 'Generation' });

export type Generation = z.infer<typeof generationSchema>;

export type AreaGeometry = Polygon | MultiPolygon;

export type { BlockProperties, CommunityProperties, TownshipProperties };

export type BlockFeature = Feature<AreaGeometry, BlockProperties>;
export type CommunityFeature = Feature<AreaGeometry, CommunityProperties>;
export type TownshipFeature = Feature<AreaGeometry, TownshipProperties>;

/** Everything that is versioned with a generation: blocks and the areas derived from them. */
export interface BoundarySet {
  generation: number;
  blocks: BlockFeature[];
  communities: CommunityFeature[];
  townships: TownshipFeature[];
}

/** Wraps features as an RFC 7946 FeatureCollection. */
export function featureCollection<F extends Feature>(
  features: F[],
): FeatureCollection<F['geometry'], F['properties']> {
  return { type: 'FeatureCollection', features } as FeatureCollection<F['geometry'], F['properties']>;
}
