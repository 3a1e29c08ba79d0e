// Splits a township's blocks into contiguous groups of chosen sizes (recursive bisection + contiguity repair).
import { type Adjacency, components } from '../../core/geography/adjacency';
import type { Xy } from './projection';

export interface GroupItem {
  readonly index: number;
  readonly xy: Xy;
  readonly weight: number;
}

const DIRECTIONS: Xy[] = [
  [1, 0],
  [0, 1],
  [Math.SQRT1_2, Math.SQRT1_2],
  [Math.SQRT1_2, -Math.SQRT1_2],
];

/** Cuts items along their widest direction so each side's weight matches its share of the targets. */
function bisect(items: GroupItem[], targets: number[]): GroupItem[][] {
  if (targets.length === 1) return [items];
  const half = Math.floor(targets.length / 2);
  const leftTargets = targets.slice(0, half);
  const rightTargets = targets.slice(half);
  const total = items.reduce((s, it) => s + it.weight, 0);
  const mean = items.reduce((s, it) => [s[0] + it.xy[0] * it.weight, s[1] + it.xy[1] * it.weight], [0, 0]);
  const [mx, my] = [mean[0] / total, mean[1] / total];
  let axis = DIRECTIONS[0];
  let widest = -1;
  for (const d of DIRECTIONS) {
    let spread = 0;
    for (const it of items) {
      const proj = (it.xy[0] - mx) * d[0] + (it.xy[1] - my) * d[1];
      spread += it.weight * proj * proj;
    }
    if (spread > widest) [axis, widest] = [d, spread];
  }
  const sorted = [...items].sort(
    (a, b) =>
      a.xy[0] * axis[0] + a.xy[1] * axis[1] - (b.xy[0] * axis[0] + b.xy[1] * axis[1]) || a.index - b.index,
  );
  const share = leftTargets.reduce((s, t) => s + t, 0) / targets.reduce((s, t) => s + t, 0);
  let cut = 0;
  let acc = 0;
  while (cut < sorted.length && acc + sorted[cut].weight / 2 < share * total) acc += sorted[cut++].weight;
  cut = Math.min(Math.max(cut, leftTargets.length), sorted.length - rightTargets.length);
  return [...bisect(sorted.slice(0, cut), leftTargets), ...bisect(sorted.slice(cut), rightTargets)];
}

/**
 * Partitions items into `targets.length` groups whose weights follow `targets`, then moves stray pieces so
 * every group is connected under `neighbours` (plus `links`, e.g. exclaves tied to the nearest block).
 * Groups smaller than `minSize` then take border blocks from larger neighbours (keeping those connected).
 * Returns groups of item indices (the `index` field), in target order.
 */
export function groupContiguous(
  items: readonly GroupItem[],
  targets: readonly number[],
  neighbours: Adjacency,
  links: ReadonlyMap<number, readonly number[]> = new Map(),
  minSize = 1,
): number[][] {
  if (items.length < targets.length)
    throw new Error(`${items.length} blocks cannot make ${targets.length} groups`);
  const groupOf = new Map<number, number>();
  bisect([...items], [...targets]).forEach((g, gi) => {
    for (const it of g) groupOf.set(it.index, gi);
  });
  for (let round = 0; round < 50; round++) {
    let moved = false;
    for (let gi = 0; gi < targets.length; gi++) {
      const members = items.map((it) => it.index).filter((i) => groupOf.get(i) === gi);
      for (const stray of components(members, neighbours, links).slice(1)) {
        const border = new Map<number, number>();
        for (const i of stray) {
          for (const [j, length] of neighbours[i]) {
            const g = groupOf.get(j);
            if (g !== undefined && g !== gi) border.set(g, (border.get(g) ?? 0) + length);
          }
          for (const j of links.get(i) ?? []) {
            const g = groupOf.get(j);
            if (g !== undefined && g !== gi) border.set(g, (border.get(g) ?? 0) + 1);
          }
        }
        const best = [...border].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
        if (!best) continue;
        for (const i of stray) groupOf.set(i, best[0]);
        moved = true;
      }
    }
    if (!moved) break;
  }
  growSmallGroups(items, targets.length, groupOf, neighbours, links, minSize);
  const groups: number[][] = targets.map(() => []);
  for (const it of items) groups[groupOf.get(it.index)!].push(it.index);
  if (groups.some((g) => g.length === 0))
    throw new Error('contiguity repair emptied a group; change the random seed');
  return groups.map((g) => g.sort((a, b) => a - b));
}

/** Gives groups below `minSize` the neighbouring block they share most border with, from a group that can spare it. */
function growSmallGroups(
  items: readonly GroupItem[],
  count: number,
  groupOf: Map<number, number>,
  neighbours: Adjacency,
  links: ReadonlyMap<number, readonly number[]>,
  minSize: number,
): void {
  const members = (g: number) => items.map((it) => it.index).filter((i) => groupOf.get(i) === g);
  for (let round = 0; round < 200; round++) {
    const small = [...Array(count).keys()].find((g) => members(g).length < minSize);
    if (small === undefined) return;
    const border = new Map<number, number>();
    for (const i of members(small)) {
      for (const [j, length] of neighbours[i]) {
        const g = groupOf.get(j);
        if (g !== undefined && g !== small) border.set(j, (border.get(j) ?? 0) + length);
      }
    }
    const donors = [...border]
      .filter(([j]) => {
        const rest = members(groupOf.get(j)!).filter((i) => i !== j);
        return rest.length >= minSize && components(rest, neighbours, links).length === 1;
      })
      .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (donors.length === 0) return;
    groupOf.set(donors[0][0], small);
  }
}
