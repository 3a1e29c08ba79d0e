// Synthetic block coverages with exactly shared vertices: square grids and a seeded Voronoi partition.
import { Delaunay } from 'd3-delaunay';
import type { Position } from 'geojson';
import type { BlockFeature } from '../../../core/hotspots/adjacency';
import { seededRandom } from './random';

/** Roughly Yuhu District's extent, so coordinates look like the real data. */
export const YUHU_BBOX: [number, number, number, number] = [112.8, 27.85, 112.95, 27.95];

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/** Closes a ring, drops repeated vertices and makes it counter-clockwise (RFC 7946 outer ring). */
function outerRing(points: readonly Position[]): Position[] {
  const ring: Position[] = [];
  for (const p of points) {
    const q = [round7(p[0]), round7(p[1])];
    const last = ring[ring.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) ring.push(q);
  }
  if (ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1])
    ring.pop();
  let area = 0;
  for (let k = 0; k < ring.length; k++) {
    const [a, b] = [ring[k], ring[(k + 1) % ring.length]];
    area += a[0] * b[1] - b[0] * a[1];
  }
  if (area < 0) ring.reverse();
  ring.push([...ring[0]]);
  return ring;
}

/** A rows × cols grid of unit squares from (0, 0), row-major ids `r{row}c{col}`, row 0 at the top (north). */
export function squareGrid(rows: number, cols: number, size = 1): BlockFeature[] {
  const features: BlockFeature[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [x0, x1] = [c * size, (c + 1) * size];
      const [y1, y0] = [(rows - r) * size, (rows - r - 1) * size];
      const ring = [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ];
      features.push({
        type: 'Feature',
        properties: { id: `r${r}c${c}` },
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
  }
  return features;
}

/** A seeded Voronoi partition of `bbox` into `count` blocks (ids B-0000 …) and the Delaunay to locate points. */
export function voronoiCoverage(count: number, seed: number, bbox = YUHU_BBOX) {
  const rnd = seededRandom(seed);
  const seeds = new Float64Array(2 * count);
  for (let k = 0; k < count; k++) {
    seeds[2 * k] = bbox[0] + rnd() * (bbox[2] - bbox[0]);
    seeds[2 * k + 1] = bbox[1] + rnd() * (bbox[3] - bbox[1]);
  }
  const delaunay = new Delaunay(seeds);
  const voronoi = delaunay.voronoi(bbox);
  const features: BlockFeature[] = [];
  for (let k = 0; k < count; k++) {
    const cell = voronoi.cellPolygon(k) as unknown as Position[];
    features.push({
      type: 'Feature',
      properties: { id: `B-${String(k).padStart(4, '0')}` },
      geometry: { type: 'Polygon', coordinates: [outerRing(cell)] },
    });
  }
  /** Index of the block containing (lon, lat): the nearest seed. */
  const locate = (lon: number, lat: number) => delaunay.find(lon, lat);
  return { features, locate, bbox };
}

/**
 * A rows × cols grid of quadrilaterals over `bbox` whose interior vertices are moved by up to
 * `jitter` of a cell in each axis; each block also reports its planar area (degrees²).
 */
export function jitteredGrid(rows: number, cols: number, jitter: number, seed: number, bbox = YUHU_BBOX) {
  const rnd = seededRandom(seed);
  const dx = (bbox[2] - bbox[0]) / cols;
  const dy = (bbox[3] - bbox[1]) / rows;
  const vertex: Position[][] = [];
  for (let r = 0; r <= rows; r++) {
    vertex.push([]);
    for (let c = 0; c <= cols; c++) {
      const inner = r > 0 && r < rows && c > 0 && c < cols;
      const jx = inner ? (rnd() * 2 - 1) * jitter * dx : 0;
      const jy = inner ? (rnd() * 2 - 1) * jitter * dy : 0;
      vertex[r].push([round7(bbox[0] + c * dx + jx), round7(bbox[1] + r * dy + jy)]);
    }
  }
  const features: BlockFeature[] = [];
  const areas: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const ring = outerRing([vertex[r][c], vertex[r][c + 1], vertex[r + 1][c + 1], vertex[r + 1][c]]);
      let a = 0;
      for (let k = 0; k + 1 < ring.length; k++)
        a += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
      areas.push(a / 2);
      features.push({
        type: 'Feature',
        properties: { id: `J-${r}-${c}` },
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
  }
  return { features, areas };
}

/** Planar area of each block's outer ring(s) in degrees², for "uniform scatter" (probability ∝ area). */
export function blockAreas(features: readonly BlockFeature[]): number[] {
  return features.map((f) => {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    let total = 0;
    for (const poly of polys) {
      for (let h = 0; h < poly.length; h++) {
        const ring = poly[h];
        let a = 0;
        for (let k = 0; k + 1 < ring.length; k++)
          a += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
        total += h === 0 ? Math.abs(a) / 2 : -Math.abs(a) / 2;
      }
    }
    return total;
  });
}

/** Scatters `incidents` uniformly over the coverage: each falls in a block with probability ∝ its area. */
export function scatterByArea(areas: readonly number[], incidents: number, rnd: () => number): Float64Array {
  const cumulative = new Float64Array(areas.length);
  let sum = 0;
  areas.forEach((a, i) => {
    sum += a;
    cumulative[i] = sum;
  });
  const counts = new Float64Array(areas.length);
  for (let k = 0; k < incidents; k++) {
    const u = rnd() * sum;
    let lo = 0;
    let hi = areas.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}
