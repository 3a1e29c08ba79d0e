// One partition of the district into block cells: seeds per township, clipped Voronoi faces, orphans merged.
import type { MultiPolygon, Polygon } from 'geojson';
import { dissolve } from '../../core/geography/dissolve';
import { GRID, type IntPoint, pointInRing, toInt } from '../../core/geography/geom';
import { BAISHI, EXCLAVES, TOWNSHIP_LAYOUT } from './layout';
import { buildFaces, type Face } from './planar';
import { dist, gridToXy, toGrid, toXy, type Xy } from './projection';
import type { Random } from './random';
import { samplePoints, TownshipRegions } from './regions';
import { kMeansSeeds, seatDensity, thin } from './seeds';
import { voronoiSegments } from './voronoi';

/** A block before it has a community: its township, seed (local metres) and exact geometry. */
export interface Cell {
  township: string;
  readonly seed: Xy;
  readonly part: number;
  readonly reserved: boolean;
  geometry: Polygon | MultiPolygon;
}

interface Site {
  readonly township: string;
  readonly xy: Xy;
}

/** Gives every face a seed label: unlabelled faces go to the nearest seed, detached pieces to a neighbour. */
function resolveLabels(faces: Face[], sites: readonly Site[], reservedLabel: number): number[] {
  const labels = faces.map((f) => {
    if (f.label !== null) return f.label;
    const [cx, cy] = gridToXy(f.ring[0]);
    let best = 0;
    sites.forEach((s, i) => {
      const d = (s.xy[0] - cx) * (s.xy[0] - cx) + (s.xy[1] - cy) * (s.xy[1] - cy);
      const b = sites[best].xy;
      if (d < (b[0] - cx) * (b[0] - cx) + (b[1] - cy) * (b[1] - cy)) best = i;
    });
    return best;
  });
  const pending = new Set<number>();
  const byLabel = new Map<number, Face[]>();
  for (const f of faces) byLabel.set(labels[f.index], [...(byLabel.get(labels[f.index]) ?? []), f]);
  for (const [label, group] of byLabel) {
    if (group.length < 2 || label === reservedLabel) continue;
    const seed = toGrid(sites[label].xy);
    const main =
      group.find((f) => pointInRing(seed, f.ring)) ?? [...group].sort((a, b) => b.area2 - a.area2)[0];
    for (const f of group) if (f !== main) pending.add(f.index);
  }
  while (pending.size > 0) {
    let progressed = false;
    for (const index of [...pending]) {
      const face = faces[index];
      const shared = new Map<number, number>();
      face.across.forEach((other, i) => {
        if (other < 0 || pending.has(other) || labels[other] === reservedLabel) return;
        const [a, b] = [face.ring[i], face.ring[i + 1]];
        shared.set(other, (shared.get(other) ?? 0) + dist(a, b));
      });
      const best = [...shared].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0];
      if (!best) continue;
      labels[index] = labels[best[0]];
      pending.delete(index);
      progressed = true;
    }
    if (!progressed) throw new Error(`${pending.size} detached Voronoi pieces have no neighbour to join`);
  }
  return labels;
}

/** Cells of one district part from its sites (and optional reserved outline, which becomes one cell). */
function partCells(
  part: number,
  outer: IntPoint[],
  sites: Site[],
  reserved?: { ring: IntPoint[]; site: Site },
): Cell[] {
  const segments = voronoiSegments(
    sites.map((s) => s.xy),
    10,
  );
  const faces = buildFaces(outer, reserved ? [reserved.ring] : [], segments, sites.length);
  const all = reserved ? [...sites, reserved.site] : sites;
  const labels = resolveLabels(faces, all, reserved ? sites.length : -2); // -2: no reserved cell
  const pieces = faces.map((f) => ({
    group: String(labels[f.index]).padStart(5, '0'),
    geometry: { type: 'Polygon' as const, coordinates: [f.ring.map(([x, y]) => [x / GRID, y / GRID])] },
  }));
  const merged = dissolve(pieces);
  return [...merged].map(([group, geometry]) => {
    const site = all[Number(group)];
    return { township: site.township, seed: site.xy, part, reserved: site === reserved?.site, geometry };
  });
}

/** A wobbly circle (local metres → 1e-5° grid), counter-clockwise: the reserved Baishi Park block. */
function reservedOutline(center: Xy, radius: number, random: Random): IntPoint[] {
  const n = 18;
  const ring: IntPoint[] = [];
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    const r = radius * (1 + 0.045 * random.normal());
    ring.push(toGrid([center[0] + r * Math.cos(angle), center[1] + r * Math.sin(angle)], 10));
  }
  return [...ring, ring[0]];
}

/** Builds every block cell of the district (all 6 parts): 667 cells, each with its township and seed. */
export function buildCells(district: MultiPolygon, random: Random, log: (line: string) => void): Cell[] {
  const parts = district.coordinates.map((poly) => poly[0].map(toInt));
  const mainXy = parts[0].map(gridToXy);
  const samples = samplePoints(mainXy, 260_000, random);
  const regions = new TownshipRegions(TOWNSHIP_LAYOUT);
  const mainKm2 = 450.117; // area of the main body (part 0, @turf/area); only sets the tuning's unit
  const areas = regions.tune(
    samples.filter((_, i) => i % 12 === 0),
    mainKm2,
  );
  log(`  township areas (km²): ${areas.map((a) => a.toFixed(1)).join(' ')}`);

  const park = toXy(BAISHI.center);
  const clear = BAISHI.blockRadiusM + 60;
  const owners = samples.map((p) => regions.owner(p));
  const sites: Site[] = [];
  TOWNSHIP_LAYOUT.forEach((t, ti) => {
    const exclaveBlocks = EXCLAVES.filter((e) => e.township === t.code).reduce((s, e) => s + e.blocks, 0);
    const count = t.blocks - exclaveBlocks - (t.code === BAISHI.township ? 1 : 0);
    const own = samples.filter((p, i) => owners[i] === ti && dist(p, park) > clear);
    const dense = thin(own, seatDensity(toXy(t.seat), t.baseDensity), random);
    for (const xy of kMeansSeeds(dense, count, random)) sites.push({ township: t.code, xy });
  });
  const reservedRing = reservedOutline(park, BAISHI.blockRadiusM, random);
  const cells = partCells(0, parts[0], sites, {
    ring: reservedRing,
    site: { township: BAISHI.township, xy: park },
  });
  for (const e of EXCLAVES) {
    const ringXy = parts[e.part].map(gridToXy);
    const seeds = kMeansSeeds(samplePoints(ringXy, 4000, random), e.blocks, random);
    cells.push(
      ...partCells(
        e.part,
        parts[e.part],
        seeds.map((xy) => ({ township: e.township, xy })),
      ),
    );
  }
  return cells;
}
