// Pieces left by polygon clipping (gaps, overlaps, parts outside): size, mean width and a point inside.
import area from '@turf/area';
import type { Position } from 'geojson';
import { GRID, M_PER_DEG_LAT, M_PER_DEG_LON } from './geom';

/** One polygon of a clipped result: outer ring, then holes. */
export type Piece = Position[][];

/** Area, perimeter (all rings) and mean width (2 × area / perimeter) of a piece, in m² and metres. */
export interface PieceSize {
  readonly areaM2: number;
  readonly perimeterM: number;
  readonly widthM: number;
}

/**
 * A piece is a real gap, overlap or bulge (not a rounding sliver) when it is at least this big and this
 * wide on average. Used by the publish check and by the import report, so both judge pieces alike.
 */
export const MIN_PIECE = { areaM2: 1, widthM: 0.1 } as const;

const round = (v: number) => Math.round(v * GRID) / GRID;

/** Perimeter in metres of all rings (local equirectangular approximation, as elsewhere in geom.ts). */
function perimeterM(piece: Piece): number {
  let sum = 0;
  for (const ring of piece)
    for (let i = 0; i + 1 < ring.length; i++)
      sum += Math.hypot(
        (ring[i + 1][0] - ring[i][0]) * M_PER_DEG_LON,
        (ring[i + 1][1] - ring[i][1]) * M_PER_DEG_LAT,
      );
  return sum;
}

/**
 * Measures a piece. The mean width tells a real gap from a rounding sliver: snapping corners to the
 * 1e-6° grid (≈ 0.1 m) leaves slivers a few centimetres wide along long edges, however long they are.
 */
export function pieceSize(piece: Piece): PieceSize {
  const areaM2 = area({ type: 'Polygon', coordinates: piece });
  const p = perimeterM(piece);
  return { areaM2, perimeterM: p, widthM: (2 * areaM2) / Math.max(p, 1e-9) };
}

/**
 * A point inside a piece, [lon, lat] rounded to 6 decimals: the middle of the widest stretch of the
 * horizontal line through the middle of its box (as JTS's interior point does), so thin or bent pieces
 * are still pointed at from inside.
 */
export function interiorPoint(piece: Piece): [number, number] {
  const ys = piece[0].map((p) => p[1]);
  const y = (Math.min(...ys) + Math.max(...ys)) / 2;
  const xs: number[] = [];
  for (const ring of piece) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [a, b] = [ring[i], ring[i + 1]];
      if (a[1] > y !== b[1] > y) xs.push(a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1]));
    }
  }
  xs.sort((p, q) => p - q);
  let best: [number, number] = [round(piece[0][0][0]), round(piece[0][0][1])];
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1] - xs[i] > width) {
      width = xs[i + 1] - xs[i];
      best = [round((xs[i] + xs[i + 1]) / 2), round(y)];
    }
  }
  return best;
}
