// The whole-coverage check before a draft is published, built from the core/geography invariants.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { BlockFeature } from '../blocks/generation';
import { checkCoverage } from '../geography/coverage';
import { checkTopology } from '../geography/invariants';
import { checkRecords, type EXPECTED_COUNTS } from '../geography/records';
import type { Violation } from '../geography/violation';
import type { Coverage } from './coverage';
import { type AreaReference, type DerivedAreas, deriveAreas } from './derive';
import { DEFAULT_MIN_AREA_M2 } from './patch';

/** Publish-time settings. */
export interface PublishCheckOptions {
  /** Smallest block area (m²) allowed at publish; default as for edits (10,000 m²). */
  readonly minAreaM2?: number;
  /** Every block needs its cadres (governor, assistants, supervisor); default true. */
  readonly requireAssignments?: boolean;
}

const fc = <G extends Geometry, P>(features: Feature<G, P>[]): FeatureCollection<G, P> => ({
  type: 'FeatureCollection',
  features,
});

/** Blocks under the minimum area and blocks without cadres (or cadres of blocks that no longer exist). */
function draftRules(coverage: Coverage, derived: DerivedAreas, options: PublishCheckOptions): Violation[] {
  const out: Violation[] = [];
  const min = options.minAreaM2 ?? DEFAULT_MIN_AREA_M2;
  for (const b of derived.blocks) {
    if (b.properties.area_m2 < min)
      out.push({
        rule: 'min_area',
        feature: b.properties.id,
        message: `covers ${b.properties.area_m2} m², less than the minimum ${min} m²; merge it with a neighbour`,
        numbers: { area_m2: b.properties.area_m2, min_area_m2: min },
      });
  }
  if (options.requireAssignments === false) return out;
  const ids = new Set(coverage.blocks.map((b) => b.properties.id));
  for (const id of ids) {
    if (!coverage.assignments[id])
      out.push({ rule: 'assignment', feature: id, message: 'has no cadres; send assign_cadres for it' });
  }
  for (const id of Object.keys(coverage.assignments)) {
    if (!ids.has(id))
      out.push({ rule: 'assignment', feature: id, message: 'has cadres but is not a block of this draft' });
  }
  return out;
}

/**
 * Checks a whole draft before publishing: record schemas and references, validity and T-junctions of
 * blocks and of the communities and townships derived from them, nesting and tiling, coverage of the
 * district (no gap, no overlap, same outline), minimum areas and cadres. Empty when the draft may be
 * published. About a second on the real 667 blocks.
 */
export function validateCoverage(
  coverage: Coverage,
  district: Polygon | MultiPolygon,
  reference: AreaReference,
  options: PublishCheckOptions = {},
): Violation[] {
  let derived: DerivedAreas;
  try {
    derived = deriveAreas(coverage, reference);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ rule: 'derive', feature: 'blocks', message: `communities cannot be derived: ${message}` }];
  }
  const blocks = derived.blocks as Feature<Polygon | MultiPolygon, BlockFeature['properties']>[];
  return [
    // checkRecords types its counts as the shipped literals (667/135/15); a draft has its own.
    ...checkRecords(derived, {
      blocks: derived.blocks.length,
      communities: reference.communities.length,
      townships: reference.townships.length,
    } as unknown as typeof EXPECTED_COUNTS),
    ...checkTopology({
      district: fc([{ type: 'Feature', properties: {}, geometry: district }]),
      townships: fc(derived.townships),
      communities: fc(derived.communities),
      blocks: fc(derived.blocks),
    }),
    ...checkCoverage(blocks, district, (b) => b.properties.id),
    ...draftRules(coverage, derived, options),
  ];
}
