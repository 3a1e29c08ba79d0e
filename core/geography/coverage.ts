// Coverage: the blocks' union equals the district (no real gap or bulge piece, slivers < 0.01 % in total) and
// blocks overlap by < 10 m² in total.
import area from '@turf/area';
import bbox from '@turf/bbox';
import Flatbush from 'flatbush';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { difference, type Geom, intersection, union } from 'polyclip-ts';
import { interiorPoint, MIN_PIECE, type Piece, pieceSize } from './pieces';
import type { Violation } from './violation';

type Poly = Polygon | MultiPolygon;

/**
 * Tolerances. Gap and outside pieces together stay under `maxDifferencePct` of the district, and no
 * single piece reaches both `minPieceM2` and `minPieceWidthM` (mean width): anything that big and that
 * wide is a real hole or bulge, not a rounding sliver along a border.
 */
export interface CoverageLimits {
  readonly maxDifferencePct: number;
  readonly maxOverlapM2: number;
  readonly minPieceM2: number;
  readonly minPieceWidthM: number;
}

/** The numbers (#8: a draft may never leave a gap or an overlap). */
export const COVERAGE_LIMITS: CoverageLimits = {
  maxDifferencePct: 0.01,
  maxOverlapM2: 10,
  minPieceM2: MIN_PIECE.areaM2,
  minPieceWidthM: MIN_PIECE.widthM,
};

const asGeom = (g: Poly) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Geom;
const multiArea = (coordinates: Geom) => area({ type: 'MultiPolygon', coordinates } as MultiPolygon);

/** The biggest pieces of a clipped result, described for a message. */
function describePieces(pieces: [number, number][][][], limit = 3): string {
  return pieces
    .map((p) => ({ a: area({ type: 'Polygon', coordinates: p }), at: p[0][0] }))
    .sort((x, y) => y.a - x.a)
    .slice(0, limit)
    .map((x) => `${x.a.toFixed(1)} m² near ${JSON.stringify(x.at)}`)
    .join('; ');
}

/** Every gap or outside piece that is not a sliver, biggest first, each pointing at a place inside it. */
function pieceViolations(m: CoverageMeasure, limits: CoverageLimits): Violation[] {
  const kinds = [
    {
      rule: 'coverage_gap',
      pieces: m.gaps,
      name: 'gap',
      fix: 'that no block covers; move a neighbouring border over it so the blocks meet',
    },
    {
      rule: 'coverage_outside',
      pieces: m.outside,
      name: 'bulge',
      fix: 'outside the district; move the block border back onto the district outline',
    },
  ];
  return kinds.flatMap(({ rule, pieces, name, fix }) =>
    (pieces as Piece[])
      .map((piece) => ({ piece, size: pieceSize(piece) }))
      .filter(({ size }) => size.areaM2 >= limits.minPieceM2 && size.widthM >= limits.minPieceWidthM)
      .sort((a, b) => b.size.areaM2 - a.size.areaM2)
      .map(({ piece, size }): Violation => {
        const [lon, lat] = interiorPoint(piece);
        return {
          rule,
          feature: 'blocks',
          message: `${name} of ${size.areaM2.toFixed(1)} m² (mean width ${size.widthM.toFixed(2)} m) at ${JSON.stringify([lon, lat])} ${fix}`,
          numbers: { lon, lat, area_m2: size.areaM2, width_m: size.widthM },
        };
      }),
  );
}

/** Pairwise overlaps, used only to point at culprits once the total is too large. */
function overlappingPairs<P>(
  blocks: readonly Feature<Poly, P>[],
  idOf: (f: Feature<Poly, P>) => string,
): Violation[] {
  const index = new Flatbush(blocks.length);
  const boxes = blocks.map((b) => bbox(b.geometry));
  for (const [x0, y0, x1, y1] of boxes) index.add(x0, y0, x1, y1);
  index.finish();
  const out: Violation[] = [];
  blocks.forEach((b, i) => {
    for (const j of index.search(...(boxes[i] as [number, number, number, number]))) {
      if (j <= i) continue;
      const m2 = multiArea(intersection(asGeom(b.geometry), asGeom(blocks[j].geometry)));
      if (m2 > 0.01) {
        out.push({
          rule: 'overlap',
          feature: idOf(b),
          message: `overlaps ${idOf(blocks[j])}; move the shared border so both use the same vertices`,
          numbers: { overlap_m2: m2 },
        });
      }
    }
  });
  return out;
}

/** Areas (m²) describing how blocks cover the district, plus the gap and outside pieces. */
export interface CoverageMeasure {
  readonly districtM2: number;
  readonly unionM2: number;
  readonly sumM2: number;
  readonly gapM2: number;
  readonly outsideM2: number;
  readonly overlapM2: number;
  readonly gaps: [number, number][][][];
  readonly outside: [number, number][][][];
}

/** Unions the blocks and compares with the district (one polygon-clipping pass, well under a second). */
export function measureCoverage<P>(blocks: readonly Feature<Poly, P>[], district: Poly): CoverageMeasure {
  const geoms = blocks.map((b) => asGeom(b.geometry));
  const merged = union(geoms[0], ...geoms.slice(1));
  const unionM2 = multiArea(merged);
  const sumM2 = blocks.reduce((s, b) => s + area(b.geometry), 0);
  const gaps = difference(asGeom(district), merged);
  const outside = difference(merged, asGeom(district));
  return {
    districtM2: area(district),
    unionM2,
    sumM2,
    gapM2: multiArea(gaps),
    outsideM2: multiArea(outside),
    overlapM2: sumM2 - unionM2,
    gaps,
    outside,
  };
}

/**
 * Checks that blocks tile the district: no gaps, nothing outside, no overlaps (with the issue's
 * tolerances). Each gap or outside piece that is not a sliver is its own violation, with a point inside
 * it as `numbers.lon`/`numbers.lat`, however small its share of the district. Overlaps below the total
 * are refused exactly, one by one, by `findBorderCrossings` and `findCornerOverlaps` in `checkTopology`.
 */
export function checkCoverage<P>(
  blocks: readonly Feature<Poly, P>[],
  district: Poly,
  idOf: (f: Feature<Poly, P>) => string,
  limits: CoverageLimits = COVERAGE_LIMITS,
): Violation[] {
  if (blocks.length === 0) return [{ rule: 'coverage', feature: 'blocks', message: 'there are no blocks' }];
  const m = measureCoverage(blocks, district);
  const out: Violation[] = [];
  const pct = ((m.gapM2 + m.outsideM2) / m.districtM2) * 100;
  if (pct >= limits.maxDifferencePct) {
    const where = [
      m.gaps.length ? `gaps: ${describePieces(m.gaps)}` : '',
      m.outside.length ? `outside: ${describePieces(m.outside)}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    out.push({
      rule: 'coverage',
      feature: 'blocks',
      message: `the union of blocks differs from the district by ${pct.toFixed(4)} % (limit ${limits.maxDifferencePct} %); ${where}`,
      numbers: {
        district_m2: m.districtM2,
        union_m2: m.unionM2,
        gap_m2: m.gapM2,
        outside_m2: m.outsideM2,
        difference_pct: pct,
      },
    });
  }
  out.push(...pieceViolations(m, limits));
  if (m.overlapM2 >= limits.maxOverlapM2) {
    out.push({
      rule: 'overlap',
      feature: 'blocks',
      message: `blocks overlap by ${m.overlapM2.toFixed(1)} m² in total (limit ${limits.maxOverlapM2} m²); pairs follow`,
      numbers: { overlap_m2: m.overlapM2, sum_of_blocks_m2: m.sumM2, union_m2: m.unionM2 },
    });
    out.push(...overlappingPairs(blocks, idOf));
  }
  return out;
}
