// Turns grouped cells into block features, then derives community and township polygons by dissolving blocks.
import area from '@turf/area';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { dissolve } from '../../core/geography/dissolve';
import type { BlockProperties, CommunityProperties, TownshipProperties } from '../../core/geography/schemas';
import { BAISHI, TOTAL_POPULATION } from './layout';
import type { Cell } from './partition';
import { byCodePoint, type Random } from './random';
import type { RawData } from './raw';

export type Geometry = Polygon | MultiPolygon;
export type BlockFeature = Feature<Geometry, BlockProperties>;

/** A block feature plus what later stages need (seed in local metres, reserved park block flag). */
export interface Block {
  readonly feature: BlockFeature;
  readonly seed: readonly [number, number];
  readonly reserved: boolean;
}

/** Synthetic block populations: ~350 households × ~2.6 persons, wider spread in villages, scaled to the total. */
function populations(cells: Cell[], villages: boolean[], random: Random): number[] {
  const raw = cells.map((c, i) => {
    const spread = villages[i] ? 0.3 : 0.14;
    const households = 350 * Math.min(1.8, Math.max(0.45, 1 + spread * random.normal()));
    return households * random.range(2.45, 2.8) * (c.reserved ? 0.55 : 1);
  });
  const sum = raw.reduce((s, v) => s + v, 0);
  return raw.map((v) => Math.round((v * TOTAL_POPULATION) / sum));
}

/** Builds the 667 block features (sorted by id) from cells and their community codes. */
export function buildBlocks(cells: Cell[], communityOf: string[], raw: RawData, random: Random): Block[] {
  const community = new Map(raw.communities.map((c) => [c.code, c]));
  const township = new Map(raw.townships.map((t) => [t.code, t]));
  const pops = populations(
    cells,
    communityOf.map((code) => community.get(code)!.type === 'village'),
    random,
  );
  const order = cells
    .map((c, i) => ({ c, i }))
    .sort(
      (a, b) =>
        byCodePoint(communityOf[a.i], communityOf[b.i]) ||
        b.c.seed[1] - a.c.seed[1] ||
        a.c.seed[0] - b.c.seed[0],
    );
  const counters = new Map<string, number>();
  const blocks = order.map(({ c, i }) => {
    const comm = community.get(communityOf[i])!;
    const n = (counters.get(comm.code) ?? 0) + 1;
    counters.set(comm.code, n);
    if (comm.townshipCode !== c.township)
      throw new Error(`cell ${i} is in ${c.township} but its community ${comm.code} is not`);
    if (c.reserved && comm.code !== BAISHI.community)
      throw new Error(`the Baishi Park block landed in ${comm.name}; pin it to 白石社区`);
    const properties: BlockProperties = {
      id: `YH-${comm.code}-${String(n).padStart(2, '0')}`,
      name: `${comm.name}第${n}区块`,
      community_code: comm.code,
      community_name: comm.name,
      township_code: comm.townshipCode,
      township_name: township.get(comm.townshipCode)!.name,
      population_est: pops[i],
      area_m2: Math.round(area(c.geometry)),
      generation: 1,
      synthetic: true,
    };
    const feature: BlockFeature = { type: 'Feature', properties, geometry: c.geometry };
    return { feature, seed: c.seed, reserved: c.reserved };
  });
  return blocks.sort((a, b) => byCodePoint(a.feature.properties.id, b.feature.properties.id));
}

/** Communities derived from blocks: dissolved geometry, official name/type, summed population. */
export function deriveCommunities(
  blocks: BlockFeature[],
  raw: RawData,
): Feature<Geometry, CommunityProperties>[] {
  const geoms = dissolve(blocks.map((b) => ({ group: b.properties.community_code, geometry: b.geometry })));
  const townshipName = new Map(raw.townships.map((t) => [t.code, t.name]));
  return [...raw.communities]
    .sort((a, b) => byCodePoint(a.code, b.code))
    .map((c) => {
      const members = blocks.filter((b) => b.properties.community_code === c.code);
      const geometry = geoms.get(c.code);
      if (!geometry) throw new Error(`community ${c.code} ${c.name} has no blocks; give it at least one`);
      const properties: CommunityProperties = {
        code: c.code,
        name: c.name,
        type: c.type,
        township_code: c.townshipCode,
        township_name: townshipName.get(c.townshipCode)!,
        population_est: members.reduce((s, b) => s + b.properties.population_est, 0),
        blocks: members.length,
        area_m2: Math.round(area(geometry)),
      };
      return { type: 'Feature', properties, geometry };
    });
}

/** Townships derived from blocks the same way. */
export function deriveTownships(
  blocks: BlockFeature[],
  raw: RawData,
): Feature<Geometry, TownshipProperties>[] {
  const geoms = dissolve(blocks.map((b) => ({ group: b.properties.township_code, geometry: b.geometry })));
  return [...raw.townships]
    .sort((a, b) => byCodePoint(a.code, b.code))
    .map((t) => {
      const members = blocks.filter((b) => b.properties.township_code === t.code);
      const geometry = geoms.get(t.code)!;
      const properties: TownshipProperties = {
        code: t.code,
        name: t.name,
        type: t.type,
        population_est: members.reduce((s, b) => s + b.properties.population_est, 0),
        blocks: members.length,
        area_m2: Math.round(area(geometry)),
      };
      return { type: 'Feature', properties, geometry };
    });
}

/** Wraps features into a FeatureCollection. */
export function collection<G extends GeoJSON.Geometry, P>(
  features: Feature<G, P>[],
): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features };
}
