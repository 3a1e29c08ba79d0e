// The closed loop over HTTP: report (idempotent), follow by receipt, dispatcher accepts and resolves, resident rates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cstDay } from '../../core/incidents/sla.js';
import { issueToken } from '../../functions/http/auth.js';
import { createSeededStack } from '../helpers/store.js';

const BAISHI = { lon: 112.883623, lat: 27.855486 };

describe('incidents API', () => {
  let stack: Awaited<ReturnType<typeof createSeededStack>>;
  let dispatcher: string;
  beforeAll(async () => {
    // Class D must respond within ~1 s here, so the overdue queue can be tested without waiting.
    stack = await createSeededStack({
      SLA_JSON: JSON.stringify({ D: { respondHours: 0.0003, resolveHours: 24 } }),
    });
    dispatcher = await issueToken(stack.config, { sub: 'disp-1', role: 'dispatcher' });
  });
  afterAll(() => stack.cleanup());

  const post = (body: unknown, key?: string, token?: string) =>
    stack.app.request('/api/incidents', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: {
        'Content-Type': 'application/json',
        ...(key ? { 'Idempotency-Key': key } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
    });
  const act = (id: string, body: unknown, version?: number, token?: string) =>
    stack.app.request(`/api/incidents/${id}/transitions`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: {
        'Content-Type': 'application/json',
        ...(version !== undefined ? { 'If-Match': `"${version}"` } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
    });
  const report = {
    lon: BAISHI.lon,
    lat: BAISHI.lat,
    category: 'sanitation',
    description: '白石公园门口垃圾堆积',
    contact: { phone: '100-0000-9999' },
  };

  it('reports a problem: 201 with receipt, block, class, SLA deadlines', async () => {
    const res = await post(report, 'key-report-0001');
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.receipt.length).toBeGreaterThanOrEqual(20);
    expect(body.community.code).toBe('430302006104');
    expect(body).toMatchObject({ class: 'A', status: 'reported', generation: 1 });
    expect(Date.parse(body.sla.respond_by) - Date.now()).toBeGreaterThan(1.9 * 3600_000);
    expect(res.headers.get('Location')).toBe(`/api/incidents/${body.id}`);
  });

  it('needs an Idempotency-Key', async () => {
    const res = await post(report);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('returns the same incident for a retry, and refuses the key for another report', async () => {
    const first = await (await post(report, 'key-retry-0001')).json();
    const again = await post(report, 'key-retry-0001');
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toMatchObject({ id: first.id, receipt: first.receipt });
    const other = await post({ ...report, description: '另一件事' }, 'key-retry-0001');
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('stores exactly one incident for 50 concurrent identical POSTs', async () => {
    const body = { ...report, description: `并发测试 ${Date.now()}` };
    const responses = await Promise.all(Array.from({ length: 50 }, () => post(body, 'key-concurrent-0001')));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    const listed = await (
      await stack.app.request(`/api/incidents?block=${bodies[0].block.id}&limit=200`, {
        headers: { Authorization: `Bearer ${dispatcher}` },
      })
    ).json();
    expect(
      listed.incidents.filter((i: { description: string }) => i.description === body.description),
    ).toHaveLength(1);
  });

  it('422 OUTSIDE_DISTRICT stores nothing', async () => {
    const outside = { ...report, lon: 112.5, lat: 27.9 };
    const res = await post(outside, 'key-outside-0001');
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('OUTSIDE_DISTRICT');
    // Had anything been stored under the key, the identical retry would be replayed as 201.
    const retry = await post(outside, 'key-outside-0001');
    expect(retry.status).toBe(422);
    expect(retry.headers.get('Idempotent-Replayed')).toBeNull();
  });

  it('400 for unknown categories, long descriptions and unknown fields', async () => {
    for (const bad of [
      { ...report, category: 'ufo' },
      { ...report, description: 'x'.repeat(2001) },
      { ...report, extra: 1 },
    ]) {
      const res = await post(bad, `key-bad-${Math.random()}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('INVALID_REQUEST');
    }
  });

  it('the closed loop: follow by receipt, accept, resolve, rate — with If-Match', async () => {
    const created = await (await post({ ...report, description: '路灯不亮' }, 'key-loop-0001')).json();
    const mine = await (
      await stack.app.request(`/api/incidents/${created.id}?receipt=${created.receipt}`)
    ).json();
    expect(mine.description).toBe('路灯不亮');
    expect(mine.contact).toBeUndefined();
    expect(mine.allowed_actions).toEqual([]);

    const auth = { Authorization: `Bearer ${dispatcher}` };
    const staffView = await stack.app.request(`/api/incidents/${created.id}`, { headers: auth });
    expect(staffView.headers.get('ETag')).toBe('"1"');
    const staff = await staffView.json();
    expect(staff.contact.phone).toBe('100-0000-9999');
    expect(staff.allowed_actions).toContain('accept');

    expect((await act(created.id, { action: 'accept' }, undefined, dispatcher)).status).toBe(428);
    const accepted = await act(created.id, { action: 'accept', note: '已受理' }, 1, dispatcher);
    expect(accepted.status).toBe(200);
    expect((await accepted.json()).incident.status).toBe('accepted');
    const stale = await act(created.id, { action: 'start' }, 1, dispatcher);
    expect(stale.status).toBe(412);
    expect((await stale.json()).error.code).toBe('VERSION_CONFLICT');

    const illegal = await act(created.id, { action: 'rate', rating: 5 }, 2, dispatcher);
    expect(illegal.status).toBe(422);
    const err = (await illegal.json()).error;
    expect(err.code).toBe('ILLEGAL_TRANSITION');
    expect(err.details.allowed).toContain('start');

    const noNote = await act(created.id, { action: 'resolve' }, 2, dispatcher);
    expect(noNote.status).toBe(400);
    const resolved = await act(created.id, { action: 'resolve', note: '已修复' }, 2, dispatcher);
    expect((await resolved.json()).incident.status).toBe('resolved');

    const stranger = await act(created.id, { action: 'rate', rating: 5 }, 3);
    expect(stranger.status).toBe(401);
    const rated = await act(created.id, { action: 'rate', rating: 5, receipt: created.receipt }, 3);
    expect(rated.status).toBe(200);
    expect((await rated.json()).incident).toMatchObject({ status: 'closed', rating: 5 });

    const events = await (
      await stack.app.request(`/api/incidents/${created.id}/events?receipt=${created.receipt}`)
    ).json();
    expect(events.events.map((e: { action: string }) => e.action)).toEqual([
      'report',
      'accept',
      'resolve',
      'rate',
    ]);
  });

  it('recounting a report in another block moves its count once, however often it runs', async () => {
    const created = await (
      await post(
        { ...report, category: 'municipal_facilities', description: '路灯杆倾斜' },
        'key-recount-0001',
      )
    ).json();
    const store = stack.runtime.services.incidents.store;
    const day = cstDay(new Date());
    const read = async () => (await store.counterDays(['430302006'], [day])).days[0].blocks;
    const other = 'YH-430302006104-01';
    const before = await read();
    const incident = (await store.get(created.id))!;
    expect(await store.recount(incident, { block: other, township: '430302006' })).toBe('moved');
    // The follow-up re-runs after a publish: the same recount again (even with the record as first read) is a no-op.
    expect(await store.recount(incident, { block: other, township: '430302006' })).toBe('same');
    expect(await store.recount((await store.get(created.id))!, { block: other, township: '430302006' })).toBe(
      'same',
    );
    const after = await read();
    expect(after.get(`${created.block.id}|${created.class}|municipal_facilities`) ?? 0).toBe(
      (before.get(`${created.block.id}|${created.class}|municipal_facilities`) ?? 0) - 1,
    );
    expect(after.get(`${other}|${created.class}|municipal_facilities`) ?? 0).toBe(
      (before.get(`${other}|${created.class}|municipal_facilities`) ?? 0) + 1,
    );
    // Counted back where it lies: the override is dropped and the count returns.
    expect(
      await store.recount((await store.get(created.id))!, { block: created.block.id, township: '430302006' }),
    ).toBe('moved');
    expect((await read()).get(`${created.block.id}|${created.class}|municipal_facilities`)).toBe(
      before.get(`${created.block.id}|${created.class}|municipal_facilities`),
    );
  });

  it('counts reports by CST day, block and class, and moves the count on a class change', async () => {
    const created = await (
      await post({ ...report, category: 'noise', description: '夜间施工噪音' }, 'key-count-0001')
    ).json();
    const store = stack.runtime.services.incidents.store;
    const day = cstDay(new Date());
    const read = async () => (await store.counterDays(['430302006'], [day])).days[0].blocks;
    expect((await read()).get(`${created.block.id}|A|noise`)).toBe(1);
    const res = await act(created.id, { action: 'accept', class: 'B' }, 1, dispatcher);
    expect(res.status).toBe(200);
    const after = await read();
    expect(after.get(`${created.block.id}|A|noise`) ?? 0).toBe(0);
    expect(after.get(`${created.block.id}|B|noise`)).toBe(1);
  });

  it('shows the duplicate hint for open reports within 50 m', async () => {
    await post({ ...report, category: 'roads_traffic', description: '井盖缺失' }, 'key-near-0001');
    const res = await stack.app.request(
      `/api/incidents/nearby?lon=${BAISHI.lon + 0.0002}&lat=${BAISHI.lat}&category=roads_traffic`,
    );
    expect(res.status).toBe(200);
    const { incidents } = await res.json();
    expect(incidents.length).toBeGreaterThanOrEqual(1);
    expect(incidents[0].distance_m).toBeLessThanOrEqual(50);
    const far = await (
      await stack.app.request(
        `/api/incidents/nearby?lon=${BAISHI.lon + 0.01}&lat=${BAISHI.lat}&category=roads_traffic`,
      )
    ).json();
    expect(far.incidents).toHaveLength(0);
  });

  it('hides the point of sensitive reports from the public', async () => {
    const created = await (
      await post({ ...report, category: 'disputes', description: '邻里纠纷' }, 'key-sensitive-01')
    ).json();
    const pub = await (await stack.app.request(`/api/incidents/${created.id}`)).json();
    expect(pub.point).toBeNull();
    expect(pub.description).toBeNull();
    expect(pub.block.id).toBe(created.block.id);
    const own = await (
      await stack.app.request(`/api/incidents/${created.id}?receipt=${created.receipt}`)
    ).json();
    expect(own.point).not.toBeNull();
  });

  it('lists open incidents past their deadline in the overdue queue, most overdue first', async () => {
    const created = await (
      await post(
        { ...report, category: 'flooding', severity: 3, description: '地下室进水' },
        'key-overdue-001',
      )
    ).json();
    expect(created.class).toBe('D');
    await new Promise((r) => setTimeout(r, 1500));
    const res = await stack.app.request('/api/overdue', {
      headers: { Authorization: `Bearer ${dispatcher}` },
    });
    expect(res.status).toBe(200);
    const { incidents } = await res.json();
    const mine = incidents.find((i: { id: string }) => i.id === created.id);
    expect(mine).toBeDefined();
    expect(mine.overdue_minutes).toBeGreaterThanOrEqual(0);
    const lateness = incidents.map((i: { overdue_minutes: number }) => i.overdue_minutes);
    expect(lateness).toEqual([...lateness].sort((a, b) => b - a));
  });

  it('counts the open incidents of a block on its detail card', async () => {
    const before = (await (await stack.app.request('/api/blocks/YH-430302006104-03')).json()).open_incidents;
    await post({ ...report, description: '新的问题' }, 'key-count-block-1');
    const after = (await (await stack.app.request('/api/blocks/YH-430302006104-03')).json()).open_incidents;
    expect(after.total).toBe(before.total + 1);
    expect(after.by_class.A).toBe(before.by_class.A + 1);
  });
});
