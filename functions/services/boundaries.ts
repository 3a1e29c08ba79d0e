// Per-process cache of boundary generations: boundaries, locate index, prepared responses, tiles.
// Published generations are immutable, so each is loaded once per process (drafts per request); the
// pointer to the current generation is re-read at most every CURRENT_TTL_MS, so a publish is seen
// within that time, and it never moves back.
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
  /** Published generations only: immutable, so loaded once and shared. A draft's load is never shared. */
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
    return this.readCurrent();
  }

  /**
   * Reads the pointer and caches it, never moving it backwards. The pointer only ever moves forward
   * (a draft publishes only over the generation it was copied from, and numbers only grow), so a lower
   * answer is a read that was overtaken by a newer one (reads complete out of order): keeping it would
   * show a client that has seen the new generation the old one again, for a whole TTL.
   */
  private async readCurrent(): Promise<number | null> {
    const read = await this.store.currentGeneration();
    const known = this.current?.generation ?? null;
    const generation = known !== null && (read === null || read < known) ? known : read;
    this.current = { generation, at: this.now() };
    return generation;
  }

  /** Re-reads the pointer on the next request (after this process published). */
  invalidateCurrent(): void {
    if (this.current) this.current = { generation: this.current.generation, at: Number.NEGATIVE_INFINITY };
  }

  /**
   * A loaded generation: the given one, or the current one. 404 for an unknown generation, and for a
   * draft unless `drafts` (planners). A request works with the one object this returns, so everything
   * it answers comes from one generation.
   */
  async get(generation?: number, options: { drafts?: boolean } = {}): Promise<LoadedGeneration> {
    const g = generation ?? (await this.currentGeneration());
    if (g === null) {
      throw new DomainError(
        'NO_BOUNDARIES',
        'no boundary generation has been loaded yet; seed the data first',
        503,
      );
    }
    const cached = this.loaded.get(g);
    if (cached) return cached;
    // The record is read for this request: a draft that an earlier request started loading may have
    // been published since, and its draft boundaries must not be handed out as the new generation.
    const meta = await this.store.getGeneration(g);
    if (!meta || meta.status === 'discarded') throw new NotFoundError('generation', String(g));
    if (meta.status === 'draft') {
      // Drafts are visible only to those who may read them (planners); to everyone else they do not exist.
      if (!options.drafts) throw new NotFoundError('generation', String(g));
      return this.load(meta);
    }
    let pending = this.loaded.get(g);
    if (!pending) {
      pending = this.load(meta);
      this.loaded.set(g, pending);
      pending.catch(() => this.loaded.delete(g));
    }
    return pending;
  }

  /** The current generation read from the store now (no TTL): for writes that must not use a stale one. */
  async freshCurrent(): Promise<number | null> {
    return this.readCurrent();
  }

  private async load(meta: Generation): Promise<LoadedGeneration> {
    const started = performance.now();
    const g = meta.generation;
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
