// Locate and boundaries API over the shipped data: every status code the issue names.
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../core/geo/crs.js';
import { issueToken } from '../../functions/http/auth.js';
import { seededApp } from '../helpers/store.js';

const BAISHI = { lon: 112.883623, lat: 27.855486 }; // 白石公园 (approximate), 昭潭街道 白石社区

/** Slippy-map tile containing a point. */
function tileOf(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return { x, y };
}

describe('locate and boundaries API', () => {
  const { app, config } = seededApp();
  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
  const json = async (res: Response) => ({ status: res.status, body: await res.json() });

  describe('GET /api/locate', () => {
    it('answers block, community and township for a point in 白石社区', async () => {
      const { status, body } = await json(await get(`/api/locate?lon=${BAISHI.lon}&lat=${BAISHI.lat}`));
      expect(status).toBe(200);
      expect(body.community).toEqual({ code: '430302006104', name: '白石社区' });
      expect(body.township).toEqual({ code: '430302006', name: '昭潭街道' });
      expect(body.block.id).toMatch(/^YH-430302006104-\d{2}$/);
      expect(body.generation).toBe(1);
    });

    it('converts GCJ-02 input at the edge', async () => {
      const [gx, gy] = fromWgs84(BAISHI.lon, BAISHI.lat, 'gcj02');
      const wgs = (await json(await get(`/api/locate?lon=${BAISHI.lon}&lat=${BAISHI.lat}`))).body;
      const gcj = await json(await get(`/api/locate?lon=${gx}&lat=${gy}&crs=gcj02`));
      expect(gcj.status).toBe(200);
      expect(gcj.body.block).toEqual(wgs.block);
      // the same numbers read as WGS84 are ~650 m away: usually another block
      expect(Math.hypot(gx - BAISHI.lon, gy - BAISHI.lat)).toBeGreaterThan(0.004);
    });

    it('422 OUTSIDE_DISTRICT names the nearest block and the distance', async () => {
      const { status, body } = await json(await get('/api/locate?lon=112.5&lat=27.9'));
      expect(status).toBe(422);
      expect(body.error.code).toBe('OUTSIDE_DISTRICT');
      expect(body.error.details.nearest_block.id).toMatch(/^YH-/);
      expect(body.error.details.distance_m).toBeGreaterThan(1000);
    });

    it.each([
      ['missing lon', '?lat=27.85', 'lon is missing'],
      ['not a number', '?lon=abc&lat=27.85', 'lon is missing or not a number'],
      ['NaN', '?lon=NaN&lat=27.85', 'lon is missing or not a number'],
      ['out of range', '?lon=200&lat=27.85', 'outside -180..180'],
      ['swapped', `?lon=${BAISHI.lat}&lat=${BAISHI.lon}`, 'look swapped'],
    ])('400 INVALID_COORDINATES for %s', async (_name, query, message) => {
      const { status, body } = await json(await get(`/api/locate${query}`));
      expect(status).toBe(400);
      expect(body.error.code).toBe('INVALID_COORDINATES');
      expect(body.error.message).toContain(message);
    });

    it('400 for an unknown crs, 404 for an unknown generation', async () => {
      const crs = await json(await get(`/api/locate?lon=${BAISHI.lon}&lat=${BAISHI.lat}&crs=bd09`));
      expect(crs.status).toBe(400);
      expect(crs.body.error.message).toContain('crs must be wgs84 or gcj02');
      const gen = await json(await get(`/api/locate?lon=${BAISHI.lon}&lat=${BAISHI.lat}&generation=99`));
      expect(gen.status).toBe(404);
      expect(gen.body.error.code).toBe('NOT_FOUND');
    });
  });

  describe('POST /api/locate', () => {
    const post = (body: unknown) =>
      app.request('/api/locate', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json' },
      });

    it('answers one result per point, in order, with reasons for misses', async () => {
      const { status, body } = await json(
        await post({
          points: [
            [BAISHI.lon, BAISHI.lat],
            [112.5, 27.9],
            [500, 0],
            [112.93, 27.87],
          ],
        }),
      );
      expect(status).toBe(200);
      expect(body.results).toHaveLength(4);
      expect(body.results[0].community.code).toBe('430302006104');
      expect(body.results[1]).toEqual({ block: null, reason: 'OUTSIDE_DISTRICT' });
      expect(body.results[2]).toEqual({ block: null, reason: 'INVALID_COORDINATES' });
      expect(body.results[3].block.id).toMatch(/^YH-/);
    });

    it('413 over 10,000 points, naming the limit', async () => {
      const points = Array.from({ length: 10_001 }, () => [BAISHI.lon, BAISHI.lat]);
      const { status, body } = await json(await post({ points }));
      expect(status).toBe(413);
      expect(body.error.message).toContain('10000');
    });

    it('400 for a malformed body', async () => {
      const { status, body } = await json(await post({ points: [[112.9]] }));
      expect(status).toBe(400);
      expect(body.error.details.issues[0].path).toMatch(/^points/);
    });
  });

  describe('GET /api/blocks', () => {
    it('serves 667 blocks with a strong ETag, Cache-Control and 304 on If-None-Match', async () => {
      const res = await get('/api/blocks');
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toContain('application/geo+json');
      const etag = res.headers.get('ETag')!;
      expect(etag).toMatch(/^"[^"]+"$/);
      expect(res.headers.get('Cache-Control')).toContain('max-age=');
      const fc = await res.json();
      expect(fc.features).toHaveLength(667);
      const again = await get('/api/blocks', { 'If-None-Match': etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    });

    it('compresses by Accept-Encoding and stays ≤ 60 KB gzipped', async () => {
      const gz = await get('/api/blocks', { 'Accept-Encoding': 'gzip' });
      expect(gz.headers.get('Content-Encoding')).toBe('gzip');
      const bytes = new Uint8Array(await gz.arrayBuffer());
      expect(bytes.length).toBeLessThanOrEqual(60 * 1024);
      expect(JSON.parse(gunzipSync(bytes).toString()).features).toHaveLength(667);
      const br = await get('/api/blocks', { 'Accept-Encoding': 'gzip, br' });
      expect(br.headers.get('Content-Encoding')).toBe('br');
      expect((await br.arrayBuffer()).byteLength).toBeLessThan(bytes.length);
    });

    it('marks a named generation immutable', async () => {
      const res = await get('/api/blocks?generation=1');
      expect(res.headers.get('Cache-Control')).toContain('immutable');
    });

    it('filters by township, community and bbox', async () => {
      const town = (await (await get('/api/blocks?township=430302006')).json()).features;
      expect(town.length).toBeGreaterThan(10);
      expect(
        town.every(
          (f: { properties: { township_code: string } }) => f.properties.township_code === '430302006',
        ),
      ).toBe(true);
      const community = (await (await get('/api/blocks?community=430302006104')).json()).features;
      expect(community.length).toBeGreaterThan(0);
      expect(community.length).toBeLessThan(town.length);
      const box = (
        await (
          await get(
            `/api/blocks?bbox=${BAISHI.lon - 0.002},${BAISHI.lat - 0.002},${BAISHI.lon + 0.002},${BAISHI.lat + 0.002}`,
          )
        ).json()
      ).features;
      expect(box.length).toBeGreaterThan(0);
      expect(box.length).toBeLessThan(30);
    });

    it.each(['1,2,3', '5,5,1,1', 'a,b,c,d', '0,0,200,10'])('400 INVALID_BBOX for bbox=%s', async (bbox) => {
      const { status, body } = await json(await get(`/api/blocks?bbox=${bbox}`));
      expect(status).toBe(400);
      expect(body.error.code).toBe('INVALID_BBOX');
    });

    it('serves TopoJSON with shared arcs', async () => {
      const res = await get('/api/blocks.topojson');
      expect(res.status).toBe(200);
      const topo = await res.json();
      expect(topo.type).toBe('Topology');
      expect(topo.objects.blocks.geometries).toHaveLength(667);
      const arcUses = new Map<number, number>();
      const walk = (x: unknown): void => {
        if (typeof x === 'number') arcUses.set(x < 0 ? ~x : x, (arcUses.get(x < 0 ? ~x : x) ?? 0) + 1);
        else if (Array.isArray(x)) x.forEach(walk);
      };
      for (const g of topo.objects.blocks.geometries) walk(g.arcs);
      const shared = [...arcUses.values()].filter((n) => n === 2).length;
      expect(shared / arcUses.size).toBeGreaterThan(0.5);
    });
  });

  describe('areas, assets and generations', () => {
    it('serves 15 townships and 135 communities', async () => {
      expect((await (await get('/api/townships')).json()).features).toHaveLength(15);
      expect((await (await get('/api/communities')).json()).features).toHaveLength(135);
      expect((await (await get('/api/communities?township=430302006')).json()).features).toHaveLength(8);
    });

    it('serves assets by kind; 400 for an unknown kind', async () => {
      const path = (await (await get('/api/assets?kind=health_path')).json()).features;
      expect(path).toHaveLength(1);
      expect(path[0].properties.name).toContain('健康步道');
      const bad = await json(await get('/api/assets?kind=castle'));
      expect(bad.status).toBe(400);
    });

    it('tells clients the current generation', async () => {
      const { status, body } = await json(await get('/api/generations/current'));
      expect(status).toBe(200);
      expect(body).toMatchObject({ generation: 1, block_count: 667 });
    });
  });

  describe('GET /api/blocks/:id', () => {
    let id: string;
    beforeAll(async () => {
      id = (await (await get(`/api/locate?lon=${BAISHI.lon}&lat=${BAISHI.lat}`)).json()).block.id;
    });

    it('returns the block with 1+N+1 cadres (masked phones), doctor team and assets', async () => {
      const { status, body } = await json(await get(`/api/blocks/${id}`));
      expect(status).toBe(200);
      expect(body.block.properties.id).toBe(id);
      expect(body.cadres.governor.name).toBeTruthy();
      expect(body.cadres.assistants.length).toBeGreaterThanOrEqual(1);
      expect(body.cadres.supervisor.name).toBeTruthy();
      expect(body.cadres.governor.phone).toMatch(/^100-\*{4}-\d{4}$/);
      expect(body.duty_phone).toMatch(/^0731-0000-\d{4}$/);
      expect(body.doctor_team.name).toBeTruthy();
    });

    it('shows staff phone numbers to dispatchers', async () => {
      const token = await issueToken(config, { sub: 'd1', role: 'dispatcher' });
      const { body } = await json(await get(`/api/blocks/${id}`, { Authorization: `Bearer ${token}` }));
      expect(body.cadres.governor.phone).toMatch(/^100-0000-\d{4}$/);
    });

    it('404 with the standard body for an unknown id', async () => {
      const { status, body } = await json(await get('/api/blocks/YH-000000000000-00'));
      expect(status).toBe(404);
      expect(body.error).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('GET /api/tiles', () => {
    it('serves an immutable vector tile where there are blocks, 204 where there are none', async () => {
      const { x, y } = tileOf(BAISHI.lon, BAISHI.lat, 12);
      const res = await get(`/api/tiles/blocks/1/12/${x}/${y}.mvt`);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('application/vnd.mapbox-vector-tile');
      expect(res.headers.get('Cache-Control')).toContain('immutable');
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
      const empty = await get('/api/tiles/townships/1/12/0/0.mvt');
      expect(empty.status).toBe(204);
    });

    it('400 for a bad layer or coordinates, 404 for an unknown generation', async () => {
      expect((await get('/api/tiles/roads/1/12/0/0.mvt')).status).toBe(400);
      expect((await get('/api/tiles/blocks/1/3/9/0.mvt')).status).toBe(400);
      expect((await get('/api/tiles/blocks/1/3/0/0.png')).status).toBe(400);
      expect((await get('/api/tiles/blocks/7/3/0/0.mvt')).status).toBe(404);
    });
  });
});
