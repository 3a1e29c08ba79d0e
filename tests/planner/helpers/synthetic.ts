// A small synthetic coverage for the planner tests: a jittered grid of blocks with shared vertices, 3 communities.
import area from '@turf/area';
import type { Polygon, Position } from 'geojson';
import type { BlockFeature, CommunityFeature, TownshipFeature } from '../../../core/blocks/generation';
import { type Coverage, coverageFromBlocks } from '../../../core/planner/coverage';
import type { AreaReference } from '../../../core/planner/derive';
import { seededRandom } from '../../hotspots/helpers/random';

/** Micro-degree origin near the old town, and the grid cell (2,000 µ° ≈ 200 m × 220 m). */
const X0 = 112_900_000;
const Y0 = 27_860_000;

export const TOWNSHIPS = [
  { code: '430302001', name: '甲街道', type: 'subdistrict' as const },
  { code: '430302002', name: '乙镇', type: 'town' as const },
];
export const COMMUNITIES = [
  { code: '430302001001', name: '甲一社区', type: 'community' as const, township: 0 },
  { code: '430302001002', name: '甲二社区', type: 'community' as const, township: 0 },
  { code: '430302002001', name: '乙一村', type: 'village' as const, township: 1 },
];

export interface Synthetic {
  readonly coverage: Coverage;
  readonly district: Polygon;
  readonly reference: AreaReference;
}

const lonLat = ([x, y]: readonly number[]): Position => [x / 1e6, y / 1e6];

/**
 * An nx × ny grid (default 6 × 5 = 30 blocks): interior corners jittered, every edge bent at a shared
 * midpoint (so borders are chains of two edges), columns split into three communities in two townships.
 * Everything is on the 1e-6° grid and shares vertices exactly, like the real data.
 */
export function syntheticCoverage(nx = 6, ny = 5, seed = 7, cell = 2000): Synthetic {
  const rnd = seededRandom(seed);
  const jitter = (scale: number) => Math.round((rnd() * 2 - 1) * scale * cell);
  const corner: number[][][] = [];
  for (let i = 0; i <= nx; i++) {
    corner.push([]);
    for (let j = 0; j <= ny; j++) {
      const edgeX = i === 0 || i === nx;
      const edgeY = j === 0 || j === ny;
      corner[i].push([X0 + i * cell + (edgeX ? 0 : jitter(0.2)), Y0 + j * cell + (edgeY ? 0 : jitter(0.2))]);
    }
  }
  const mids = new Map<string, number[]>();
  const mid = (a: number[], b: number[], key: string) => {
    let m = mids.get(key);
    if (!m) {
      const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
      const len = Math.hypot(dx, dy);
      const off = jitter(0.08);
      m = [
        Math.round((a[0] + b[0]) / 2 - (dy / len) * off),
        Math.round((a[1] + b[1]) / 2 + (dx / len) * off),
      ];
      mids.set(key, m);
    }
    return m;
  };
  const h = (i: number, j: number) => mid(corner[i][j], corner[i + 1][j], `h${i},${j}`);
  const v = (i: number, j: number) => mid(corner[i][j], corner[i][j + 1], `v${i},${j}`);
  const serial = new Map<string, number>();
  const blocks: BlockFeature[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const ring = [
        corner[i][j],
        h(i, j),
        corner[i + 1][j],
        v(i + 1, j),
        corner[i + 1][j + 1],
        h(i, j + 1),
        corner[i][j + 1],
        v(i, j),
        corner[i][j],
      ].map(lonLat);
      const c = COMMUNITIES[Math.min(2, Math.floor((i * 3) / nx))];
      const t = TOWNSHIPS[c.township];
      const n = (serial.get(c.code) ?? 0) + 1;
      serial.set(c.code, n);
      const geometry: Polygon = { type: 'Polygon', coordinates: [ring] };
      blocks.push({
        type: 'Feature',
        properties: {
          id: `YH-${c.code}-${String(n).padStart(2, '0')}`,
          name: `${c.name}第${n}区块`,
          community_code: c.code,
          community_name: c.name,
          township_code: t.code,
          township_name: t.name,
          population_est: 300 + Math.floor(rnd() * 400),
          area_m2: Math.round(area(geometry)),
          generation: 1,
          synthetic: true,
        },
        geometry,
      });
    }
  }
  const outline: number[][] = [];
  for (let i = 0; i < nx; i++) outline.push(corner[i][0], h(i, 0));
  for (let j = 0; j < ny; j++) outline.push(corner[nx][j], v(nx, j));
  for (let i = nx; i > 0; i--) outline.push(corner[i][ny], h(i - 1, ny));
  for (let j = ny; j > 0; j--) outline.push(corner[0][j], v(0, j - 1));
  const district: Polygon = { type: 'Polygon', coordinates: [[...outline, outline[0]].map(lonLat)] };
  return { coverage: coverageFromBlocks(blocks), district, reference: reference(district) };
}

/** Names and types of the synthetic communities and townships (geometry is not used by the engine). */
function reference(district: Polygon): AreaReference {
  const townships: TownshipFeature[] = TOWNSHIPS.map((t) => ({
    type: 'Feature',
    properties: { ...t, population_est: 0, blocks: 1, area_m2: 1 },
    geometry: district,
  }));
  const communities: CommunityFeature[] = COMMUNITIES.map((c) => ({
    type: 'Feature',
    properties: {
      code: c.code,
      name: c.name,
      type: c.type,
      township_code: TOWNSHIPS[c.township].code,
      township_name: TOWNSHIPS[c.township].name,
      population_est: 0,
      blocks: 1,
      area_m2: 1,
    },
    geometry: district,
  }));
  return { communities, townships };
}

/** Id of the block in column i, row j of the default 6 × 5 synthetic grid (two columns per community). */
export function cellId(i: number, j: number): string {
  const c = COMMUNITIES[Math.floor(i / 2)];
  return `YH-${c.code}-${String(j * 2 + (i % 2) + 1).padStart(2, '0')}`;
}

/** Cadre roles for every block (synthetic ids), so a publish check finds no block without cadres. */
export function someRoles(
  ids: readonly string[],
): Record<string, { governor: string; assistants: string[]; supervisor: string }> {
  return Object.fromEntries(
    ids.map((id, k) => [
      id,
      {
        governor: `C${String(3 * k + 1).padStart(5, '0')}`,
        assistants: [`C${String(3 * k + 2).padStart(5, '0')}`],
        supervisor: `C${String(3 * k + 3).padStart(5, '0')}`,
      },
    ]),
  );
}
