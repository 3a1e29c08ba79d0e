// Mapped facilities: Baishi Park with its 1.7 km health path and stage, canteens, meal points, schools, gig work, centres.
import type { Feature, Geometry, Position } from 'geojson';
import { lineKm, pointInPolygon } from '../../core/geography/geom';
import type { AssetKind, AssetProperties } from '../../core/geography/schemas';
import type { Block, BlockFeature } from './blocks';
import { BAISHI, TOWNSHIP_LAYOUT, URBAN_CODES } from './layout';
import { dist, round6, toLonLat, toXy } from './projection';
import { byCodePoint, type Random } from './random';
import type { RawData } from './raw';
import { interiorPoint } from './sampling';

export type AssetFeature = Feature<Geometry, AssetProperties>;

/** A closed loop around the park centre (local metres → lon/lat, 6 decimals), counter-clockwise. */
function loop(center: readonly number[], radius: number, n: number): Position[] {
  const c = toXy(center);
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const r = radius * (1 + 0.13 * Math.cos(2 * (t - 0.5)) + 0.04 * Math.sin(3 * t + 1));
    const [lon, lat] = toLonLat([c[0] + r * Math.cos(t), c[1] + r * Math.sin(t)]);
    ring.push([round6(lon), round6(lat)]);
  }
  return [...ring, ring[0]];
}

/** The health path: a loop scaled until its geodesic length is 1.700 km. */
function healthPath(): { path: Position[]; radius: number; meters: number } {
  let radius = 270;
  let path = loop(BAISHI.center, radius, 64);
  for (let i = 0; i < 4; i++) {
    const km = lineKm(path);
    radius *= 1.7 / km;
    path = loop(BAISHI.center, radius, 64);
  }
  return { path, radius, meters: lineKm(path) * 1000 };
}

function rectangle(center: readonly number[], dx: number, dy: number, w: number, h: number): Position[] {
  const c = toXy(center);
  const corners = [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ].map(([x, y]) => toLonLat([c[0] + dx + x, c[1] + dy + y]).map(round6));
  return [...corners, corners[0]];
}

/** Builds assets.geojson features; every asset names the block it lies in. */
export function buildAssets(blocks: Block[], raw: RawData, random: Random): AssetFeature[] {
  const features: AssetFeature[] = [];
  const counters = new Map<string, number>();
  const placed = new Map<string, Position[]>();
  const blockAt = (p: Position) => blocks.find((b) => pointInPolygon(p, b.feature.geometry))!.feature;
  const add = (
    kind: AssetKind,
    name: string,
    geometry: Geometry,
    block: BlockFeature,
    extra: Partial<AssetProperties> = {},
  ) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    const { id, community_code, township_code } = block.properties;
    const properties: AssetProperties = {
      id: `AS-${kind}-${String(n).padStart(2, '0')}`,
      kind,
      name,
      block_id: id,
      community_code,
      township_code,
      synthetic: extra.approximate !== true,
      approximate: extra.approximate === true,
      ...extra,
    };
    features.push({ type: 'Feature', properties, geometry });
  };
  const pointIn = (block: BlockFeature): Geometry => {
    const avoid = placed.get(block.properties.id) ?? [];
    const p = interiorPoint(block.geometry, random, avoid);
    placed.set(block.properties.id, [...avoid, p]);
    return { type: 'Point', coordinates: p };
  };

  const park = blocks.find((b) => b.reserved)!.feature;
  const { path, meters } = healthPath();
  const note = 'real place, position approximate (±1.5 km); outline drawn for the demo, not surveyed';
  add(
    'park',
    '白石公园',
    { type: 'Polygon', coordinates: [loop(BAISHI.center, 1.09 * (1700 / (2 * Math.PI)), 40)] },
    park,
    { approximate: true, note },
  );
  add('health_path', '环白石公园健康步道', { type: 'LineString', coordinates: path }, park, {
    approximate: true,
    length_m: Math.round(meters),
    note,
  });
  add(
    'stage',
    '白石公园群众大舞台',
    { type: 'Polygon', coordinates: [rectangle(BAISHI.center, 0, 70, 40, 24)] },
    park,
    { approximate: true, note },
  );
  for (const place of raw.places.filter((p) => !p.name.startsWith('白石公园'))) {
    const kind: AssetKind = place.name.endsWith('公园') ? 'park' : 'landmark';
    add(kind, place.name, { type: 'Point', coordinates: place.position }, blockAt(place.position), {
      approximate: true,
      note: `real place, position approximate (±${place.uncertaintyM} m)`,
    });
  }

  const byCommunity = new Map<string, BlockFeature[]>();
  for (const b of blocks)
    byCommunity.set(b.feature.properties.community_code, [
      ...(byCommunity.get(b.feature.properties.community_code) ?? []),
      b.feature,
    ]);
  const communities = raw.communities.filter((c) => byCommunity.has(c.code));
  const urban = communities.filter((c) => URBAN_CODES.includes(c.townshipCode) && c.type === 'community');
  const pickBlock = (code: string) => random.pick(byCommunity.get(code)!);
  for (const c of random.shuffle(urban).slice(0, 12)) {
    const b = pickBlock(c.code);
    add('canteen', `${c.name}长者食堂`, pointIn(b), b);
  }
  for (const c of random.shuffle(communities).slice(0, 30)) {
    const b = pickBlock(c.code);
    add('meal_point', `${c.name}老年助餐点`, pointIn(b), b);
  }
  for (const c of random.shuffle(communities).slice(0, 17)) {
    const b = pickBlock(c.code);
    add('school', c.type === 'village' ? `${c.name}村民学校` : `${c.name}学校`, pointIn(b), b);
  }
  for (const t of raw.townships) {
    const layout = TOWNSHIP_LAYOUT.find((l) => l.code === t.code)!;
    const seat = toXy(layout.seat);
    const own = blocks.filter((b) => b.feature.properties.township_code === t.code && !b.reserved);
    const seatBlock = own.reduce((best, b) =>
      dist(b.seed, seat) < dist(best.seed, seat) ? b : best,
    ).feature;
    add('service_centre', `${t.name}街社一体服务中心`, pointIn(seatBlock), seatBlock);
    add('gig_station', `${t.name}零工驿站`, pointIn(seatBlock), seatBlock);
    if (t.code === '430302004' || t.code === '430373002') {
      add(
        'gig_market',
        t.code === '430302004' ? '雨湖区零工市场' : '九华零工市场',
        pointIn(seatBlock),
        seatBlock,
      );
    }
  }
  return features.sort((a, b) => byCodePoint(a.properties.id, b.properties.id));
}
