// Derived data of a coverage: block areas, and community and township polygons dissolved from the blocks.
import area from '@turf/area';
import type { BlockFeature, CommunityFeature, TownshipFeature } from '../blocks/generation';
import { DomainError } from '../errors';
import { dissolve } from '../geography/dissolve';
import type { Coverage } from './coverage';

/** Names and types of communities and townships (from the base generation); geometry is ignored. */
export interface AreaReference {
  readonly communities: readonly CommunityFeature[];
  readonly townships: readonly TownshipFeature[];
}

/** Everything a generation stores, derived from one coverage. */
export interface DerivedAreas {
  readonly blocks: BlockFeature[];
  readonly communities: CommunityFeature[];
  readonly townships: TownshipFeature[];
}

/** Sums of population and block counts per code. */
function totals(blocks: readonly BlockFeature[], key: 'community_code' | 'township_code') {
  const out = new Map<string, { population: number; blocks: number }>();
  for (const b of blocks) {
    const t = out.get(b.properties[key]) ?? { population: 0, blocks: 0 };
    t.population += b.properties.population_est;
    t.blocks += 1;
    out.set(b.properties[key], t);
  }
  return out;
}

function missing(level: string, code: string): never {
  throw new DomainError(
    'UNKNOWN_AREA',
    `${level} ${code} has blocks but is not in the reference list; pass the base generation's ${level}s`,
    422,
    { code },
  );
}

/**
 * Re-derives what a generation stores from a coverage: every block's area_m2 (geodesic, @turf/area)
 * and, when `generation` is given, its generation number; one community and one township polygon per
 * code, dissolved from its blocks (vertex for vertex, so they share borders exactly), with population
 * and block counts summed. A community or township without blocks is left out.
 */
export function deriveAreas(coverage: Coverage, reference: AreaReference, generation?: number): DerivedAreas {
  const blocks = coverage.blocks.map((b) => ({
    ...b,
    properties: {
      ...b.properties,
      area_m2: Math.round(area(b.geometry)),
      ...(generation === undefined ? {} : { generation }),
    },
  }));
  const communityInfo = new Map(reference.communities.map((c) => [c.properties.code, c.properties]));
  const townshipInfo = new Map(reference.townships.map((t) => [t.properties.code, t.properties]));
  const byCommunity = totals(blocks, 'community_code');
  const byTownship = totals(blocks, 'township_code');
  const communities: CommunityFeature[] = [];
  const dissolvedCommunities = dissolve(
    blocks.map((b) => ({ group: b.properties.community_code, geometry: b.geometry })),
  );
  for (const [code, geometry] of dissolvedCommunities) {
    const info = communityInfo.get(code) ?? missing('community', code);
    const t = byCommunity.get(code)!;
    communities.push({
      type: 'Feature',
      properties: {
        ...info,
        population_est: t.population,
        blocks: t.blocks,
        area_m2: Math.round(area(geometry)),
      },
      geometry,
    });
  }
  const townships: TownshipFeature[] = [];
  for (const [code, geometry] of dissolve(
    blocks.map((b) => ({ group: b.properties.township_code, geometry: b.geometry })),
  )) {
    const info = townshipInfo.get(code) ?? missing('township', code);
    const t = byTownship.get(code)!;
    townships.push({
      type: 'Feature',
      properties: {
        ...info,
        population_est: t.population,
        blocks: t.blocks,
        area_m2: Math.round(area(geometry)),
      },
      geometry,
    });
  }
  return { blocks, communities, townships };
}
