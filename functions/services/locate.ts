// Answers built from a located point: the location record and the 422 for points outside the district.
import { DomainError } from '../../core/errors.js';
import type { Crs } from '../../core/geo/crs.js';
import type { LoadedGeneration } from './boundaries.js';

/** The answer for a located block index: block, community, township names and codes. */
export function locationOf(loaded: LoadedGeneration, blockIndex: number) {
  const block = loaded.blocks.get(loaded.locator.blockId(blockIndex))!.properties;
  return {
    block: { id: block.id, name: block.name },
    community: { code: block.community_code, name: block.community_name },
    township: { code: block.township_code, name: block.township_name },
    generation: loaded.meta.generation,
  };
}

/** 422 OUTSIDE_DISTRICT with the nearest block and its distance, and a hint when lon/lat look swapped. */
export function outsideError(loaded: LoadedGeneration, lon: number, lat: number, crs: Crs): DomainError {
  const nearest = loaded.locator.nearest(lon, lat, crs);
  const swapped = loaded.locator.locate(lat, lon, crs).inside;
  const block = nearest ? loaded.blocks.get(nearest.blockId)?.properties : undefined;
  return new DomainError(
    'OUTSIDE_DISTRICT',
    `point ${lon},${lat} (${crs}) is outside Yuhu District${
      swapped ? ` — lon and lat look swapped: ${lat},${lon} is inside` : ''
    }; only points inside the district have a block`,
    422,
    {
      nearest_block: block ? { id: block.id, name: block.name } : null,
      distance_m: nearest ? Math.round(nearest.distanceM) : null,
      swapped_inside: swapped,
    },
  );
}
