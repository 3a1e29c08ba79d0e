// Fine heat: incident counts on H3 res-10 cells rolled up to a coarser hexagon grid, as GeoJSON.
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { cellToBoundary, cellToParent, getResolution, isValidCell } from 'h3-js';
import { ValidationError } from '../errors';

/** Resolution the counters are stored at (≈ 0.015 km² per cell). */
export const STORE_RES = 10;

/** Resolutions a heat layer may be drawn at: 8 (≈ 0.74 km²), 9 (≈ 0.1 km², default), 10 (≈ 0.015 km²). */
export type HexRes = 8 | 9 | 10;

/** Properties of one hexagon feature. */
export interface HexProperties {
  h3: string;
  count: number;
}

/**
 * Sums res-10 cell counts into their parents at `res`; the total is conserved exactly (integer
 * counts). Throws on a cell that is not a valid res-10 H3 index, so a bad counter is not silently lost.
 */
export function aggregateCells(
  countsRes10: ReadonlyMap<string, number>,
  res: HexRes = 9,
): Map<string, number> {
  if (res !== 8 && res !== 9 && res !== 10) {
    throw new ValidationError(`hexagon resolution ${res} is not supported: use 8, 9 or 10`, { res });
  }
  const out = new Map<string, number>();
  for (const [cell, count] of countsRes10) {
    if (!isValidCell(cell) || getResolution(cell) !== STORE_RES) {
      throw new ValidationError(`counter cell ${JSON.stringify(cell)} is not an H3 res-10 cell index`, {
        cell,
      });
    }
    if (!Number.isFinite(count)) {
      throw new ValidationError(`count of cell ${cell} is ${count}: give a finite number`, { cell });
    }
    const parent = res === STORE_RES ? cell : cellToParent(cell, res);
    out.set(parent, (out.get(parent) ?? 0) + count);
  }
  return out;
}

/** Twice the signed area of a ring in lon/lat units; positive when counter-clockwise. */
function signedArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let k = 0; k + 1 < ring.length; k++) sum += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
  return sum;
}

/** The hexagon of an H3 cell as an RFC 7946 polygon ring: [lon, lat], closed, counter-clockwise. */
export function hexRing(cell: string): Position[] {
  const ring: Position[] = cellToBoundary(cell, true);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
  if (signedArea2(ring) < 0) ring.reverse();
  return ring;
}

/** One hexagon Feature per cell with `{ h3, count }`; cells with a zero count are left out. */
export function hexFeatureCollection(
  counts: ReadonlyMap<string, number>,
): FeatureCollection<Polygon, HexProperties> {
  const features: Feature<Polygon, HexProperties>[] = [];
  for (const [h3, count] of counts) {
    if (count === 0) continue;
    features.push({
      type: 'Feature',
      id: h3,
      properties: { h3, count },
      geometry: { type: 'Polygon', coordinates: [hexRing(h3)] },
    });
  }
  return { type: 'FeatureCollection', features };
}
