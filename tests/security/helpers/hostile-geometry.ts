// Hostile geometry for the fuzz suites: coordinates outside ±180/±90, broken rings (unclosed,
// self-intersecting, too short), ~1,000-level nesting, and GeoJSON that is wrong in one way or another.
import fc from 'fast-check';
import { hugeNumber } from './hostile-values.js';

/** Coordinates outside ±180/±90 (and a few swapped or just-outside ones). */
export const badCoordinate: fc.Arbitrary<number> = fc.oneof(
  fc.double({ min: 180.000001, max: 1e9, noNaN: true }),
  fc.double({ min: -1e9, max: -180.000001, noNaN: true }),
  fc.double({ min: 90.000001, max: 180, noNaN: true }),
  fc.constantFrom(181, -181, 91, -91, 360, 27.855486, 112.883623),
);

/** Points inside (the box of) the district. */
export const inDistrict = fc.tuple(
  fc.double({ min: 112.75, max: 113.0, noNaN: true }),
  fc.double({ min: 27.8, max: 28.0, noNaN: true }),
);
export const position: fc.Arbitrary<unknown[]> = fc.oneof(
  inDistrict,
  fc.tuple(badCoordinate, badCoordinate),
  fc.tuple(hugeNumber, hugeNumber),
  fc.tuple(fc.double(), fc.double(), fc.double()),
  fc.constantFrom<unknown[]>([], [112.88], ['112.88', '27.85']),
);

/** Rings that break RFC 7946: unclosed, self-intersecting (a bow tie), too short, out of range. */
export const badRing: fc.Arbitrary<unknown[]> = fc.oneof(
  fc.array(position, { minLength: 3, maxLength: 12 }),
  inDistrict.map(([x, y]) => [
    [x, y],
    [x + 0.01, y + 0.01],
    [x + 0.01, y],
    [x, y + 0.01],
    [x, y],
  ]),
  inDistrict.map(([x, y]) => [
    [x, y],
    [x + 0.01, y],
    [x, y],
  ]),
  fc.tuple(badCoordinate, badCoordinate).map(([x, y]) => [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y],
  ]),
  inDistrict.map(([x, y]) => [
    [x, y],
    [x, y],
    [x, y],
    [x, y],
  ]),
);

/** Nested arrays or objects ~1,000 levels deep. */
export const deep: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 900, max: 1_100 }), fc.boolean())
  .map(([depth, arrays]) => {
    let v: unknown = arrays ? [112.88, 27.85] : 1;
    for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
    return v;
  });

/** GeoJSON-ish geometries, features and collections that are wrong in one way or another. */
export const badGeoJson: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.constantFrom('Polygon', 'MultiPolygon', 'polygon', 'Point', 'LineString', 'GeometryCollection', 42),
    fc.oneof(
      badRing.map((r) => [r]),
      badRing.map((r) => [[r]]),
      deep,
      badRing,
    ),
    fc.constantFrom('geometry', 'feature', 'collection'),
    fc.anything({ maxDepth: 2 }),
  )
  .map(([type, coordinates, wrap, properties]) => {
    const geometry = { type, coordinates };
    if (wrap === 'geometry') return geometry;
    const feature = { type: 'Feature', properties, geometry };
    return wrap === 'feature' ? feature : { type: 'FeatureCollection', features: [feature, feature] };
  });
