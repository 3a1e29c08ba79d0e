// ~20,000 synthetic incidents over 12 months: clustered hot spots, a late-July storm, a consistent lifecycle.
import type { Position } from 'geojson';
import type { IncidentSeed, IncidentSeedFile } from '../../core/geography/incident-seed';
import {
  INCIDENT_CATEGORIES,
  type IncidentCategory,
  type IncidentClass,
} from '../../core/incidents/categories';
import type { Block } from './blocks';
import {
  backgroundTime,
  INCIDENT_COUNT,
  iso,
  lifecycle,
  MIN,
  REF,
  REFERENCE_DATE,
  STORM,
} from './incident-lifecycle';
import { DESCRIPTIONS, STORM_DESCRIPTIONS, VILLAGE_DESCRIPTIONS } from './incident-text';
import { BlockLocator } from './locator';
import { round6, toLonLat, toXy } from './projection';
import { byCodePoint, type Random } from './random';
import { interiorPoint, randomPointIn } from './sampling';

type Mix = Partial<Record<IncidentCategory, number>>;
const BACKGROUND: Mix = {
  sanitation: 22,
  municipal_facilities: 14,
  roads_traffic: 12,
  flooding: 3,
  disputes: 12,
  public_safety: 6,
  noise: 9,
  illegal_construction: 6,
  welfare_help: 12,
  other: 4,
};
const MARKET: Mix = {
  sanitation: 35,
  roads_traffic: 20,
  noise: 15,
  disputes: 15,
  public_safety: 5,
  illegal_construction: 5,
  other: 5,
};
const STATION: Mix = { roads_traffic: 35, public_safety: 25, sanitation: 20, disputes: 10, other: 10 };
const VILLAGE: Mix = {
  illegal_construction: 30,
  sanitation: 25,
  disputes: 20,
  roads_traffic: 10,
  welfare_help: 15,
};
const STORM_MIX: Mix = { flooding: 80, municipal_facilities: 10, roads_traffic: 5, welfare_help: 5 };

/** A source of incidents: where (a point sampler), which categories, how many. */
interface Source {
  readonly share: number;
  readonly mix: Mix;
  readonly texts?: Readonly<Partial<Record<IncidentCategory, readonly string[]>>>;
  readonly where: (random: Random) => Position;
  readonly when: (random: Random) => number;
}

/** Builds the seed file. Hot spots: old-town markets, the railway station, three villages, the July storm. */
export function buildIncidents(blocks: Block[], random: Random): IncidentSeedFile {
  const locator = new BlockLocator(blocks.map((b) => b.feature));
  const inCommunity = (name: string) =>
    blocks.filter((b) => b.feature.properties.community_name === name).map((b) => b.feature);
  const centre = (name: string) => interiorPoint(random.pick(inCommunity(name)).geometry, random);
  const around = (c: Position, sigma: number) => (rnd: Random) => {
    for (;;) {
      const xy = toXy(c);
      const p = toLonLat([xy[0] + sigma * rnd.normal(), xy[1] + sigma * rnd.normal()]).map(round6);
      if (locator.locate(p)) return p;
    }
  };
  const weighted = (pool: Block[], w: (b: Block) => number) => (rnd: Random) =>
    randomPointIn(rnd.weighted(pool, w).feature.geometry, rnd);
  const urban = (b: Block) =>
    Number(b.feature.properties.township_code.slice(6)) < 100 &&
    b.feature.properties.township_code.startsWith('430302');
  const riverside = blocks.filter((b) =>
    ['430302002', '430302004', '430302005', '430302007', '430302101'].includes(
      b.feature.properties.township_code,
    ),
  );
  const stormTime = (rnd: Random) =>
    STORM + Math.round(Math.abs(rnd.normal()) * 30 * 3_600_000 + rnd.range(0, 3_600_000));
  const sources: Source[] = [
    {
      share: 0.625,
      mix: BACKGROUND,
      where: weighted(blocks, (b) => b.feature.properties.population_est * (urban(b) ? 1.6 : 1)),
      when: backgroundTime,
    },
    ...['熙春路社区', '三义井社区', '关圣殿社区'].map((n) => ({
      share: 0.06,
      mix: MARKET,
      where: around(centre(n), 160),
      when: backgroundTime,
    })),
    { share: 0.07, mix: STATION, where: around(centre('火车站社区'), 260), when: backgroundTime },
    ...['长安村', '姜畲村', '响水村'].map((n) => ({
      share: 0.025,
      mix: VILLAGE,
      texts: VILLAGE_DESCRIPTIONS,
      where: around(centre(n), 450),
      when: backgroundTime,
    })),
    {
      share: 0.05,
      mix: STORM_MIX,
      texts: STORM_DESCRIPTIONS,
      where: weighted(riverside, (b) => 1 / Math.sqrt(b.feature.properties.area_m2)),
      when: stormTime,
    },
  ];
  const incidents: IncidentSeed[] = [];
  for (const source of sources) {
    const n = Math.round(source.share * INCIDENT_COUNT);
    for (let k = 0; k < n; k++) {
      const p = source.where(random);
      const block = locator.locate(p)!;
      const category = random.weighted(Object.keys(source.mix) as IncidentCategory[], (c) => source.mix[c]!);
      const info = INCIDENT_CATEGORIES.find((c) => c.key === category)!;
      const storm = source.mix === STORM_MIX;
      let cls: IncidentClass = info.defaultClass;
      if (storm && random.chance(0.35)) cls = 'D';
      else if (cls === 'A' && random.chance(0.15)) cls = 'B';
      else if (cls === 'B' && random.chance(0.15)) cls = 'C';
      const texts = source.texts?.[category] ?? DESCRIPTIONS[category];
      const reported = source.when(random);
      const r: IncidentSeed = {
        id: '',
        lon: p[0],
        lat: p[1],
        block_id: block.properties.id,
        community_code: block.properties.community_code,
        township_code: block.properties.township_code,
        generation: 1,
        category,
        class: cls,
        severity:
          cls === 'D'
            ? 3
            : cls === 'C'
              ? random.int(2, 3)
              : random.weighted([1, 2, 3], (s) => [0, 6, 3, 1][s]),
        status: 'reported',
        description: random.pick(texts),
        reported_at: iso(Math.min(reported, REF - MIN)),
      };
      lifecycle(r, cls, Date.parse(r.reported_at), random);
      if (r.accepted_at && cls !== 'A')
        r.escalated_to = cls === 'B' ? r.township_code : cls === 'D' ? 'emergency' : info.department;
      incidents.push(r);
    }
  }
  incidents.sort((a, b) => byCodePoint(a.reported_at, b.reported_at) || byCodePoint(a.block_id, b.block_id));
  incidents.forEach((r, i) => {
    r.id = `SEED-${String(i + 1).padStart(6, '0')}`;
  });
  return { reference_date: REFERENCE_DATE, incidents: incidents.map(orderKeys) };
}

/** Stable key order for the JSON file (optional fields in lifecycle order). */
function orderKeys(r: IncidentSeed): IncidentSeed {
  const keys = [
    'id',
    'lon',
    'lat',
    'block_id',
    'community_code',
    'township_code',
    'generation',
    'category',
    'class',
    'severity',
    'status',
    'description',
    'reported_at',
    'accepted_at',
    'started_at',
    'resolved_at',
    'closed_at',
    'rating',
    'escalated_to',
    'reject_reason',
  ] as const;
  return Object.fromEntries(keys.filter((k) => r[k] !== undefined).map((k) => [k, r[k]])) as IncidentSeed;
}
