// Coverage: the blocks' union equals the district (gaps/bulges < 0.01 %) and blocks overlap by < 10 m² in total.
import area from '@turf/area';
import bbox from '@turf/bbox';
import Flatbush from 'flatbush';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { difference, type Geom, intersection, union } from 'polyclip-ts';
import type { Violation } from './violation';

type Poly = Polygon | MultiPolygon;

/** Tolerances: the numbers. */
export const COVERAGE_LIMITS = { maxDifferencePct: 0.01, maxOverlapM2: 10 } as const;

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

/** Checks that blocks tile the district: no gaps, nothing outside, no overlaps (with the tolerances). */
export function checkCoverage<P>(
  blocks: readonly Feature<Poly, P>[],
  district: Poly,
  idOf: (f: Feature<Poly, P>) => string,
  limits = COVERAGE_LIMITS,
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
