// Per-process cache of boundary generations: boundaries, locate index, prepared responses, tiles.
// Published generations are immutable, so each is loaded once per process; the pointer to the
// current generation is re-read at most every CURRENT_TTL_MS, so a publish is seen within that time.
import type {
  BlockFeature,
  BoundarySet,
  CommunityFeature,
  Generation,
  TownshipFeature,
} from '../../core/blocks/generation.js';
import type { ArtifactStore, BoundaryStore } from '../../core/blocks/ports.js';
import { DomainError, NotFoundError } from '../../core/errors.js';
import { buildBlockIndex } from '../../core/geo/block-index.js';
import { buildLocateGrid, deserializeLocateGrid, serializeLocateGrid } from '../../core/geo/locate-grid.js';
import { Locator } from '../../core/geo/locator.js';
import type { PreparedBody } from '../http/cached-response.js';
import type { Logger } from '../logger.js';
import { TileSource } from './tiles.js';

/** A publish becomes visible to every process within this time. */
export const CURRENT_TTL_MS = 15_000;

/** One generation, ready to answer requests. */
export interface LoadedGeneration {
  meta: Generation;
  set: BoundarySet;
  locator: Locator;
  blocks: Map<string, BlockFeature>;
  communities: Map<string, CommunityFeature>;
  townships: Map<string, TownshipFeature>;
  tiles: TileSource;
  /** Serialized + compressed response bodies, keyed by the request they answer. */
  bodies: Map<string, PreparedBody>;
}

/** Artifact key of a generation's locate grid; the fingerprint keeps a stale file from being used. */
export const gridKey = (meta: Pick<Generation, 'generation' | 'fingerprint'>) =>
  `locate/generation-${meta.generation}-${meta.fingerprint}.grid`;

export class BoundaryService {
  private readonly loaded = new Map<number, Promise<LoadedGeneration>>();
  private current: { generation: number | null; at: number } | null = null;

  constructor(
    readonly store: BoundaryStore,
    private readonly artifacts: ArtifactStore,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The current generation number (cached for CURRENT_TTL_MS), or null before any data. */
  async currentGeneration(): Promise<number | null> {
    if (this.current && this.now() - this.current.at < CURRENT_TTL_MS) return this.current.generation;
    const generation = await this.store.currentGeneration();
    this.current = { generation, at: this.now() };
    return generation;
  }

  /** Forgets the cached pointer (after this process published). */
  invalidateCurrent(): void {
    this.current = null;
  }

  /** A loaded generation: the given one, or the current one. 404 for an unknown generation. */
  async get(generation?: number, options: { drafts?: boolean } = {}): Promise<LoadedGeneration> {
    const g = generation ?? (await this.currentGeneration());
    if (g === null) {
      throw new DomainError(
        'NO_BOUNDARIES',
        'no boundary generation has been loaded yet; seed the data first',
        503,
      );
    }
    let pending = this.loaded.get(g);
    if (!pending) {
      pending = this.load(g);
      this.loaded.set(g, pending);
      // Drafts change with every edit: never keep them; published generations are immutable.
      pending.then(
        (loaded) => loaded.meta.status === 'draft' && this.loaded.delete(g),
        () => this.loaded.delete(g),
      );
    }
    const loaded = await pending;
    // Drafts are visible only to those who may read them (planners); to everyone else they do not exist.
    if (loaded.meta.status === 'draft' && !options.drafts) throw new NotFoundError('generation', String(g));
    return loaded;
  }

  /** The current generation read from the store now (no TTL): for writes that must not use a stale one. */
  async freshCurrent(): Promise<number | null> {
    this.current = null;
    return this.currentGeneration();
  }

  private async load(g: number): Promise<LoadedGeneration> {
    const started = performance.now();
    const meta = await this.store.getGeneration(g);
    if (!meta || meta.status === 'discarded') throw new NotFoundError('generation', String(g));
    const set = await this.store.loadBoundaries(g);
    const index = buildBlockIndex({ type: 'FeatureCollection', features: set.blocks });
    if (meta.status === 'draft') return this.assemble(meta, set, new Locator(index, null), started);
    const key = gridKey({ generation: g, fingerprint: index.fingerprint });
    let bytes = await this.artifacts.get(key);
    let grid = null;
    if (bytes) {
      try {
        grid = deserializeLocateGrid(bytes, index);
      } catch (err) {
        this.logger.warn('locate grid unusable, rebuilding', {
          generation: g,
          error: (err as Error).message,
        });
      }
    }
    if (!grid) {
      grid = buildLocateGrid(index);
      bytes = serializeLocateGrid(grid);
      await this.artifacts.put(key, bytes);
    }
    return this.assemble(meta, set, new Locator(index, grid), started);
  }

  private assemble(meta: Generation, set: BoundarySet, locator: Locator, started: number): LoadedGeneration {
    const g = meta.generation;
    const loaded: LoadedGeneration = {
      meta,
      set,
      locator,
      blocks: new Map(set.blocks.map((f) => [f.properties.id, f])),
      communities: new Map(set.communities.map((f) => [f.properties.code, f])),
      townships: new Map(set.townships.map((f) => [f.properties.code, f])),
      tiles: new TileSource(set),
      bodies: new Map(),
    };
    this.logger.info('generation loaded', {
      generation: g,
      blocks: set.blocks.length,
      ms: Math.round(performance.now() - started),
    });
    return loaded;
  }
}

/** Builds (once) and returns a prepared body for a loaded generation. */
export function cachedBody(loaded: LoadedGeneration, key: string, make: () => PreparedBody): PreparedBody {
  let body = loaded.bodies.get(key);
  if (!body) {
    body = make();
    loaded.bodies.set(key, body);
  }
  return body;
}
