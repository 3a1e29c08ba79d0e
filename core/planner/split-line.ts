// Where a cutting line meets a block's border: the one chord it cuts, with exact contact tests on the grid.
import { type IntPoint, onSegment, orient, pointInRing, segmentsCross } from '../geography/geom';
import { reject } from './errors';
import { intKey, lonLat, same } from './ring';

/** A point where the line meets the ring: at vertex `index`, or inside edge `index` (ring[index] → next). */
export interface Contact {
  readonly kind: 'vertex' | 'edge';
  readonly index: number;
  readonly point: IntPoint;
  /** Position along the line: segment number + fraction. */
  readonly pos: number;
}

/** The piece of line inside the block: from one contact, through `inner` line points, to another. */
export interface Chord {
  readonly from: Contact;
  readonly to: Contact;
  readonly inner: IntPoint[];
}

const fraction = (x: readonly number[], p: IntPoint, q: IntPoint) =>
  ((x[0] - p[0]) * (q[0] - p[0]) + (x[1] - p[1]) * (q[1] - p[1])) / ((q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2);

/** Whether two collinear segments overlap along a stretch of positive length. */
function alongEdge(p: IntPoint, q: IntPoint, a: IntPoint, b: IntPoint): boolean {
  if (orient(p, q, a) !== 0 || orient(p, q, b) !== 0) return false;
  const [ta, tb] = [fraction(a, p, q), fraction(b, p, q)];
  return Math.min(1, Math.max(ta, tb)) - Math.max(0, Math.min(ta, tb)) > 0;
}

/** Every contact of the line with the ring, in order along the line. */
function contacts(ring: readonly IntPoint[], line: readonly IntPoint[], id: string): Contact[] {
  const n = ring.length;
  const out: Contact[] = [];
  const vertexOrEdge = (i: number, x: IntPoint, pos: number) => {
    const j = (i + 1) % n;
    if (same(x, ring[i])) out.push({ kind: 'vertex', index: i, point: ring[i], pos });
    else if (same(x, ring[j])) out.push({ kind: 'vertex', index: j, point: ring[j], pos });
    else out.push({ kind: 'edge', index: i, point: x, pos });
  };
  line.forEach((p, k) => {
    for (let i = 0; i < n; i++) {
      const [a, b] = [ring[i], ring[(i + 1) % n]];
      if (onSegment(p, a, b) && !same(p, b)) vertexOrEdge(i, p, k);
    }
    if (k + 1 === line.length) return;
    const q = line[k + 1];
    for (let i = 0; i < n; i++) {
      const [a, b] = [ring[i], ring[(i + 1) % n]];
      if (alongEdge(p, q, a, b))
        reject(
          'EDIT_LINE_DOES_NOT_CROSS',
          `the line runs along the border of block ${id} between ${JSON.stringify(lonLat(a))} and ${JSON.stringify(lonLat(b))}; draw it through the block's interior`,
          {
            at: [lonLat(a), lonLat(b)],
            blocks: [id],
          },
        );
      if (onSegment(a, p, q) && !same(a, p) && !same(a, q))
        out.push({ kind: 'vertex', index: i, point: a, pos: k + fraction(a, p, q) });
      if (!segmentsCross(p, q, a, b)) continue;
      const den = (q[0] - p[0]) * (b[1] - a[1]) - (q[1] - p[1]) * (b[0] - a[0]);
      const t = ((a[0] - p[0]) * (b[1] - a[1]) - (a[1] - p[1]) * (b[0] - a[0])) / den;
      const x: IntPoint = [Math.round(p[0] + t * (q[0] - p[0])), Math.round(p[1] + t * (q[1] - p[1]))];
      vertexOrEdge(i, x, k + t);
    }
  });
  out.sort((x, y) => x.pos - y.pos);
  return out.filter((c, i) => i === 0 || intKey(c.point) !== intKey(out[i - 1].point));
}

/** A point of the line strictly between two positions (a line vertex if there is one). */
function probe(line: readonly IntPoint[], from: number, to: number): readonly number[] {
  const j = Math.floor(from) + 1;
  if (j < to) return line[j];
  const k = Math.min(Math.floor(from), line.length - 2);
  const t = (from + to) / 2 - k;
  const [p, q] = [line[k], line[k + 1]];
  return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
}

/**
 * The single chord a line cuts through a ring (open, integer). The line must start and end outside the
 * block (or on its border) and pass through its interior exactly once.
 */
export function findChord(ring: readonly IntPoint[], line: readonly IntPoint[], id: string): Chord {
  const closed = [...ring, ring[0]];
  const inside = (p: readonly number[]) => pointInRing(p, closed);
  const found = contacts(ring, line, id);
  const last = line.length - 1;
  const dangling =
    (found.length === 0 || found[0].pos > 0 ? inside(line[0]) : false) ||
    (found.length === 0 || found[found.length - 1].pos < last ? inside(line[last]) : false);
  if (dangling || found.length < 2)
    reject(
      'EDIT_LINE_DOES_NOT_CROSS',
      `the line does not cut across block ${id}: start and end it outside the block (or on its border) and cross its interior once`,
      {
        at: [lonLat(line[0]), lonLat(line[last])],
        blocks: [id],
      },
    );
  const cuts: Chord[] = [];
  for (let k = 0; k + 1 < found.length; k++) {
    const [from, to] = [found[k], found[k + 1]];
    if (!inside(probe(line, from.pos, to.pos))) continue;
    const inner = line.filter((_, j) => j > from.pos && j < to.pos);
    cuts.push({ from, to, inner });
  }
  if (cuts.length === 0)
    reject(
      'EDIT_LINE_DOES_NOT_CROSS',
      `the line only touches block ${id} from outside; draw it across the block's interior`,
      {
        at: found.map((c) => lonLat(c.point)),
        blocks: [id],
      },
    );
  if (cuts.length > 1)
    reject(
      'EDIT_LINE_MULTIPLE_CUTS',
      `the line leaves and re-enters block ${id} (${cuts.length} cuts); draw one cut at a time`,
      {
        at: cuts.flatMap((c) => [lonLat(c.from.point), lonLat(c.to.point)]),
        blocks: [id],
      },
    );
  return cuts[0];
}
