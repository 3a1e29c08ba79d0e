// Nearest block to a point outside all blocks, with the distance in metres (for "outside the district" details).
import type { BlockSet } from './block-set';

/** The block closest to a point and the distance from the point to that block in metres. */
export interface NearestBlock {
  blockIndex: number;
  distanceM: number;
}

/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;

/**
 * Distance to every block's boundary in a local equirectangular projection centred on the point
 * (error well under 1 % within tens of kilometres, which is all an error message needs). Blocks are
 * visited nearest bounding box first and skipped once their box is farther than the best distance.
 * Ties go to the lower block index, like every other lookup.
 */
export function nearestBlock(blocks: BlockSet, lon: number, lat: number): NearestBlock {
  const kx = EARTH_RADIUS_M * DEG * Math.cos(lat * DEG);
  const ky = EARTH_RADIUS_M * DEG;
  const { bboxes, coords, ringStart, ringBlock } = blocks;
  const n = bboxes.length / 4;
  const boxDist = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let b = 0; b < n; b++) {
    const dx = Math.max(bboxes[4 * b] - lon, 0, lon - bboxes[4 * b + 2]) * kx;
    const dy = Math.max(bboxes[4 * b + 1] - lat, 0, lat - bboxes[4 * b + 3]) * ky;
    boxDist[b] = Math.hypot(dx, dy);
    order[b] = b;
  }
  order.sort((a, b) => boxDist[a] - boxDist[b] || a - b);
  const firstRing = new Int32Array(n + 1).fill(-1);
  for (let r = ringBlock.length - 1; r >= 0; r--) firstRing[ringBlock[r]] = r;
  let best = -1;
  let bestD = Infinity;
  for (const b of order) {
    if (boxDist[b] > bestD) break;
    for (let r = firstRing[b]; r >= 0 && r < ringBlock.length && ringBlock[r] === b; r++) {
      for (let v = ringStart[r]; v < ringStart[r + 1] - 1; v++) {
        const d = segmentDistance(
          (coords[2 * v] - lon) * kx,
          (coords[2 * v + 1] - lat) * ky,
          (coords[2 * v + 2] - lon) * kx,
          (coords[2 * v + 3] - lat) * ky,
        );
        if (d < bestD || (d === bestD && b < best)) {
          bestD = d;
          best = b;
        }
      }
    }
  }
  return { blockIndex: best, distanceM: bestD };
}

/** Distance from the origin to segment a-b in the plane. */
function segmentDistance(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
  return Math.hypot(ax + t * dx, ay + t * dy);
}
