// Each process loads a generation once, and sees a newly published one within CURRENT_TTL_MS (< 30 s).
import { describe, expect, it } from 'vitest';
import type { BoundarySet, Generation } from '../../core/blocks/generation.js';
import type { BoundaryStore } from '../../core/blocks/ports.js';
import { readShippedBoundaries } from '../../functions/local/seed.js';
import { createLogger } from '../../functions/logger.js';
import { BoundaryService, CURRENT_TTL_MS, gridKey } from '../../functions/services/boundaries.js';
import { createMemoryArtifactStore } from '../../functions/store/artifacts.js';

function fakeStore(set: BoundarySet) {
  const calls = { current: 0, load: 0 };
  let current = 1;
  const meta = (g: number): Generation => ({
    generation: g,
    status: 'published',
    base: g - 1 || null,
    version: 1,
    created_at: '',
    published_at: '',
    block_count: set.blocks.length,
    fingerprint: 'x',
  });
  const store: BoundaryStore = {
    currentGeneration: async () => {
      calls.current++;
      return current;
    },
    getGeneration: async (g) => (g <= 2 ? meta(g) : null),
    listGenerations: async () => [meta(1), meta(2)],
    loadBoundaries: async (g) => {
      calls.load++;
      return { ...set, generation: g };
    },
    putBoundaries: async () => {},
    setCurrent: async (g) => {
      current = g;
    },
  };
  return { store, calls };
}

describe('BoundaryService cache', async () => {
  const set = await readShippedBoundaries();

  it('loads each generation once, then serves it from memory', async () => {
    const { store, calls } = fakeStore(set);
    let now = 0;
    const service = new BoundaryService(
      store,
      createMemoryArtifactStore(),
      createLogger('silent'),
      () => now,
    );
    const first = await service.get();
    for (let i = 0; i < 20; i++) {
      now += 100;
      expect(await service.get()).toBe(first);
    }
    expect(calls.load).toBe(1);
    expect(calls.current).toBe(1);
  });

  it('notices a publish within the TTL, well under 30 s', async () => {
    expect(CURRENT_TTL_MS).toBeLessThan(30_000);
    const { store } = fakeStore(set);
    let now = 0;
    const service = new BoundaryService(
      store,
      createMemoryArtifactStore(),
      createLogger('silent'),
      () => now,
    );
    expect((await service.get()).meta.generation).toBe(1);
    await store.setCurrent(2, 1);
    now += CURRENT_TTL_MS - 1;
    expect((await service.get()).meta.generation).toBe(1);
    now += 2;
    expect((await service.get()).meta.generation).toBe(2);
  });

  it('loads a stored locate grid instead of rebuilding it, and stores one when missing', async () => {
    const artifacts = createMemoryArtifactStore();
    const { store } = fakeStore(set);
    const loaded = await new BoundaryService(store, artifacts, createLogger('silent')).get();
    const key = gridKey({ generation: 1, fingerprint: loaded.locator.fingerprint });
    expect(artifacts.keys()).toEqual([key]);
    const again = await new BoundaryService(store, artifacts, createLogger('silent')).get();
    expect(again.locator.grid).not.toBeNull();
    expect(again.locator.locate(112.883623, 27.855486)).toEqual(loaded.locator.locate(112.883623, 27.855486));
  });
});
