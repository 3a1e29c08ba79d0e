// cleanCoverage: turn surveyed block polygons into a coverage whose neighbours share corners exactly.
import type { MultiPolygon, Polygon } from 'geojson';
import type { BlockFeature } from '../../blocks/generation';
import { GRID, type IntPoint, M_PER_DEG_LAT, M_PER_DEG_LON, polygonRings, toInt } from '../../geography/geom';
import { MIN_PIECE } from '../../geography/pieces';
import { polygonViolations } from '../../geography/validity';
import { ringOf, sortById, withRing } from '../coverage';
import { intKey } from '../ring';
import { measureProblems } from './measure';
import type { CleanReport, InvalidProblem } from './report';
import { lonLatOf, prepareRing, tidyRing } from './rings';
import { snapRings } from './snap';
import { fixTJunctions } from './t-junctions';

/** Cleaning settings. */
export interface CleanOptions {
  /** Corners closer than this (metres) become one; corners this close to an edge are put on it. Default 1. */
  readonly snapM?: number;
  /** The district outline: its corners attract imported ones, and gaps are measured against it. */
  readonly district?: Polygon | MultiPolygon | null;
  /** Blocks kept from the current generation: fixed; they may only receive corners of imported blocks. */
  readonly anchors?: readonly BlockFeature[];
  /** Gaps, overlaps and outside pieces smaller than this many m², or thinner (mean width) than this many
   * metres, are rounding slivers and are not reported. Defaults 1 m² and 0.1 m. */
  readonly minAreaM2?: number;
  readonly minWidthM?: number;
}

export interface CleanResult {
  /** The imported blocks, cleaned (Polygon, CCW, on the grid, area_m2 recomputed), sorted by id. */
  readonly blocks: BlockFeature[];
  /** Anchors that received corners (same ids, more vertices, same shape within the tolerance). */
  readonly changedAnchors: BlockFeature[];
  readonly report: CleanReport;
}

const inBox = (p: IntPoint, b: number[]) => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];

/**
 * Cleans imported blocks so they form a coverage: rounds to 1e-6°, drops repeated corners and spikes,
 * turns clockwise rings, snaps corners of different blocks within `snapM` to one shared corner (a kept
 * neighbour's or the district's corner wins, else their mean), inserts corners lying within `snapM` of a
 * neighbour's edge into that edge (T-junctions), and then measures what is left: gaps, overlaps and parts
 * outside the district, each with a point inside it. Features whose geometry cannot be a block are left
 * out, and blocks that snapping would fold are kept as surveyed; both are listed as invalid.
 * Deterministic: the same input gives the same output, in any feature order.
 */
export function cleanCoverage(features: readonly BlockFeature[], options: CleanOptions = {}): CleanResult {
  const snapM = options.snapM ?? 1;
  const invalid: InvalidProblem[] = [];
  let removed = 0;
  let reoriented = 0;
  const kept: { feature: BlockFeature; ring: IntPoint[] }[] = [];
  for (const feature of sortById(features)) {
    const prepared = prepareRing(feature.geometry);
    if (!prepared.ok) {
      invalid.push({ feature: feature.properties.id, at: prepared.at, message: prepared.message });
      continue;
    }
    removed += prepared.removed;
    if (prepared.reoriented) reoriented++;
    kept.push({ feature, ring: prepared.ring });
  }
  // Kept blocks near the imported ones take part (fixed); the others cannot be affected.
  const pad = [(2 * snapM * GRID) / M_PER_DEG_LON, (2 * snapM * GRID) / M_PER_DEG_LAT];
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { ring } of kept)
    for (const [x, y] of ring) {
      box[0] = Math.min(box[0], x - pad[0]);
      box[1] = Math.min(box[1], y - pad[1]);
      box[2] = Math.max(box[2], x + pad[0]);
      box[3] = Math.max(box[3], y + pad[1]);
    }
  const anchors = (options.anchors ?? []).filter((a) => ringOf(a).some((p) => inBox(p, box)));
  // The district outline takes part like a kept block that never reaches the output.
  const outline = options.district
    ? polygonRings(options.district).map((r) => tidyRing(r.map(toInt)).ring)
    : [];
  const rings = [...kept.map((k) => k.ring), ...anchors.map((a) => ringOf(a)), ...outline];
  const isAnchor = rings.map((_, r) => r >= kept.length);
  // 1. Vertex snapping, 2. T-junctions.
  const snap = snapRings(rings, isAnchor, snapM);
  removed += snap.removed;
  const fixed = new Set(rings.filter((_, r) => isAnchor[r]).flatMap((ring) => ring.map(intKey)));
  const counted = (r: number) => r < kept.length + anchors.length;
  const repaired = fixTJunctions({ rings: snap.rings, anchor: isAnchor, fixed, counted }, snapM);
  removed += repaired.removed;
  // 3. The features, each checked once more: snapping can fold a ring (when two real corners are closer
  // than the tolerance); such a block is kept as surveyed and reported.
  const blocks: BlockFeature[] = [];
  kept.forEach(({ feature, ring: surveyed }, r) => {
    const id = feature.properties.id;
    const ring = repaired.rings[r];
    const snappedBlock = ring.length >= 3 ? withRing(feature, ring) : null;
    const problems = snappedBlock ? polygonViolations(id, snappedBlock.geometry) : [];
    if (snappedBlock && problems.length === 0) {
      blocks.push(snappedBlock);
      return;
    }
    const why = snappedBlock
      ? `snapping would make it invalid (${problems[0].message})`
      : `snapping would collapse it to ${ring.length} corners`;
    const asSurveyed = withRing(feature, surveyed);
    const at = lonLatOf(surveyed[0]);
    if (polygonViolations(id, asSurveyed.geometry).length === 0) {
      blocks.push(asSurveyed);
      invalid.push({
        feature: id,
        at,
        message: `kept as surveyed, not snapped: ${why}; two of its corners are closer than ${snapM} m to each other or to a neighbour's: import with a smaller --snap or fix them`,
      });
    } else
      invalid.push({
        feature: id,
        at,
        message: `left out: ${why}, and as surveyed it crosses itself; fix it in the source`,
      });
  });
  const changedAnchors = anchors.flatMap((a, i) => {
    const ring = repaired.rings[kept.length + i];
    return ring.length === ringOf(a).length ? [] : [withRing(a, ring)];
  });
  const problems = measureProblems(
    blocks,
    replaceAll(options.anchors ?? [], changedAnchors),
    options.district ?? null,
    {
      minAreaM2: options.minAreaM2 ?? MIN_PIECE.areaM2,
      minWidthM: options.minWidthM ?? MIN_PIECE.widthM,
    },
  );
  return {
    blocks,
    changedAnchors,
    report: {
      snap_m: snapM,
      features: features.length,
      blocks: blocks.length,
      snapped_vertices: snap.snapped + repaired.moved,
      inserted_vertices: repaired.inserted,
      removed_vertices: removed,
      reoriented_rings: reoriented,
      changed_neighbours: changedAnchors.map((a) => a.properties.id),
      ...problems,
      invalid,
    },
  };
}

/** The list with each block replaced by the one of the same id in `changed`, if any. */
function replaceAll(list: readonly BlockFeature[], changed: readonly BlockFeature[]): BlockFeature[] {
  const byId = new Map(changed.map((b) => [b.properties.id, b]));
  return list.map((b) => byId.get(b.properties.id) ?? b);
}
