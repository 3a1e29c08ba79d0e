// Planners over HTTP: draft → split a block → diff → publish; open work follows; concurrency and refusals.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftDiffSchema, editResultSchema, publishResultSchema } from '../../core/planner/api.js';
import { issueToken } from '../../functions/http/auth.js';
import { createSeededStack } from '../helpers/store.js';

const BLOCK = 'YH-430302006104-03';
const BAISHI = { lon: 112.883623, lat: 27.855486 };
const blocks = JSON.parse(readFileSync('data/geojson/blocks.geojson', 'utf8')).features as {
  properties: { id: string };
  geometry: { coordinates: number[][][] };
}[];

/** Lines through the block's vertex centroid at several angles, long enough to cross it. */
function splitLines(id: string): number[][][] {
  const ring = blocks.find((b) => b.properties.id === id)!.geometry.coordinates[0];
  const cx = ring.reduce((s, p) => s + p[0], 0) / ring.length;
  const cy = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  const size = Math.max(...ring.map((p) => Math.hypot(p[0] - cx, p[1] - cy)));
  return [90, 0, 45, 135, 60, 120].map((deg) => {
    const ux = Math.cos((deg * Math.PI) / 180) * size * 1.5;
    const uy = Math.sin((deg * Math.PI) / 180) * size * 1.5;
    const r = (v: number) => Math.round(v * 1e6) / 1e6;
    return [
      [r(cx - ux), r(cy - uy)],
      [r(cx + ux), r(cy + uy)],
    ];
  });
}

describe('planner API', () => {
  let stack: Awaited<ReturnType<typeof createSeededStack>>;
  let planner: Record<string, string>;
  let dispatcher: Record<string, string>;
  beforeAll(async () => {
    stack = await createSeededStack({ LOG_LEVEL: process.env.DEBUG_LOGS ? 'error' : 'silent' });
    planner = { Authorization: `Bearer ${await issueToken(stack.config, { sub: 'p1', role: 'planner' })}` };
    dispatcher = {
      Authorization: `Bearer ${await issueToken(stack.config, { sub: 'd1', role: 'dispatcher' })}`,
    };
  });
  afterAll(() => stack.cleanup());

  const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    stack.app.request(path, {
      method,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('only planners start drafts', async () => {
    expect((await call('POST', '/api/generations', dispatcher, {})).status).toBe(403);
    expect((await call('POST', '/api/generations', {}, {})).status).toBe(401);
  });

  it('splits a block in a draft, publishes it, and moves the open incident inside it', async () => {
    // An open report in the block, before any boundary change.
    const reported = await (
      await call(
        'POST',
        '/api/incidents',
        { 'Idempotency-Key': 'planner-test-001' },
        { ...BAISHI, category: 'sanitation', description: '规划测试' },
      )
    ).json();
    expect(reported.block.id).toBe(BLOCK);

    const draft = await (
      await call('POST', '/api/generations', planner, { note: 'split 白石社区第3区块' })
    ).json();
    expect(draft).toMatchObject({
      status: 'draft',
      version: 1,
      base: 1,
      note: 'split 白石社区第3区块',
      created_by: 'planner:p1',
    });
    const g = draft.generation;

    let edit: Response | undefined;
    let refusals: string[] = [];
    let version = 1;
    for (const line of splitLines(BLOCK)) {
      edit = await call(
        'POST',
        `/api/generations/${g}/edits`,
        { ...planner, 'If-Match': `"${version}"` },
        { op: 'split_block', block: BLOCK, line },
      );
      if (edit.status === 200) break;
      refusals = [...refusals, (await edit.json()).error.code];
    }
    expect(edit!.status, `refused: ${refusals.join(', ')}`).toBe(200);
    const split = editResultSchema.parse(await edit!.json());
    version = split.version;
    expect(split.removed).toEqual([BLOCK]);
    expect(split.added).toHaveLength(2);

    // Both pieces start with the parent's cadres; the planner reads them (names, no phones) and gives one
    // piece its own governor with assign_cadres.
    const rolesOf = async (block: string) =>
      (await (await call('GET', `/api/generations/${g}/assignments?block=${block}`, planner)).json())
        .assignments[0];
    const inherited = await rolesOf(split.added[1]);
    expect(inherited.governor.name).toMatch(/\S{2,}/);
    expect(JSON.stringify(inherited)).not.toMatch(/100-\d{4}-\d{4}/);
    const parent = (await stack.runtime.services.incidents.reference.store.assignment(1, BLOCK))!;
    expect(inherited.governor.id).toBe(parent.governor);
    const newGovernor = parent.assistants[0];
    const assigned = await call(
      'POST',
      `/api/generations/${g}/edits`,
      { ...planner, 'If-Match': `"${version}"` },
      {
        op: 'assign_cadres',
        block: split.added[1],
        governor: newGovernor,
        assistants: [parent.governor],
        supervisor: parent.supervisor,
      },
    );
    expect(assigned.status).toBe(200);
    version = (await assigned.json()).version;
    expect((await rolesOf(split.added[1])).governor.id).toBe(newGovernor);
    expect((await rolesOf(split.added[0])).governor.id).toBe(parent.governor);
    // A block nobody serves yet (or no such block) has no entry: the planner assigns its cadres from scratch.
    const none = await call('GET', `/api/generations/${g}/assignments?block=YH-430302006104-99`, planner);
    expect(none.status).toBe(200);
    expect((await none.json()).assignments).toEqual([]);
    expect((await call('GET', `/api/generations/${g}/assignments?block=nope`, planner)).status).toBe(400);
    expect((await call('GET', `/api/generations/${g}/assignments`, {})).status).toBe(401);

    const stale = await call(
      'POST',
      `/api/generations/${g}/edits`,
      { ...planner, 'If-Match': '"1"' },
      { op: 'merge_blocks', blocks: split.added },
    );
    expect(stale.status).toBe(412);
    const noMatch = await call('POST', `/api/generations/${g}/edits`, planner, {
      op: 'merge_blocks',
      blocks: split.added,
    });
    expect(noMatch.status).toBe(428);
    const far = await call(
      'POST',
      `/api/generations/${g}/edits`,
      { ...planner, 'If-Match': `"${version}"` },
      {
        op: 'merge_blocks',
        blocks: ['YH-430302006104-01', 'YH-430302001001-01'],
      },
    );
    expect(far.status).toBe(422);
    expect((await far.json()).error.code).toMatch(/^EDIT_/);

    const diff = draftDiffSchema.parse(
      await (await call('GET', `/api/generations/${g}/diff`, planner)).json(),
    );
    expect(diff.removed).toEqual([BLOCK]);
    expect(diff.added).toEqual(split.added);
    expect(diff.open_incidents_moving).toBeGreaterThanOrEqual(1);
    expect(diff.balance.find((b) => b.block_id === BLOCK)?.population_after).toBeNull();

    // The current generation is untouched until publish.
    expect((await (await call('GET', '/api/generations/current', {})).json()).generation).toBe(1);
    const published = await call('POST', `/api/generations/${g}/publish`, {
      ...planner,
      'If-Match': `"${version}"`,
    });
    expect(published.status).toBe(200);
    const publishedBody = publishResultSchema.parse(await published.json());
    expect(publishedBody).toMatchObject({ follow_complete: true });
    expect(publishedBody.open_incidents_moved).toBeGreaterThanOrEqual(1);
    // The complete follow-up is recorded; the notifier still runs it once more after every process switched.
    const afterPublish = await (await call('GET', `/api/generations/${g}`, planner)).json();
    expect(Date.parse(afterPublish.followed_at)).toBeGreaterThanOrEqual(
      Date.parse(afterPublish.published_at),
    );
    expect(await stack.runtime.services.planner.followRecent()).toBe(1);

    stack.runtime.services.boundaries.invalidateCurrent();
    expect((await (await call('GET', '/api/generations/current', {})).json()).generation).toBe(g);
    const located = await (await call('GET', `/api/locate?lon=${BAISHI.lon}&lat=${BAISHI.lat}`, {})).json();
    expect(split.added).toContain(located.block.id);
    expect(located.generation).toBe(g);
    const old = await (
      await call('GET', `/api/locate?lon=${BAISHI.lon}&lat=${BAISHI.lat}&generation=1`, {})
    ).json();
    expect(old.block.id).toBe(BLOCK);

    // The report's daily count moved with it, from the old block to the new one.
    const { cstDay } = await import('../../core/incidents/sla.js');
    const counts = (
      await stack.runtime.services.incidents.store.counterDays(['430302006'], [cstDay(new Date())])
    ).days[0].blocks;
    expect(counts.get(`${BLOCK}|A|sanitation`) ?? 0).toBe(0);
    expect(counts.get(`${located.block.id}|A|sanitation`)).toBeGreaterThanOrEqual(1);
    const moved = await (await call('GET', `/api/incidents/${reported.id}`, dispatcher)).json();
    expect(moved.block.id).toBe(located.block.id);
    expect(moved.generation).toBe(g);
    const events = await (await call('GET', `/api/incidents/${reported.id}/events`, dispatcher)).json();
    expect(events.events.map((e: { action: string }) => e.action)).toContain('move_block');
    expect(
      (
        await call(
          'POST',
          `/api/generations/${g}/edits`,
          { ...planner, 'If-Match': `"${version}"` },
          { op: 'merge_blocks', blocks: split.added },
        )
      ).status,
    ).toBe(409);
  });

  it('refuses to publish a draft whose base is no longer current, and discards drafts', async () => {
    const a = await (await call('POST', '/api/generations', planner, {})).json();
    const b = await (await call('POST', '/api/generations', planner, {})).json();
    expect(
      (await call('POST', `/api/generations/${b.generation}/publish`, { ...planner, 'If-Match': '"1"' }))
        .status,
    ).toBe(200);
    const late = await call('POST', `/api/generations/${a.generation}/publish`, {
      ...planner,
      'If-Match': '"1"',
    });
    expect(late.status).toBe(422);
    expect((await late.json()).error.code).toBe('BASE_NOT_CURRENT');
    expect((await call('DELETE', `/api/generations/${a.generation}`, planner)).status).toBe(204);
    expect((await call('GET', `/api/generations/${a.generation}`, planner)).status).toBe(404);
    const list = await (await call('GET', '/api/generations', planner)).json();
    expect(
      list.generations.filter((x: { status: string }) => x.status === 'published').length,
    ).toBeGreaterThanOrEqual(3);
  });
});
