// Vertex snapping: corners of different blocks within the tolerance become one shared corner.
import { GRID, type IntPoint, M_PER_DEG_LAT, M_PER_DEG_LON } from '../../geography/geom';
import { intKey, same } from '../ring';
import { tidyRing } from './rings';

/** One distinct corner position and the rings that have it; fixed corners (kept blocks, the district) never move. */
export interface SnapNode {
  readonly p: IntPoint;
  readonly owners: readonly number[];
  readonly fixed: boolean;
}

/** Distance in metres between two integer points (local equirectangular, as geom.ts measures). */
export function metres(a: IntPoint, b: IntPoint): number {
  return Math.hypot(((a[0] - b[0]) / GRID) * M_PER_DEG_LON, ((a[1] - b[1]) / GRID) * M_PER_DEG_LAT);
}

const shareOwner = (a: ReadonlySet<number>, b: ReadonlySet<number>) => {
  for (const x of a) if (b.has(x)) return true;
  return false;
};

/**
 * Clusters corners and returns each node's representative. Candidate pairs within `snapM` are found on
 * a grid of `snapM` cells and merged closest first (ties by index, so the result is deterministic) with
 * union-find, under three rules that keep real geometry intact:
 *  - two corners of the same ring never merge (they are different corners of one block, however close);
 *  - at most one fixed corner per cluster, and it is the representative;
 *  - complete linkage: every pair in a cluster is within `snapM`, so clusters cannot chain along a line.
 * A cluster without a fixed corner is represented by the mean of its corners, rounded to the grid.
 * Nodes must come sorted (e.g. by x, then y) for the result to be independent of input order.
 */
export function clusterNodes(nodes: readonly SnapNode[], snapM: number): IntPoint[] {
  const cellX = Math.max(1, Math.ceil((snapM / M_PER_DEG_LON) * GRID));
  const cellY = Math.max(1, Math.ceil((snapM / M_PER_DEG_LAT) * GRID));
  const cells = new Map<string, number[]>();
  const cellOf = (p: IntPoint) => [Math.floor(p[0] / cellX), Math.floor(p[1] / cellY)];
  nodes.forEach((n, i) => {
    const [cx, cy] = cellOf(n.p);
    const key = `${cx},${cy}`;
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  });
  const owners = nodes.map((n) => new Set(n.owners));
  const pairs: [number, number, number][] = [];
  nodes.forEach((n, i) => {
    const [cx, cy] = cellOf(n.p);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (j <= i || (n.fixed && nodes[j].fixed) || shareOwner(owners[i], owners[j])) continue;
          const d = metres(n.p, nodes[j].p);
          if (d <= snapM) pairs.push([d, i, j]);
        }
      }
    }
  });
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const parent = nodes.map((_, i) => i);
  const members = nodes.map((_, i) => [i]);
  const clusterOwners = owners.map((o) => new Set(o));
  const fixed = nodes.map((n) => n.fixed);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (const [, i, j] of pairs) {
    const [a, b] = [root(i), root(j)].sort((x, y) => x - y);
    if (a === b || (fixed[a] && fixed[b]) || shareOwner(clusterOwners[a], clusterOwners[b])) continue;
    if (!members[a].every((x) => members[b].every((y) => metres(nodes[x].p, nodes[y].p) <= snapM))) continue;
    parent[b] = a;
    members[a].push(...members[b]);
    for (const o of clusterOwners[b]) clusterOwners[a].add(o);
    fixed[a] = fixed[a] || fixed[b];
  }
  const reps = new Map<number, IntPoint>();
  return nodes.map((_, i) => {
    const r = root(i);
    let rep = reps.get(r);
    if (!rep) {
      const list = members[r].map((k) => nodes[k]);
      const anchor = list.find((n) => n.fixed);
      rep = anchor
        ? anchor.p
        : [
            Math.round(list.reduce((s, n) => s + n.p[0], 0) / list.length),
            Math.round(list.reduce((s, n) => s + n.p[1], 0) / list.length),
          ];
      reps.set(r, rep);
    }
    return rep;
  });
}

/**
 * Snaps the corners of all rings together (clusterNodes). Rings flagged `fixed` (kept blocks, the district
 * outline) keep their corners and attract the others; the other rings come back with their corners
 * replaced by the representatives and tidied (no repeats, no spikes). `snapped` counts the distinct
 * corners that moved.
 */
export function snapRings(
  rings: readonly (readonly IntPoint[])[],
  fixed: readonly boolean[],
  snapM: number,
): { rings: IntPoint[][]; snapped: number; removed: number } {
  const nodes = new Map<string, { p: IntPoint; owners: number[]; fixed: boolean }>();
  rings.forEach((ring, r) => {
    for (const p of ring) {
      const k = intKey(p);
      const n = nodes.get(k) ?? { p, owners: [], fixed: false };
      nodes.set(k, n);
      if (!n.owners.includes(r)) n.owners.push(r);
      if (fixed[r]) n.fixed = true;
    }
  });
  const sorted: SnapNode[] = [...nodes.values()].sort((a, b) => a.p[0] - b.p[0] || a.p[1] - b.p[1]);
  const reps = clusterNodes(sorted, snapM);
  const rep = new Map(sorted.map((n, i) => [intKey(n.p), reps[i]]));
  let removed = 0;
  const out = rings.map((ring, r) => {
    if (fixed[r]) return [...ring];
    const tidy = tidyRing(ring.map((p) => rep.get(intKey(p)) ?? p));
    removed += tidy.removed;
    return tidy.ring;
  });
  const snapped = sorted.filter((n, i) => !n.fixed && !same(n.p, reps[i])).length;
  return { rings: out, snapped, removed };
}
