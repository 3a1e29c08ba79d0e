// Loads the shipped data (data/geojson/) into an empty table: generation 1 of the boundaries, its
// locate grid, cadres and their assignments, departments and assets. Idempotent and resumable:
// the current-generation pointer is written last, so a crashed seed simply runs again.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  BlockFeature,
  BoundarySet,
  CommunityFeature,
  Generation,
  TownshipFeature,
} from '../../core/blocks/generation.js';
import { VersionConflictError } from '../../core/errors.js';
import { buildBlockIndex } from '../../core/geo/block-index.js';
import { buildLocateGrid, serializeLocateGrid } from '../../core/geo/locate-grid.js';
import type { Runtime } from '../runtime.js';
import { gridKey } from '../services/boundaries.js';
import { createBoundaryStore } from '../store/boundary-store.js';
import { createDraftStore } from '../store/draft-store.js';
import { seedIncidents } from './seed-incidents.js';
import { seedReferenceData } from './seed-reference.js';

export interface SeedOptions {
  dataDir?: string;
  /** Called with human-readable progress lines. */
  progress?: (line: string) => void;
  /** Fixed clock for tests. */
  now?: () => Date;
  /** Seed incidents: all records (default), only their daily counters, or none. */
  incidents?: 'all' | 'counters' | 'none';
}

export interface SeedSummary {
  skipped: boolean;
  generation: number;
  blocks: number;
  communities: number;
  townships: number;
  reference: Record<string, number>;
  incidents: Record<string, number>;
  ms: number;
}

async function readJson<T>(path: string): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as Error).message} (run npm run data:generate?)`);
  }
}

/** Reads the shipped boundary files as generation 1. */
export async function readShippedBoundaries(dataDir = 'data/geojson'): Promise<BoundarySet> {
  const [blocks, communities, townships] = await Promise.all([
    readJson<{ features: BlockFeature[] }>(join(dataDir, 'blocks.geojson')),
    readJson<{ features: CommunityFeature[] }>(join(dataDir, 'communities.geojson')),
    readJson<{ features: TownshipFeature[] }>(join(dataDir, 'townships.geojson')),
  ]);
  return {
    generation: 1,
    blocks: blocks.features,
    communities: communities.features,
    townships: townships.features,
  };
}

/** Seeds the table unless a current generation already exists. */
export async function seedIfEmpty(runtime: Runtime, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const log = options.progress ?? (() => {});
  const dataDir = options.dataDir ?? 'data/geojson';
  const { config } = runtime.services;
  const store = createBoundaryStore(runtime.clients.doc, config.TABLE_NAME);
  const current = await store.currentGeneration();
  const empty = { blocks: 0, communities: 0, townships: 0, reference: {}, incidents: {} };
  if (current !== null) return { skipped: true, generation: current, ...empty, ms: 0 };

  const set = await readShippedBoundaries(dataDir);
  log(
    `read ${set.blocks.length} blocks, ${set.communities.length} communities, ${set.townships.length} townships`,
  );
  const index = buildBlockIndex({ type: 'FeatureCollection', features: set.blocks });
  const grid = buildLocateGrid(index);
  const now = (options.now ?? (() => new Date()))().toISOString();
  const meta: Generation = {
    generation: 1,
    status: 'published',
    base: null,
    version: 1,
    created_at: now,
    published_at: now,
    block_count: set.blocks.length,
    fingerprint: index.fingerprint,
    note: 'shipped data (data/geojson)',
  };
  await runtime.artifacts.put(gridKey(meta), serializeLocateGrid(grid));
  log('built and stored the locate grid');
  await store.putBoundaries(meta, set);
  const district = await readJson<{ features: { geometry: unknown }[] }>(join(dataDir, 'district.geojson'));
  await createDraftStore(runtime.clients.doc, config.TABLE_NAME).putDistrict(district.features[0].geometry);
  log('wrote boundaries of generation 1');
  const reference = await seedReferenceData(runtime, dataDir, 1, log);
  const mode = options.incidents ?? 'all';
  const incidents =
    mode === 'none'
      ? {}
      : await seedIncidents(runtime, dataDir, { records: mode === 'all', now: options.now?.(), log });
  try {
    await store.setCurrent(1, null);
  } catch (err) {
    // Another process finished seeding first: the same data is there.
    if (!(err instanceof VersionConflictError)) throw err;
  }
  return {
    skipped: false,
    generation: 1,
    blocks: set.blocks.length,
    communities: set.communities.length,
    townships: set.townships.length,
    reference,
    incidents,
    ms: Math.round(performance.now() - started),
  };
}
