// Asset invariants: each asset lies in the block it names, required kinds and counts, the 1.70 km Baishi path.
import length from '@turf/length';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { pointInPolygon, polygonRings, segmentsCross, toInt } from './geom';
import { type AssetKind, AssetPropertiesSchema, type BlockProperties } from './schemas';
import { polygonViolations } from './validity';
import type { Violation } from './violation';

/** Required asset counts (the seeds), per kind; service centres are also one per township. */
export const REQUIRED_ASSETS: Readonly<Partial<Record<AssetKind, number>>> = {
  canteen: 12,
  meal_point: 30,
  school: 17,
  gig_station: 15,
  gig_market: 2,
  service_centre: 15,
};

/** The Baishi Park health path: 1.70 ± 0.05 km, closed. */
export const BAISHI_PATH = {
  name: '环白石公园健康步道',
  km: 1.7,
  toleranceKm: 0.05,
  community: '430302006104',
} as const;

function vertices(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'LineString':
      return g.coordinates;
    case 'Polygon':
      return g.coordinates.flat();
    default:
      return [];
  }
}

function lines(g: Geometry): Position[][] {
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'Polygon') return g.coordinates;
  return [];
}

/** Whether an asset geometry lies inside a block: every vertex inside, no edge crossing the block's border. */
export function assetInBlock(asset: Geometry, block: Polygon | MultiPolygon): boolean {
  if (!vertices(asset).every((p) => pointInPolygon(p, block))) return false;
  const borders = polygonRings(block).map((r) => r.map(toInt));
  for (const line of lines(asset).map((l) => l.map(toInt))) {
    for (let i = 0; i + 1 < line.length; i++) {
      for (const ring of borders) {
        for (let k = 0; k + 1 < ring.length; k++)
          if (segmentsCross(line[i], line[i + 1], ring[k], ring[k + 1])) return false;
      }
    }
  }
  return true;
}

/** Checks assets.geojson against the blocks. */
export function checkAssets(
  assets: readonly Feature<Geometry, Record<string, unknown>>[],
  blocks: readonly Feature<Geometry, BlockProperties>[],
  townshipCodes: readonly string[],
): Violation[] {
  const out: Violation[] = [];
  const byId = new Map(blocks.map((b) => [b.properties.id, b]));
  const counts = new Map<string, number>();
  for (const a of assets) {
    const parsed = AssetPropertiesSchema.safeParse(a.properties);
    const id = String(a.properties?.id ?? '(asset without id)');
    if (!parsed.success) {
      out.push({
        rule: 'schema',
        feature: id,
        message: `asset property ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`,
      });
      continue;
    }
    const p = parsed.data;
    counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
    if (p.synthetic === p.approximate) {
      out.push({
        rule: 'asset_flags',
        feature: id,
        message: 'an asset is either synthetic or from the approximate places list: set exactly one flag',
      });
    }
    if (a.geometry.type === 'Polygon') out.push(...polygonViolations(id, a.geometry));
    const block = byId.get(p.block_id);
    if (!block) {
      out.push({
        rule: 'reference',
        feature: id,
        message: `asset names block ${p.block_id}, which does not exist`,
      });
      continue;
    }
    if (!assetInBlock(a.geometry, block.geometry as Polygon | MultiPolygon)) {
      out.push({
        rule: 'asset_in_block',
        feature: id,
        message: `${p.name} does not lie inside block ${p.block_id}; move it or name the right block`,
      });
    }
    if (
      block.properties.community_code !== p.community_code ||
      block.properties.township_code !== p.township_code
    ) {
      out.push({
        rule: 'reference',
        feature: id,
        message: `community/township codes differ from those of block ${p.block_id}`,
      });
    }
  }
  for (const [kind, n] of Object.entries(REQUIRED_ASSETS)) {
    if ((counts.get(kind) ?? 0) !== n) {
      out.push({
        rule: 'asset_counts',
        feature: kind,
        message: `expected ${n} ${kind} assets`,
        numbers: { expected: n, actual: counts.get(kind) ?? 0 },
      });
    }
  }
  const centres = new Set(
    assets.filter((a) => a.properties.kind === 'service_centre').map((a) => a.properties.township_code),
  );
  for (const code of townshipCodes) {
    if (!centres.has(code))
      out.push({ rule: 'asset_counts', feature: code, message: 'township has no 街社一体 service centre' });
  }
  out.push(...checkBaishi(assets));
  return out;
}

function checkBaishi(assets: readonly Feature<Geometry, Record<string, unknown>>[]): Violation[] {
  const path = assets.find(
    (a) => a.properties.kind === 'health_path' && a.properties.name === BAISHI_PATH.name,
  );
  const park = assets.find((a) => a.properties.kind === 'park' && a.properties.name === '白石公园');
  const stage = assets.find((a) => a.properties.kind === 'stage');
  const out: Violation[] = [];
  if (park?.geometry.type !== 'Polygon')
    out.push({ rule: 'baishi', feature: '白石公园', message: 'Baishi Park must be a Polygon asset' });
  else if (park.properties.community_code !== BAISHI_PATH.community)
    out.push({
      rule: 'baishi',
      feature: '白石公园',
      message: 'Baishi Park must lie in 白石社区 430302006104',
    });
  if (!stage)
    out.push({ rule: 'baishi', feature: '群众大舞台', message: "the park's stage area is missing" });
  if (path?.geometry.type !== 'LineString') {
    out.push({
      rule: 'baishi_path',
      feature: BAISHI_PATH.name,
      message: 'the health path must be a LineString asset',
    });
    return out;
  }
  const c = path.geometry.coordinates;
  if (c[0][0] !== c[c.length - 1][0] || c[0][1] !== c[c.length - 1][1]) {
    out.push({
      rule: 'baishi_path',
      feature: BAISHI_PATH.name,
      message: 'the health path is a loop: end where it starts',
    });
  }
  const km = length(path as Feature<Geometry>);
  if (Math.abs(km - BAISHI_PATH.km) > BAISHI_PATH.toleranceKm) {
    out.push({
      rule: 'baishi_path',
      feature: BAISHI_PATH.name,
      message: `the path is ${km.toFixed(3)} km; it must be 1.70 ± 0.05 km`,
      numbers: { length_km: km },
    });
  }
  return out;
}
