// Self-contained test blocks: a seeded Voronoi partition with an enclave, an exclave and a hole in the district.
//
// Made from scratch (d3-delaunay), so no test depends on data/. Coordinates sit in Yuhu's range and are
// rounded to 7 decimals, so neighbouring cells share their vertices exactly. The district is the union of
// the blocks: a rectangle minus a south-east bay (dropped cells), minus one whole interior cell (a lake)
// and minus a square hole inside one block.
import { Delaunay } from 'd3-delaunay';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { seededRandom } from './random';

/** The fixture and the names of its special blocks. */
export interface FixtureBlocks {
  blocks: FeatureCollection<Polygon | MultiPolygon, { id: string }>;
  /** The rectangle the partition was cut from: `[minLon, minLat, maxLon, maxLat]`. */
  bbox: [number, number, number, number];
  /** Square enclave: a block of its own inside the hole of `holed`. */
  enclave: { id: string; square: Position[] };
  holed: { id: string };
  /** Square exclave: the second polygon of MultiPolygon block `owner`, inside the hole of `host`. */
  exclave: { ownerId: string; hostId: string; square: Position[] };
  /** Square hole of block `hostId` that belongs to no block (outside the district). */
  districtHole: { hostId: string; square: Position[] };
  /** Seed point of the dropped interior cell (outside the district). */
  lakePoint: Position;
}

const BOX: [number, number, number, number] = [112.8, 27.85, 112.95, 27.95];
const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

function cleanRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = [round7(p[0]), round7(p[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

function distToSegment(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
}

/** A square (closed ring, counter-clockwise) well inside the cell around its seed. */
function squareIn(ring: Position[], seed: Position): Position[] {
  let d = Infinity;
  for (let k = 0; k + 1 < ring.length; k++) d = Math.min(d, distToSegment(seed, ring[k], ring[k + 1]));
  const h = round7((0.5 * d) / Math.SQRT2);
  const [x, y] = [round7(seed[0]), round7(seed[1])];
  const [x0, x1, y0, y1] = [round7(x - h), round7(x + h), round7(y - h), round7(y + h)];
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

/** Builds the fixture; the same seed always gives the same blocks. */
export function fixtureBlocks(seed = 7, count = 120): FixtureBlocks {
  const rnd = seededRandom(seed);
  const seeds: Position[] = [];
  for (let k = 0; k < count; k++) {
    seeds.push([BOX[0] + rnd() * (BOX[2] - BOX[0]), BOX[1] + rnd() * (BOX[3] - BOX[1])]);
  }
  const voronoi = Delaunay.from(seeds as [number, number][]).voronoi(BOX);
  const rings = seeds.map((_, k) => cleanRing(voronoi.cellPolygon(k) as unknown as Position[]));
  const nearest = (x: number, y: number, taken: number[]) => {
    let best = -1;
    for (let k = 0; k < count; k++) {
      if (taken.includes(k)) continue;
      if (
        best < 0 ||
        Math.hypot(seeds[k][0] - x, seeds[k][1] - y) < Math.hypot(seeds[best][0] - x, seeds[best][1] - y)
      ) {
        best = k;
      }
    }
    return best;
  };
  const lake = nearest(112.875, 27.9, []);
  const holed = nearest(112.84, 27.92, [lake]);
  const host = nearest(112.9, 27.93, [lake, holed]);
  const owner = nearest(112.93, 27.915, [lake, holed, host]);
  const punctured = nearest(112.83, 27.87, [lake, holed, host, owner]);
  const dropped = (k: number) => k === lake || (seeds[k][0] > 112.92 && seeds[k][1] < 27.885);
  const squares = { S: squareIn(rings[holed], seeds[holed]), U: squareIn(rings[host], seeds[host]) };
  const T = squareIn(rings[punctured], seeds[punctured]);
  const reversed = (r: Position[]) => [...r].reverse();
  const geoms: (Polygon | MultiPolygon)[] = [];
  const cellOf: number[] = [];
  for (let k = 0; k < count; k++) {
    if (dropped(k)) continue;
    const holes =
      k === holed
        ? [reversed(squares.S)]
        : k === host
          ? [reversed(squares.U)]
          : k === punctured
            ? [reversed(T)]
            : [];
    cellOf.push(k);
    geoms.push(
      k === owner
        ? { type: 'MultiPolygon', coordinates: [[rings[k]], [squares.U]] }
        : { type: 'Polygon', coordinates: [rings[k], ...holes] },
    );
  }
  cellOf.push(-1);
  geoms.push({ type: 'Polygon', coordinates: [squares.S] });
  // Ids in a shuffled order, so index order (sorted by id) differs from construction order.
  const order = geoms.map((_, k) => k);
  for (let k = order.length - 1; k > 0; k--) {
    const r = Math.floor(rnd() * (k + 1));
    [order[k], order[r]] = [order[r], order[k]];
  }
  const ids = order.map((n) => `FX-${String(n).padStart(3, '0')}`);
  const features: Feature<Polygon | MultiPolygon, { id: string }>[] = geoms.map((geometry, k) => ({
    type: 'Feature',
    properties: { id: ids[k] },
    geometry,
  }));
  const idOfCell = (cell: number) => ids[cellOf.indexOf(cell)];
  return {
    blocks: { type: 'FeatureCollection', features },
    bbox: BOX,
    enclave: { id: ids[ids.length - 1], square: squares.S },
    holed: { id: idOfCell(holed) },
    exclave: { ownerId: idOfCell(owner), hostId: idOfCell(host), square: squares.U },
    districtHole: { hostId: idOfCell(punctured), square: T },
    lakePoint: seeds[lake],
  };
}
