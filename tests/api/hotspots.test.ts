// Hot spots over the seed incidents' counters: planted clusters come out hot, quiet blocks do not,
// and the cost of a window is bounded by days × townships, whatever the number of incidents.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { cstDay } from '../../core/incidents/sla.js';
import { issueToken } from '../../functions/http/auth.js';
import { seededApp } from '../helpers/store.js';

interface Seed {
  block_id: string;
  community_code: string;
  category: string;
  reported_at: string;
}
const seedFile = JSON.parse(readFileSync('data/geojson/incidents.seed.json', 'utf8')) as {
  reference_date: string;
  incidents: Seed[];
};
const blocks = JSON.parse(readFileSync('data/geojson/blocks.geojson', 'utf8')).features as {
  properties: { id: string; community_name: string; township_code: string };
}[];

describe('hot spots API', () => {
  const { app, config } = seededApp();
  let auth: Record<string, string>;
  const now = new Date(inject('seedNow'));
  const today = cstDay(now);
  const offset = now.getTime() - Date.parse(seedFile.reference_date);
  beforeAll(async () => {
    auth = { Authorization: `Bearer ${await issueToken(config, { sub: 'd', role: 'dispatcher' })}` };
  });
  const get = async (path: string) => {
    const res = await app.request(path, { headers: auth });
    return { status: res.status, body: await res.json() };
  };

  it('needs a dispatcher, planner or admin', async () => {
    expect((await app.request('/api/hotspots')).status).toBe(401);
    const resident = await issueToken(config, { sub: 'r', role: 'resident' });
    expect(
      (await app.request('/api/hotspots', { headers: { Authorization: `Bearer ${resident}` } })).status,
    ).toBe(403);
  });

  it('finds the planted old-town market and station clusters as 99 % hot spots; quiet villages are not hot', async () => {
    const { status, body } = await get(`/api/hotspots?window=90d&end=${today}`);
    expect(status).toBe(200);
    expect(body.blocks).toHaveLength(667);
    const byId = new Map(body.blocks.map((b: { block_id: string }) => [b.block_id, b]));
    const community = (name: string) =>
      blocks
        .filter((b) => b.properties.community_name === name)
        .map((b) => byId.get(b.properties.id) as { bin: number; count: number });
    for (const name of ['火车站社区', '熙春路社区']) {
      const busiest = community(name).sort((a, b) => b.count - a.count)[0];
      expect(busiest.bin, name).toBe(3);
    }
    const quiet = body.blocks.filter((b: { count: number }) => b.count <= 1);
    expect(quiet.length).toBeGreaterThan(10);
    expect(quiet.filter((b: { bin: number }) => b.bin > 0)).toHaveLength(0);
    expect(body.summary.by_bin['3']).toBeGreaterThan(0);
  });

  it('shows the late-July storm as a flooding hot spot only in the week it happened', async () => {
    const perDay = new Map<string, number>();
    for (const s of seedFile.incidents.filter((i) => i.category === 'flooding')) {
      const day = cstDay(new Date(Date.parse(s.reported_at) + offset));
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const stormDay = [...perDay.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const storm = await get(`/api/hotspots?window=7d&end=${stormDay}&category=flooding`);
    expect(storm.body.summary.by_bin['3']).toBeGreaterThan(3);
    const quietWeek = await get(`/api/hotspots?window=7d&end=${today}&category=flooding`);
    expect(quietWeek.body.summary.by_bin['3']).toBeLessThan(storm.body.summary.by_bin['3']);
  });

  it('reads at most days × townships counter items for a 90-day window (growth with incidents: npm run bench:hotspots)', async () => {
    const { body } = await get(`/api/hotspots?window=90d&end=${today}`);
    expect(body.store.items_read).toBeLessThanOrEqual(90 * 15);
    expect(body.store.requests).toBeLessThanOrEqual(Math.ceil((90 * 15) / 100) + 2);
  });

  it('serves H3 heat with counts that add up', async () => {
    const hex9 = await get(`/api/hotspots/hex?window=30d&end=${today}`);
    const hex8 = await get(`/api/hotspots/hex?window=30d&end=${today}&res=8`);
    expect(hex9.status).toBe(200);
    const sum = (fc: { features: { properties: { count: number } }[] }) =>
      fc.features.reduce((a, f) => a + f.properties.count, 0);
    expect(sum(hex9.body)).toBeGreaterThan(500);
    expect(sum(hex8.body)).toBe(sum(hex9.body));
    expect(hex8.body.features.length).toBeLessThan(hex9.body.features.length);
  });

  it.each([
    ['/api/hotspots?window=14d', 'window must be one of 7d, 30d, 90d'],
    ['/api/hotspots/hex?res=7', 'res must be 8, 9 or 10'],
    ['/api/hotspots?metric=density', 'metric must be count or rate'],
    ['/api/hotspots?category=ufo', 'category ufo unknown'],
  ])('400 for %s naming the allowed values', async (path, message) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error.message).toContain(message);
  });
});
