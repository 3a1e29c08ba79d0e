// A publish as one process sees it: the new generation appears whole and at once, and never goes away
// again. Each case failed before the fix it names (tests/reliability/publish.reliability.ts found the first).
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { BlockFeature, Generation } from '../../core/blocks/generation.js';
import type { BoundaryStore } from '../../core/blocks/ports.js';
import { readShippedBoundaries } from '../../functions/local/seed.js';
import { createLogger } from '../../functions/logger.js';
import { BoundaryService, CURRENT_TTL_MS } from '../../functions/services/boundaries.js';
import { createMemoryArtifactStore } from '../../functions/store/artifacts.js';
import { createBoundaryStore } from '../../functions/store/boundary-store.js';

const set = await readShippedBoundaries();
const stamped = (g: number): BlockFeature[] =>
  set.blocks.map((b) => ({ ...b, properties: { ...b.properties, generation: g } }));
const meta = (g: number, status: Generation['status']): Generation => ({
  generation: g,
  status,
  base: g - 1 || null,
  version: 1,
  created_at: '',
  published_at: status === 'published' ? '' : null,
  block_count: set.blocks.length,
  fingerprint: '',
});

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
const ticks = async (n = 20) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

/** Generation 1 published, 2 a draft until `publish()`; pointer reads and one load can be held. */
function publishingStore() {
  const state = { current: 1, second: 'draft' as Generation['status'] };
  const pointerReads: { resolve: (g: number) => void }[] = [];
  const heldLoads: (() => void)[] = [];
  const control = { holdPointer: false, holdNextLoad: false };
  const store: BoundaryStore = {
    currentGeneration: () => {
      if (!control.holdPointer) return Promise.resolve(state.current);
      const read = deferred<number>();
      pointerReads.push(read);
      return read.promise;
    },
    getGeneration: async (g) => (g === 1 ? meta(1, 'published') : g === 2 ? meta(2, state.second) : null),
    listGenerations: async () => [],
    loadBoundaries: async (g) => {
      if (control.holdNextLoad) {
        control.holdNextLoad = false;
        await new Promise<void>((r) => heldLoads.push(r));
      }
      return { ...set, generation: g, blocks: stamped(g) };
    },
    putBoundaries: async () => {},
    setCurrent: async () => {},
  };
  const publish = () => {
    state.second = 'published';
    state.current = 2;
  };
  return { store, publish, pointerReads, heldLoads, control };
}

const serviceOver = (store: BoundaryStore, now = () => 0) =>
  new BoundaryService(store, createMemoryArtifactStore(), createLogger('silent'), now);

describe('publishing, as one process sees it', () => {
  it('a draft being read by a planner at the moment it is published is not served as the new generation', async () => {
    const { store, publish, heldLoads, control } = publishingStore();
    const service = serviceOver(store);
    expect((await service.get()).meta.generation).toBe(1);
    // The planner's preview starts loading draft 2 ...
    control.holdNextLoad = true;
    const preview = service.get(2, { drafts: true });
    await ticks();
    expect(heldLoads).toHaveLength(1);
    // ... the draft is published while that load is in flight, and a resident asks for the current generation.
    publish();
    service.invalidateCurrent();
    const resident = service.get();
    await ticks();
    for (const release of heldLoads) release();
    // Before: the resident joined the draft's load and got 404 "generation 2 does not exist" (the
    // publish request itself too, after committing).
    const current = await resident;
    expect(current.meta).toMatchObject({ generation: 2, status: 'published' });
    expect(current.locator.grid).not.toBeNull();
    expect((await preview).meta.status).toBe('draft');
    expect(await service.get()).toBe(current);
  });

  it('the current generation never moves backwards when pointer reads complete out of order', async () => {
    const { store, publish, pointerReads, control } = publishingStore();
    let now = 0;
    const service = serviceOver(store, () => now);
    control.holdPointer = true;
    const before = service.freshCurrent(); // sent before the publish: will answer 1
    publish();
    const after = service.freshCurrent(); // sent after it: answers 2 ...
    pointerReads[1].resolve(2);
    expect(await after).toBe(2);
    expect((await service.get()).meta.generation).toBe(2);
    pointerReads[0].resolve(1); // ... and the older read completes last
    await before;
    // Before: the late read put 1 back in the cache, and every request for the next 15 s answered 1.
    expect(await service.currentGeneration()).toBe(2);
    expect((await service.get()).meta.generation).toBe(2);
    // A lagging read after the TTL does not take it back either.
    now += CURRENT_TTL_MS + 1;
    const stale = service.currentGeneration();
    pointerReads[2].resolve(1);
    expect(await stale).toBe(2);
  });

  it('reads the pointer and the boundaries strongly consistent (a lagging replica still has the draft)', async () => {
    // DynamoDB semantics: only ConsistentRead is guaranteed to see the publish that just committed.
    const published = stamped(2).slice(0, 3);
    const draft = set.blocks.slice(0, 3);
    const item = (b: BlockFeature) => ({
      pk: 'G#2',
      sk: `B#${b.properties.id}`,
      _type: 'block',
      ...b.properties,
      geometry: JSON.stringify(b.geometry),
    });
    const doc = {
      send: async (cmd: unknown) => {
        const consistent = (cmd as { input: { ConsistentRead?: boolean } }).input.ConsistentRead === true;
        if (cmd instanceof GetCommand) return { Item: { generation: consistent ? 2 : 1 } };
        if (cmd instanceof QueryCommand) return { Items: (consistent ? published : draft).map(item) };
        throw new Error('unexpected command');
      },
    } as unknown as DynamoDBDocumentClient;
    const boundaries = createBoundaryStore(doc, 't');
    expect(await boundaries.currentGeneration()).toBe(2);
    const loaded = await boundaries.loadBoundaries(2);
    expect(loaded.blocks.map((b) => b.properties.generation)).toEqual([2, 2, 2]);
  });
});
