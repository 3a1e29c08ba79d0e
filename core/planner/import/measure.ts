// What cleaning could not fix: gaps (area nobody covers), overlaps (area two blocks cover), parts outside the district.
import bbox from '@turf/bbox';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { difference, type Geom, intersection, union } from 'polyclip-ts';
import type { BlockFeature } from '../../blocks/generation';
import { distanceToBoundaryM, M_PER_DEG_LAT, M_PER_DEG_LON } from '../../geography/geom';
import { interiorPoint, type Piece, pieceSize } from '../../geography/pieces';
import type { GapProblem, LonLat, OutsideProblem, OverlapProblem } from './report';

type Box = [number, number, number, number];

/** Which pieces count: big enough and wider than a rounding sliver (6 decimals ≈ 0.08 m). */
export interface MeasureOptions {
  readonly minAreaM2: number;
  readonly minWidthM: number;
}

export interface Problems {
  readonly gaps: GapProblem[];
  readonly overlaps: OverlapProblem[];
  readonly outside: OutsideProblem[];
}

const asGeom = (g: Polygon | MultiPolygon) =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Geom;
const boxOf = (g: Polygon | MultiPolygon) => bbox(g) as Box;
const meets = (a: Box, b: Box) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
const grow = (b: Box, m: number): Box => [
  b[0] - m / M_PER_DEG_LON,
  b[1] - m / M_PER_DEG_LAT,
  b[2] + m / M_PER_DEG_LON,
  b[3] + m / M_PER_DEG_LAT,
];

/** Pieces that pass the options, with area, mean width and an inside point. */
function keep(pieces: Geom, options: MeasureOptions) {
  const out: { piece: Piece; at: LonLat; area_m2: number; width_m: number }[] = [];
  for (const piece of pieces as Piece[]) {
    const { areaM2: m2, widthM: width } = pieceSize(piece);
    if (m2 < options.minAreaM2 || width < options.minWidthM) continue;
    out.push({
      piece,
      at: interiorPoint(piece),
      area_m2: Math.round(m2 * 10) / 10,
      width_m: Math.round(width * 100) / 100,
    });
  }
  return out.sort((a, b) => b.area_m2 - a.area_m2 || a.at[0] - b.at[0] || a.at[1] - b.at[1]);
}

/** Ids of the blocks whose border runs within 0.5 m of some corner of the piece (any of its rings). */
function bordering(piece: Piece, blocks: readonly BlockFeature[], boxes: readonly Box[]): string[] {
  const box = grow(bbox({ type: 'Polygon', coordinates: piece }) as Box, 1);
  return blocks
    .filter((_, i) => meets(boxes[i], box))
    .filter((b) => piece.some((ring) => ring.some((p) => distanceToBoundaryM(p, b.geometry) <= 0.5)))
    .map((b) => b.properties.id)
    .sort();
}

/**
 * Measures the cleaned blocks against each other, against the kept neighbours (`anchors`) and against the
 * district. Gaps: with anchors, the district near the imported blocks minus all blocks there; without,
 * the whole district minus the blocks (or, without a district, the holes of the blocks' union). Overlaps:
 * the intersection of every imported block with every block whose box meets it.
 */
export function measureProblems(
  blocks: readonly BlockFeature[],
  anchors: readonly BlockFeature[],
  district: Polygon | MultiPolygon | null,
  options: MeasureOptions,
): Problems {
  if (blocks.length === 0) return { gaps: [], overlaps: [], outside: [] };
  const boxes = blocks.map((b) => boxOf(b.geometry));
  const frameBox = grow(
    boxes.reduce((a, b) => [
      Math.min(a[0], b[0]),
      Math.min(a[1], b[1]),
      Math.max(a[2], b[2]),
      Math.max(a[3], b[3]),
    ]),
    20,
  );
  const near = anchors.filter((a) => meets(boxOf(a.geometry), frameBox));
  const all = [...blocks, ...near];
  const allBoxes = [...boxes, ...near.map((a) => boxOf(a.geometry))];
  const geoms = all.map((b) => asGeom(b.geometry));
  const merged = union(geoms[0], ...geoms.slice(1));
  let gapPieces: Geom;
  if (district) {
    const [x0, y0, x1, y1] = frameBox;
    const frame: Geom = [
      [
        [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ],
      ],
    ] as Geom;
    const region = anchors.length ? intersection(asGeom(district), frame) : asGeom(district);
    gapPieces = difference(region, merged);
  } else {
    gapPieces = (merged as Piece[]).flatMap((polygon) => polygon.slice(1).map((hole) => [hole])) as Geom;
  }
  const gaps = keep(gapPieces, options).map(({ piece, at, area_m2, width_m }) => ({
    at,
    area_m2,
    width_m,
    blocks: bordering(piece, all, allBoxes),
  }));
  const outside = district
    ? keep(
        difference(
          near.length ? union(geoms[0], ...geoms.slice(1, blocks.length)) : merged,
          asGeom(district),
        ),
        options,
      ).map(({ piece, at, area_m2, width_m }) => ({
        at,
        area_m2,
        width_m,
        blocks: bordering(piece, blocks, boxes),
      }))
    : [];
  const index = new Flatbush(all.length);
  for (const [x0, y0, x1, y1] of allBoxes) index.add(x0, y0, x1, y1);
  index.finish();
  const overlaps: OverlapProblem[] = [];
  blocks.forEach((b, i) => {
    for (const j of index.search(...boxes[i]).sort((p, q) => p - q)) {
      if (j === i || (j < blocks.length && j < i)) continue;
      const ids = [b.properties.id, all[j].properties.id].sort() as [string, string];
      for (const { at, area_m2, width_m } of keep(intersection(geoms[i], geoms[j]), options))
        overlaps.push({ blocks: ids, at, area_m2, width_m });
    }
  });
  overlaps.sort((a, b) => b.area_m2 - a.area_m2 || a.at[0] - b.at[0] || a.at[1] - b.at[1]);
  return { gaps, overlaps, outside };
}
