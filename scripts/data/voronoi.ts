// Voronoi edges of a seed set as labelled segments on the micro-degree grid (each edge once, cells on both sides).
import { Delaunay } from 'd3-delaunay';
import { orient } from '../../core/geography/geom';
import { toGrid, type Xy } from './projection';

/** A Voronoi edge: cell `left` lies to the left of from→to, cell `right` to the right. */
export interface VoronoiSegment {
  readonly from: [number, number];
  readonly to: [number, number];
  readonly left: number;
  readonly right: number;
}

/** Far-away dummy seeds bound every real cell, so no edge is an infinite ray inside the district. */
const FAR = 2_000_000;

function circumcenter(a: Xy, b: Xy, c: Xy): Xy {
  const bx = b[0] - a[0];
  const by = b[1] - a[1];
  const cx = c[0] - a[0];
  const cy = c[1] - a[1];
  const d = 2 * (bx * cy - by * cx);
  const b2 = bx * bx + by * by;
  const c2 = cx * cx + cy * cy;
  return [a[0] + (cy * b2 - by * c2) / d, a[1] + (bx * c2 - cx * b2) / d];
}

/**
 * Voronoi edges between real seeds (local metres), with vertices snapped to a grid of `snapStep`
 * micro-degrees. Edges that collapse to a point after snapping are dropped.
 */
export function voronoiSegments(seeds: readonly Xy[], snapStep: number): VoronoiSegment[] {
  if (seeds.length < 2) return [];
  const [cx, cy] = seeds.reduce((s, p) => [s[0] + p[0] / seeds.length, s[1] + p[1] / seeds.length], [0, 0]);
  const points: Xy[] = [
    ...seeds,
    [cx - FAR, cy - FAR],
    [cx + FAR, cy - FAR],
    [cx + FAR, cy + FAR],
    [cx - FAR, cy + FAR],
  ];
  const delaunay = Delaunay.from(points);
  const { triangles, halfedges } = delaunay;
  const centers: Xy[] = [];
  for (let t = 0; t < triangles.length / 3; t++) {
    centers.push(
      circumcenter(points[triangles[3 * t]], points[triangles[3 * t + 1]], points[triangles[3 * t + 2]]),
    );
  }
  const out: VoronoiSegment[] = [];
  for (let e = 0; e < halfedges.length; e++) {
    const twin = halfedges[e];
    if (twin < e) continue; // each interior edge once; hull edges join dummies only
    const i = triangles[e];
    const j = triangles[e % 3 === 2 ? e - 2 : e + 1];
    if (i >= seeds.length && j >= seeds.length) continue;
    const c1 = centers[Math.floor(e / 3)];
    const c2 = centers[Math.floor(twin / 3)];
    const from = toGrid(c1, snapStep);
    const to = toGrid(c2, snapStep);
    if (from[0] === to[0] && from[1] === to[1]) continue;
    const iLeft = orient(c1, c2, points[i]) > 0;
    out.push({ from, to, left: iLeft ? i : j, right: iLeft ? j : i });
  }
  return out;
}
