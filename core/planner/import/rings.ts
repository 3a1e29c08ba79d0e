// One imported geometry → one open integer ring on the 1e-6° grid: no repeats, no spikes, counter-clockwise.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { GRID, type IntPoint, ringArea2, toInt } from '../../geography/geom';
import { same } from '../ring';
import type { LonLat } from './report';

/** A usable ring, or why the geometry cannot be a block (and roughly where). */
export type PreparedRing =
  | { readonly ok: true; readonly ring: IntPoint[]; readonly removed: number; readonly reoriented: boolean }
  | { readonly ok: false; readonly message: string; readonly at: LonLat | null };

/** Rounded position of an integer point, for reports. */
export const lonLatOf = (p: IntPoint): LonLat => [p[0] / GRID, p[1] / GRID];

/** Centre of the box of a list of positions (a rough "where" for messages). */
function centre(points: readonly Position[]): LonLat | null {
  const ok = points.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (ok.length === 0) return null;
  const xs = ok.map((p) => p[0]);
  const ys = ok.map((p) => p[1]);
  const r = (v: number) => Math.round(v * GRID) / GRID;
  return [r((Math.min(...xs) + Math.max(...xs)) / 2), r((Math.min(...ys) + Math.max(...ys)) / 2)];
}

/**
 * Drops consecutive repeats and spikes (a → b → a), also across the ring's start, until none are left;
 * returns the open ring and how many positions went.
 */
export function tidyRing(ring: readonly IntPoint[]): { ring: IntPoint[]; removed: number } {
  const out: IntPoint[] = [];
  for (const p of ring) {
    if (out.length > 0 && same(out[out.length - 1], p)) continue;
    if (out.length > 1 && same(out[out.length - 2], p)) {
      out.pop(); // a → b → a: b was a spike, and a is already last
      continue;
    }
    out.push(p);
  }
  for (let changed = true; changed && out.length >= 3; ) {
    const n = out.length;
    changed = true;
    if (same(out[0], out[n - 1]) || same(out[n - 2], out[0])) out.pop();
    else if (same(out[n - 1], out[1])) out.shift();
    else changed = false;
  }
  return { ring: out, removed: ring.length - out.length };
}

/**
 * Rounds a block geometry to the grid and makes it a simple open ring: a MultiPolygon of one part is
 * taken as its Polygon; several parts, holes, non-numbers or fewer than three distinct corners are
 * refused with a message saying what to do. A clockwise ring is reversed (RFC 7946 wants CCW).
 */
export function prepareRing(geometry: Polygon | MultiPolygon): PreparedRing {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const all = polygons.flat(2);
  if (polygons.length !== 1)
    return {
      ok: false,
      at: centre(all),
      message: `is a MultiPolygon of ${polygons.length} parts; a block is one piece: split it into blocks or drop the stray parts`,
    };
  const [outer, ...holes] = polygons[0];
  if (holes.length)
    return {
      ok: false,
      at: centre(holes[0]),
      message: `has ${holes.length} hole(s); blocks cannot surround other blocks: cut the surrounding block so the hole opens to its edge`,
    };
  if (!outer || outer.some((p) => p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])))
    return { ok: false, at: centre(outer ?? []), message: 'has a position that is not a pair of numbers' };
  const rounded = outer.map(toInt);
  // The closing repeat goes with the other repeats; an unclosed ring is closed implicitly.
  const { ring, removed } = tidyRing(rounded);
  const dropped = removed - (rounded.length > 1 && same(rounded[0], rounded[rounded.length - 1]) ? 1 : 0);
  if (ring.length < 3)
    return { ok: false, at: centre(outer), message: 'has fewer than 3 distinct corners on the 1e-6° grid' };
  const area2 = ringArea2([...ring, ring[0]]);
  if (area2 === 0) return { ok: false, at: centre(outer), message: 'has no area (all corners on one line)' };
  return {
    ok: true,
    ring: area2 < 0 ? [...ring].reverse() : ring,
    removed: Math.max(0, dropped),
    reoriented: area2 < 0,
  };
}
