// Incident listings: one partition (block, township, open index) or several merged newest-first,
// with opaque cursors, and the duplicate hint (open reports of a category near a point).
import { ValidationError } from '../../core/errors.js';
import type { Incident } from '../../core/incidents/incident.js';
import { FINAL_STATES } from '../../core/incidents/lifecycle.js';
import type { IncidentStore, Page } from '../../core/incidents/ports.js';
import type { LoadedGeneration } from './boundaries.js';

export interface ListFilter {
  status?: readonly string[];
  class?: readonly string[];
  category?: readonly string[];
  bbox?: [number, number, number, number];
  block?: string;
  township?: string;
  escalatedTo?: string;
  /** Public listings leave sensitive incidents out of point-based (bbox) filters. */
  hideSensitive?: boolean;
}

/** In-memory filters applied after the index query. */
export function matches(i: Incident, f: ListFilter): boolean {
  if (f.status && !f.status.includes(i.status)) return false;
  if (f.class && !f.class.includes(i.class)) return false;
  if (f.category && !f.category.includes(i.category)) return false;
  if (f.block && i.block_id !== f.block) return false;
  if (f.township && i.township_code !== f.township) return false;
  if (f.hideSensitive && f.bbox && i.sensitive) return false;
  if (f.escalatedTo && i.escalated_to !== f.escalatedTo) return false;
  if (f.bbox) {
    const [w, s, e, n] = f.bbox;
    if (i.lon < w || i.lon > e || i.lat < s || i.lat > n) return false;
  }
  return true;
}

/** One partition to read: a page reader, and the key that resumes reading right after an item. */
export interface Source {
  read(cursor: string | undefined, limit: number): Promise<Page<Incident>>;
  resumeAfter(i: Incident): string;
}

function decodeMulti(raw: string | undefined, n: number): (string | null | undefined)[] {
  if (!raw) return Array(n).fill(undefined);
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === n) return parsed.map((c) => (c === '' ? undefined : c));
  } catch {
    // below
  }
  throw new ValidationError(
    'cursor is not valid: pass the `cursor` value of the previous page unchanged',
    {},
    'INVALID_CURSOR',
  );
}

const newestFirst = (a: Incident, b: Incident) =>
  a.reported_at < b.reported_at ? 1 : a.reported_at > b.reported_at ? -1 : a.id < b.id ? 1 : -1;

/**
 * Up to `limit` matching incidents from several partitions, newest first, with one cursor that
 * remembers, per partition, the last item returned — so nothing is skipped or repeated across pages.
 */
export async function mergeSources(sources: Source[], filter: ListFilter, limit: number, rawCursor?: string) {
  const cursors = decodeMulti(rawCursor, sources.length);
  const read = await Promise.all(
    sources.map(async (source, k) => {
      const got: Incident[] = [];
      let c = cursors[k];
      for (let pages = 0; c !== null && got.length < limit && pages < 10; pages++) {
        const page = await source.read(c ?? undefined, limit);
        got.push(...page.items.filter((i) => matches(i, filter)));
        c = page.cursor;
      }
      return { got, exhausted: c === null };
    }),
  );
  const tagged = read.flatMap((r, k) => r.got.map((i) => ({ i, k })));
  // One partition keeps its own index order (e.g. the open index, by deadline); several are merged newest first.
  if (sources.length > 1) tagged.sort((a, b) => newestFirst(a.i, b.i));
  const taken = tagged.slice(0, limit);
  const next = cursors.map((c, k) => {
    const mine = taken.filter((t) => t.k === k);
    const allTaken = mine.length === read[k].got.length;
    if (allTaken && read[k].exhausted) return null;
    return mine.length ? sources[k].resumeAfter(mine[mine.length - 1].i) : (c ?? undefined);
  });
  const done = next.every((c) => c === null);
  const encoded = next.map((c) => (c === undefined ? '' : c));
  return {
    items: taken.map((t) => t.i),
    cursor: done ? null : Buffer.from(JSON.stringify(encoded)).toString('base64url'),
  };
}

/** Metres between two WGS84 points (equirectangular; exact enough under a kilometre). */
export function metres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const k = Math.PI / 180;
  const x = (lon2 - lon1) * k * Math.cos(((lat1 + lat2) / 2) * k);
  const y = (lat2 - lat1) * k;
  return Math.hypot(x, y) * 6_371_008.8;
}

/** Blocks whose bounding box comes within `radiusM` of the point (one to a few; the index's R-tree). */
export function blocksNear(loaded: LoadedGeneration, lon: number, lat: number, radiusM: number): string[] {
  const { index } = loaded.locator;
  return index.near(lon, lat, radiusM).map((b) => index.ids[b]);
}

/** Open, non-sensitive reports of `category` within `radiusM` of the point in the last `days` days. */
export async function nearbyOpen(
  store: IncidentStore,
  loaded: LoadedGeneration,
  point: { lon: number; lat: number; category: string },
  now: Date,
  radiusM = 50,
  days = 7,
) {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const found: (Incident & { distance_m: number })[] = [];
  // Per block (its index holds only that block's reports): the cost follows the few blocks around the point,
  // not a whole township's week. Open work that a publish moved carries its new block's key.
  for (const block of blocksNear(loaded, point.lon, point.lat, radiusM)) {
    let cursor: string | undefined;
    do {
      const page = await store.listByBlock(block, { since, limit: 200, cursor });
      for (const i of page.items) {
        if (
          i.category !== point.category ||
          i.sensitive ||
          FINAL_STATES.includes(i.status) ||
          i.status === 'resolved'
        )
          continue;
        const d = metres(point.lon, point.lat, i.lon, i.lat);
        if (d <= radiusM) found.push({ ...i, distance_m: Math.round(d) });
      }
      cursor = page.cursor ?? undefined;
    } while (cursor);
  }
  return found.sort((a, b) => a.distance_m - b.distance_m);
}
