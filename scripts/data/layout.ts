// Hand-placed plausibility knobs: where each township sits, how many blocks it gets, which exclave it holds.
// None of this is surveyed. The urban 街道 hug the Xiang River around the old town, 和平/九华/响水 take the north,
// the towns take the west and south-west. Block counts follow the reform reports: 326 blocks in the 8 urban
// subdistricts (2022), 667 for the whole district.

export interface TownshipLayout {
  /** 9-digit statistical code. */
  readonly code: string;
  /** Blocks in this township (all parts). */
  readonly blocks: number;
  /** Target area of its part of the main body, km² (tuned by power-diagram weights). */
  readonly areaKm2: number;
  /** lon/lat points the township grows from (its power-diagram sites). */
  readonly anchors: readonly (readonly [number, number])[];
  /** Township seat (lon/lat): blocks are denser around it; also where its service centre goes. */
  readonly seat: readonly [number, number];
  /** Seed density far from the seat relative to at the seat (1 = uniform). */
  readonly baseDensity: number;
}

export const URBAN_CODES = [
  '430302001',
  '430302002',
  '430302003',
  '430302004',
  '430302005',
  '430302006',
  '430302007',
  '430302008',
];

type LonLat = readonly [number, number];
const township = (
  code: string,
  blocks: number,
  areaKm2: number,
  seat: LonLat,
  baseDensity: number,
  ...anchors: LonLat[]
) => ({ code, blocks, areaKm2, seat, baseDensity, anchors }) satisfies TownshipLayout;

export const TOWNSHIP_LAYOUT: readonly TownshipLayout[] = [
  // 8 urban subdistricts: 326 blocks.
  township('430302001', 40, 2.6, [112.9015, 27.8645], 1, [112.9, 27.8655]), // 雨湖路
  township('430302002', 34, 2.0, [112.908, 27.858], 1, [112.9085, 27.8575]), // 城正街
  township('430302003', 42, 4.0, [112.911, 27.874], 1, [112.912, 27.8755]), // 云塘
  township('430302004', 38, 3.2, [112.922, 27.866], 1, [112.9225, 27.8665]), // 广场
  township('430302005', 32, 2.6, [112.894, 27.853], 1, [112.8935, 27.8525]), // 窑湾
  township('430302006', 52, 6.5, [112.886, 27.853], 1, [112.882, 27.857], [112.8875, 27.8485]), // 昭潭
  township('430302007', 36, 4.5, [112.935, 27.875], 1, [112.9375, 27.8775], [112.931, 27.8715]), // 万楼
  township('430302008', 52, 12.0, [112.89, 27.876], 0.55, [112.878, 27.874], [112.893, 27.884]), // 先锋
  // 九华示范区 and the towns: 341 blocks.
  township('430373001', 48, 28.0, [112.945, 27.89], 0.45, [112.95, 27.895], [112.935, 27.905]), // 和平
  township('430373002', 40, 42.0, [112.965, 27.925], 0.4, [112.975, 27.935], [112.955, 27.95]), // 九华
  township('430373200', 52, 88.0, [112.88, 28.0], 0.45, [112.86, 28.03], [112.9, 27.99], [112.84, 27.985]), // 响水乡
  township('430302202', 53, 72.7, [112.8, 27.93], 0.45, [112.77, 27.935], [112.82, 27.935]), // 长城乡
  township('430302102', 56, 66.0, [112.765, 27.885], 0.45, [112.74, 27.88], [112.78, 27.89]), // 姜畲镇
  township('430302100', 66, 80.0, [112.83, 27.86], 0.45, [112.8, 27.845], [112.84, 27.875]), // 鹤岭镇
  township('430302101', 26, 36.0, [112.872, 27.828], 0.45, [112.87, 27.82], [112.845, 27.83]), // 楠竹山镇
];

/** The five exclaves (raw MultiPolygon parts 1–5, holes in 湘潭县): which township holds each, and its blocks. */
export const EXCLAVES: readonly { part: number; township: string; blocks: number }[] = [
  { part: 1, township: '430302102', blocks: 1 },
  { part: 2, township: '430302102', blocks: 2 },
  { part: 3, township: '430302100', blocks: 1 },
  { part: 4, township: '430302100', blocks: 1 },
  { part: 5, township: '430302100', blocks: 1 },
];

/** Baishi Park (白石公园, 昭潭街道 白石社区): the approximate place, and the reserved block drawn around it. */
export const BAISHI = {
  community: '430302006104',
  township: '430302006',
  center: [112.883623, 27.855486] as const,
  /** Radius (m) of the reserved block outline around the park; the park and its 1.7 km path fit inside. */
  blockRadiusM: 430,
};

/** Communities pinned to a place: the group of blocks containing the point gets this community code. */
export const COMMUNITY_PINS: readonly { community: string; point: readonly [number, number] }[] = [
  { community: '430302006104', point: [112.883623, 27.855486] }, // 白石社区 ∋ 白石公园
  { community: '430302007003', point: [112.938578, 27.875466] }, // 万楼社区 ∋ 万楼
  { community: '430302005001', point: [112.894127, 27.853491] }, // 大码头社区 ∋ 窑湾 riverside
];

/** Total synthetic residents (the seeds: 60余万). */
export const TOTAL_POPULATION = 602_000;
