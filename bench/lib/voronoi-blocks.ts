// Fallback benchmark data: a seeded Voronoi partition of a district boundary into N blocks (polyclip-ts).
import { Delaunay } from 'd3-delaunay';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import pointInPolygon from 'point-in-polygon-hao';
import { intersection } from 'polyclip-ts';
import { seededRandom } from './random';

type Ring = [number, number][];

/** Splits the district (first feature of a FeatureCollection) into `count` Voronoi blocks with ids VB-0000... */
export function voronoiBlocks(district: FeatureCollection, count: number, seed: number): FeatureCollection {
  const g = district.features[0]?.geometry as Polygon | MultiPolygon;
  const parts = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Ring[][];
  const xs = parts.flatMap((p) => p[0].map((q) => q[0]));
  const ys = parts.flatMap((p) => p[0].map((q) => q[1]));
  const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  const rnd = seededRandom(seed);
  const seeds: [number, number][] = [];
  while (seeds.length < count) {
    const p: [number, number] = [box[0] + rnd() * (box[2] - box[0]), box[1] + rnd() * (box[3] - box[1])];
    if (parts.some((poly) => pointInPolygon(p, poly) !== false)) seeds.push(p);
  }
  const pad = 0.01;
  const voronoi = Delaunay.from(seeds).voronoi([box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad]);
  const features: Feature[] = [];
  seeds.forEach((_, i) => {
    const cell = voronoi.cellPolygon(i) as unknown as Ring;
    const clipped = intersection([cell], parts);
    if (clipped.length === 0) return;
    const geometry: Polygon | MultiPolygon =
      clipped.length === 1
        ? { type: 'Polygon', coordinates: clipped[0] as Position[][] }
        : { type: 'MultiPolygon', coordinates: clipped as Position[][][] };
    features.push({ type: 'Feature', properties: { id: `VB-${String(i).padStart(4, '0')}` }, geometry });
  });
  return { type: 'FeatureCollection', features };
}
