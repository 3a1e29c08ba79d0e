// Per-process cache of slowly changing reference data (assets, departments) and block-detail lookups.

import { assetBlockIndex } from '../../core/blocks/asset-block.js';
import type { AssetFeature, ReferenceStore } from '../../core/blocks/ports.js';
import type { Department } from '../../core/geography/schemas.js';
import type { LoadedGeneration } from './boundaries.js';

const TTL_MS = 5 * 60_000;

export class ReferenceService {
  private assetsCache: { at: number; value: Promise<AssetFeature[]> } | null = null;
  private departmentsCache: { at: number; value: Promise<Department[]> } | null = null;
  private readonly assetBlocks = new WeakMap<LoadedGeneration, Promise<Map<string, AssetFeature[]>>>();

  constructor(
    readonly store: ReferenceStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** All assets (≈ 100), cached for a few minutes. */
  assets(): Promise<AssetFeature[]> {
    if (!this.assetsCache || this.now() - this.assetsCache.at > TTL_MS) {
      const value = this.store.assets();
      value.catch(() => {
        this.assetsCache = null;
      });
      this.assetsCache = { at: this.now(), value };
    }
    return this.assetsCache.value;
  }

  departments(): Promise<Department[]> {
    if (!this.departmentsCache || this.now() - this.departmentsCache.at > TTL_MS) {
      const value = this.store.departments();
      value.catch(() => {
        this.departmentsCache = null;
      });
      this.departmentsCache = { at: this.now(), value };
    }
    return this.departmentsCache.value;
  }

  /** Assets grouped by the block that holds them in this generation (computed once per generation). */
  assetsByBlock(loaded: LoadedGeneration): Promise<Map<string, AssetFeature[]>> {
    let pending = this.assetBlocks.get(loaded);
    if (!pending) {
      pending = this.assets().then((assets) => {
        const byBlock = new Map<string, AssetFeature[]>();
        for (const asset of assets) {
          const b = assetBlockIndex(loaded.locator, asset.geometry);
          if (b < 0) continue;
          const id = loaded.locator.blockId(b);
          byBlock.set(id, [...(byBlock.get(id) ?? []), asset]);
        }
        return byBlock;
      });
      this.assetBlocks.set(loaded, pending);
    }
    return pending;
  }
}
