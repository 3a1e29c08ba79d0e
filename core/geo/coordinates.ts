// Validation of client coordinates: finite, in range, and a hint when lon and lat look swapped.
import { ValidationError } from '../errors.js';
import type { Crs } from './crs.js';

/** Something that can tell whether a point lies in the district (a Locator). */
export interface InsideTest {
  locate(lon: number, lat: number, crs?: Crs): { inside: boolean };
}

/** Parses one coordinate sent as text; '' and non-numbers become NaN (reported by checkLonLat). */
export function parseCoordinate(raw: string | number | undefined | null): number {
  if (typeof raw === 'number') return raw;
  if (raw === undefined || raw === null || raw.trim() === '') return Number.NaN;
  return Number(raw);
}

/**
 * Throws INVALID_COORDINATES (400) for a missing, non-finite or out-of-range point, and says so when
 * the point given as [lat, lon] would have landed inside the district — the most common client mistake.
 */
export function checkLonLat(
  lon: number,
  lat: number,
  crs: Crs,
  district?: InsideTest,
  label = 'point',
): void {
  const problems: string[] = [];
  if (!Number.isFinite(lon)) problems.push('lon is missing or not a number');
  else if (lon < -180 || lon > 180) problems.push(`lon ${lon} is outside -180..180`);
  if (!Number.isFinite(lat)) problems.push('lat is missing or not a number');
  else if (lat < -90 || lat > 90) problems.push(`lat ${lat} is outside -90..90`);
  if (problems.length === 0) return;
  let hint = '';
  if (
    district &&
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    Math.abs(lon) <= 90 &&
    Math.abs(lat) <= 180
  ) {
    if (district.locate(lat, lon, crs).inside)
      hint = ` — lon and lat look swapped: [${lat}, ${lon}] is inside Yuhu`;
  }
  throw new ValidationError(
    `${label}: ${problems.join('; ')}${hint}. Send WGS84 (or crs=gcj02) longitude and latitude in degrees, e.g. lon=112.9 lat=27.86`,
    {
      lon: Number.isFinite(lon) ? lon : null,
      lat: Number.isFinite(lat) ? lat : null,
      swapped_inside: hint !== '',
    },
    'INVALID_COORDINATES',
  );
}
