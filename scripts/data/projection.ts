// Local equirectangular metres around the district, so seeds and Voronoi cells are isotropic on the ground.
import { GRID, M_PER_DEG_LAT, M_PER_DEG_LON } from '../../core/geography/geom';

const LON0 = 112.85;
const LAT0 = 27.94;

export type Xy = [number, number];

/** lon/lat → local metres. */
export function toXy(p: readonly number[]): Xy {
  return [(p[0] - LON0) * M_PER_DEG_LON, (p[1] - LAT0) * M_PER_DEG_LAT];
}

/** local metres → lon/lat (unrounded). */
export function toLonLat(p: readonly number[]): [number, number] {
  return [LON0 + p[0] / M_PER_DEG_LON, LAT0 + p[1] / M_PER_DEG_LAT];
}

/** local metres → integer micro-degrees, snapped to a grid of `step` micro-degrees (10 = 1e-5°, about 1 m). */
export function toGrid(p: readonly number[], step = 1): [number, number] {
  const [lon, lat] = toLonLat(p);
  return [Math.round((lon * GRID) / step) * step, Math.round((lat * GRID) / step) * step];
}

/** integer micro-degrees → local metres. */
export function gridToXy(p: readonly number[]): Xy {
  return toXy([p[0] / GRID, p[1] / GRID]);
}

/** Rounds a coordinate to 6 decimals (the shipped precision). */
export function round6(v: number): number {
  return Math.round(v * GRID) / GRID;
}

/** Euclidean distance (plain sqrt: bit-identical everywhere, unlike Math.hypot). */
export function dist(a: readonly number[], b: readonly number[]): number {
  const dx = a[0] - b[0];
  const dy = a[1] - b[1];
  return Math.sqrt(dx * dx + dy * dy);
}
