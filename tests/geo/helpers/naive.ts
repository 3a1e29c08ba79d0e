// The reference the engine is tested against: a naive loop of @turf/boolean-point-in-polygon over all blocks.
import turfBbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

type Block = Feature<Polygon | MultiPolygon, Record<string, unknown> | null>;

/** The naive reference over blocks given in index order (sorted by id, like BlockIndex). */
export class NaiveLocator {
  readonly features: Block[];
  // An inclusive bounding-box test before Turf keeps the suite fast; it never changes an answer.
  private readonly boxes: number[][];

  constructor(fc: FeatureCollection<Polygon | MultiPolygon, Record<string, unknown> | null>) {
    const id = (f: Block) => String(f.properties?.id);
    this.features = [...fc.features].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
    this.boxes = this.features.map((f) => turfBbox(f));
  }

  /** Indices of every block Turf says contains the point (boundary included, Turf's default). */
  containing(lon: number, lat: number): number[] {
    const out: number[] = [];
    const pt: Position = [lon, lat];
    for (let b = 0; b < this.features.length; b++) {
      const [x0, y0, x1, y1] = this.boxes[b];
      if (lon < x0 || lon > x1 || lat < y0 || lat > y1) continue;
      if (booleanPointInPolygon(pt, this.features[b])) out.push(b);
    }
    return out;
  }

  /** Distance in degrees from the point to the nearest block edge (any block). */
  distanceToEdge(lon: number, lat: number): number {
    let best = Infinity;
    for (const ring of rings(this.features)) {
      for (let k = 0; k + 1 < ring.length; k++)
        best = Math.min(best, segDist(lon, lat, ring[k], ring[k + 1]));
    }
    return best;
  }
}

/** Every ring of every block. */
export function* rings(features: Block[]): Generator<Position[]> {
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) yield* poly;
  }
}

/**
 * Points on block boundaries: every vertex (even positions) and every edge midpoint (odd positions;
 * exactly on the edge only when the edge is axis-aligned, otherwise within rounding of it).
 */
export function boundaryPoints(features: Block[]): Position[] {
  const out: Position[] = [];
  for (const ring of rings(features)) {
    for (let k = 0; k + 1 < ring.length; k++) {
      const [a, b] = [ring[k], ring[k + 1]];
      out.push(a, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
    }
  }
  return out;
}

function segDist(x: number, y: number, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / len2)) : 0;
  return Math.hypot(a[0] + t * dx - x, a[1] + t * dy - y);
}
