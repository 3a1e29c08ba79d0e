// Coordinates of an imported file: refuse projected or misplaced data, convert GCJ-02 at the edge.
import type { Feature, Geometry, Position } from 'geojson';
import { DomainError } from '../../errors';
import { type Crs, toWgs84 } from '../../geo/crs';

/** Every position of a geometry (any type), in document order. */
function* positions(geometry: Geometry | null): Generator<Position> {
  if (!geometry) return;
  switch (geometry.type) {
    case 'Point':
      yield geometry.coordinates;
      break;
    case 'MultiPoint':
    case 'LineString':
      yield* geometry.coordinates;
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) yield* line;
      break;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) for (const ring of polygon) yield* ring;
      break;
    case 'GeometryCollection':
      for (const g of geometry.geometries) yield* positions(g);
      break;
  }
}

/** Bounding box [minLon, minLat, maxLon, maxLat] of all features' positions (null when there are none). */
export function featuresBbox(features: readonly Feature[]): [number, number, number, number] | null {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    for (const [x, y] of positions(f.geometry)) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return Number.isFinite(box[0]) ? box : null;
}

/**
 * Refuses coordinates that cannot be WGS84 degrees (projected metres, e.g. CGCS2000 Gauss-Krüger) and data
 * that lies nowhere near the district (e.g. [lat, lon] swapped). GCJ-02 cannot be told from WGS84 by
 * looking (the shift is ~500 m): the caller says so with `crs`.
 */
export function checkCoordinates(
  features: readonly Feature[],
  district: readonly [number, number, number, number] | null,
): void {
  const box = featuresBbox(features);
  if (!box)
    throw new DomainError('IMPORT_EMPTY', 'the file has no coordinates; export the block layer again');
  const [x0, y0, x1, y1] = box;
  const margin = 0.1; // about 10 km
  const near = (b: readonly number[]) =>
    !!district &&
    b[0] <= district[2] + margin &&
    b[2] >= district[0] - margin &&
    b[1] <= district[3] + margin &&
    b[3] >= district[1] - margin;
  const where = `lon ${x0.toFixed(3)}..${x1.toFixed(3)}, lat ${y0.toFixed(3)}..${y1.toFixed(3)}`;
  if (near([y0, x0, y1, x1]) && !near(box))
    throw new DomainError(
      'IMPORT_OUTSIDE_DISTRICT',
      `the data lies at ${where}: longitude and latitude look swapped; GeoJSON wants [lon, lat]`,
      422,
      { bbox: box, swapped: true },
    );
  if ([x0, x1].some((x) => Math.abs(x) > 180) || [y0, y1].some((y) => Math.abs(y) > 90)) {
    throw new DomainError(
      'IMPORT_PROJECTED',
      `coordinates span x ${x0.toFixed(0)}..${x1.toFixed(0)}, y ${y0.toFixed(0)}..${y1.toFixed(0)}: these are projected (metres), not degrees; ` +
        'reproject to WGS84 first, e.g. `npx mapshaper blocks.shp -proj wgs84 -o blocks.geojson`',
      422,
      { bbox: box },
    );
  }
  if (!district || near(box)) return;
  throw new DomainError(
    'IMPORT_OUTSIDE_DISTRICT',
    `the data lies at ${where}, not in Yuhu District; is it WGS84 degrees of the right area?`,
    422,
    { bbox: box, swapped: false },
  );
}

/** Features with every position converted to WGS84 (a no-op for `wgs84`); properties are kept. */
export function toWgs84Features<F extends Feature>(features: readonly F[], crs: Crs): F[] {
  if (crs === 'wgs84') return [...features];
  const convert = (p: Position): Position => toWgs84(p[0], p[1], crs);
  const geometry = (g: Geometry | null): Geometry | null => {
    if (!g) return g;
    switch (g.type) {
      case 'Point':
        return { ...g, coordinates: convert(g.coordinates) };
      case 'MultiPoint':
      case 'LineString':
        return { ...g, coordinates: g.coordinates.map(convert) };
      case 'MultiLineString':
      case 'Polygon':
        return { ...g, coordinates: g.coordinates.map((l) => l.map(convert)) } as Geometry;
      case 'MultiPolygon':
        return { ...g, coordinates: g.coordinates.map((p) => p.map((r) => r.map(convert))) };
      case 'GeometryCollection':
        return { ...g, geometries: g.geometries.map((x) => geometry(x) as Geometry) };
    }
  };
  return features.map((f) => ({ ...f, geometry: geometry(f.geometry) }));
}
