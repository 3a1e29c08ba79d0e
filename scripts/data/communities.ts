// Groups block cells into the official communities/villages of each township (contiguous, pinned places).
import area from '@turf/area';
import { type Adjacency, adjacency, components } from '../../core/geography/adjacency';
import { pointInPolygon } from '../../core/geography/geom';
import { groupContiguous } from './grouping';
import { COMMUNITY_PINS } from './layout';
import type { Cell } from './partition';
import { dist } from './projection';
import { byCodePoint, type Random } from './random';
import type { RawCommunity, RawData } from './raw';

/** Moves stray pieces of a township (not touching its largest main-body piece) to their best neighbour. */
function repairTownships(cells: Cell[], neighbours: Adjacency): number {
  let moved = 0;
  const codes = [...new Set(cells.map((c) => c.township))].sort();
  for (const code of codes) {
    const members = cells.flatMap((c, i) => (c.township === code && c.part === 0 ? [i] : []));
    for (const stray of components(members, neighbours).slice(1)) {
      const border = new Map<string, number>();
      for (const i of stray) {
        for (const [j, length] of neighbours[i]) {
          if (cells[j].township !== code)
            border.set(cells[j].township, (border.get(cells[j].township) ?? 0) + length);
        }
      }
      const best = [...border].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0]))[0];
      for (const i of stray) cells[i].township = best[0];
      moved += stray.length;
    }
  }
  return moved;
}

/** Exclave cells are tied to the nearest main-body cell of their township, so groups may span the gap. */
function exclaveLinks(cells: Cell[]): Map<number, number[]> {
  const links = new Map<number, number[]>();
  cells.forEach((c, i) => {
    if (c.part === 0) return;
    let best = -1;
    cells.forEach((o, j) => {
      if (o.part !== 0 || o.township !== c.township) return;
      if (best < 0 || dist(o.seed, c.seed) < dist(cells[best].seed, c.seed)) best = j;
    });
    links.set(i, [...(links.get(i) ?? []), best]);
    links.set(best, [...(links.get(best) ?? []), i]);
  });
  return links;
}

const byNorthWest = (a: { xy: number[] }, b: { xy: number[] }) => b.xy[1] - a.xy[1] || a.xy[0] - b.xy[0];

/**
 * Returns the community code of every cell. Groups have roughly equal area (so dense places get more,
 * smaller blocks); pinned places decide some codes; in mixed townships the densest groups become 社区.
 */
export function assignCommunities(
  cells: Cell[],
  raw: RawData,
  random: Random,
  log: (line: string) => void,
): string[] {
  const neighbours = adjacency(cells.map((c) => c.geometry));
  const moved = repairTownships(cells, neighbours);
  if (moved > 0) log(`  moved ${moved} stray cells to a neighbouring township`);
  const links = exclaveLinks(cells);
  const areas = cells.map((c) => area(c.geometry));
  const result: string[] = cells.map(() => '');
  for (const township of raw.townships) {
    const units = raw.communities.filter((u) => u.townshipCode === township.code);
    const items = cells.flatMap((c, index) =>
      c.township === township.code ? [{ index, xy: c.seed, weight: areas[index] }] : [],
    );
    const targets = units.map(() => random.range(0.75, 1.3));
    const groups = groupContiguous(items, targets, neighbours, links, 2).map((members) => {
      const main = members.filter((i) => cells[i].part === 0);
      const w = main.reduce((s, i) => s + areas[i], 0);
      const xy = main.reduce(
        (s, i) => [s[0] + (cells[i].seed[0] * areas[i]) / w, s[1] + (cells[i].seed[1] * areas[i]) / w],
        [0, 0],
      );
      // Exclaves count as sparse: the units that hold them become villages, not 社区.
      const meanArea = main.length === members.length ? w / main.length : Number.POSITIVE_INFINITY;
      return { members, xy: main.length > 0 ? xy : cells[members[0]].seed, meanArea, code: '' };
    });
    const free = new Set(units.map((u) => u.code));
    for (const pin of COMMUNITY_PINS) {
      if (!free.has(pin.community)) continue;
      const g = groups.find((g) => g.members.some((i) => pointInPolygon(pin.point, cells[i].geometry)));
      if (!g || g.code)
        throw new Error(`pin ${pin.community} is not in ${township.name}; move the pin or the township`);
      g.code = pin.community;
      free.delete(pin.community);
    }
    const open = groups.filter((g) => !g.code).sort((a, b) => a.meanArea - b.meanArea || byNorthWest(a, b));
    const remaining = (type: RawCommunity['type']) =>
      units.filter((u) => u.type === type && free.has(u.code));
    const comms = remaining('community');
    const dense = open.slice(0, comms.length).sort(byNorthWest);
    const sparse = open.slice(comms.length).sort(byNorthWest);
    dense.forEach((g, i) => {
      g.code = comms[i].code;
    });
    sparse.forEach((g, i) => {
      g.code = remaining('village')[i].code;
    });
    for (const g of groups) for (const i of g.members) result[i] = g.code;
  }
  const missing = cells.findIndex((_, i) => !result[i]);
  if (missing >= 0) throw new Error(`cell ${missing} got no community; its township has no official units`);
  return result;
}
