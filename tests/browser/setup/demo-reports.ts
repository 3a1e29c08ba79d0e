// Reports the journeys' server starts with: filed through the real API around the old town (火车站社区,
// 熙春路社区) and 白石社区, some worked on by a dispatcher, so the staff map has clusters of every class and
// state. (The seeded history is loaded as daily counters only: the hot-spot statistics read those.)
import type { App } from '../../../functions/app.js';

/** Where the demo reports are filed: [lon, lat, spread in metres, how many]. */
const PLACES: [number, number, number, number][] = [
  [112.9195, 27.8838, 260, 26], // 火车站社区
  [112.9151, 27.8722, 160, 18], // 熙春路社区
  [112.8845, 27.8562, 220, 16], // 白石社区 (around the park)
];

const KINDS = [
  ['sanitation', '垃圾桶满溢无人清理'],
  ['roads_traffic', '路面坑洼影响通行'],
  ['municipal_facilities', '路灯不亮'],
  ['noise', '夜间施工噪音扰民'],
  ['public_safety', '楼道堆放杂物存在消防隐患'],
  ['illegal_construction', '屋顶违章搭建'],
  ['flooding', '下水道堵塞路面积水'],
  ['sanitation', '绿化带内有建筑垃圾'],
] as const;

/** mulberry32: the same reports on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function call(app: App, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
}

/** Files the demo reports and moves some along the lifecycle; returns how many were filed. */
export async function fileDemoReports(app: App): Promise<number> {
  const rnd = random(7);
  const { token } = (await call(app, '/api/dev/tokens', { role: 'dispatcher', sub: 'demo-dispatcher' })) as {
    token: string;
  };
  const auth = { Authorization: `Bearer ${token}` };
  const reports: { lon: number; lat: number; k: number; severity: number }[] = [];
  for (const [lon, lat, spread, n] of PLACES) {
    for (let i = 0; i < n; i++) {
      const r = spread * Math.sqrt(rnd());
      const a = 2 * Math.PI * rnd();
      reports.push({
        lon: lon + (r * Math.cos(a)) / (111_320 * Math.cos((lat * Math.PI) / 180)),
        lat: lat + (r * Math.sin(a)) / 110_540,
        k: Math.floor(rnd() * KINDS.length),
        severity: rnd() < 0.15 ? 2 : 1,
      });
    }
  }
  let n = 0;
  const batch = 6;
  for (let i = 0; i < reports.length; i += batch) {
    await Promise.all(
      reports.slice(i, i + batch).map(async (p, j) => {
        const [category, description] = KINDS[p.k];
        const created = await call(
          app,
          '/api/incidents',
          {
            lon: Number(p.lon.toFixed(6)),
            lat: Number(p.lat.toFixed(6)),
            category,
            description,
            severity: p.severity,
          },
          { 'Idempotency-Key': `demo-report-${i + j}` },
        );
        n++;
        // Every third is accepted, every sixth also started, every ninth resolved.
        const id = String(created.id);
        const steps = (i + j) % 9 === 0 ? 3 : (i + j) % 6 === 0 ? 2 : (i + j) % 3 === 0 ? 1 : 0;
        const actions = [{ action: 'accept' }, { action: 'start' }, { action: 'resolve', note: '已处理' }];
        for (let s = 0; s < steps; s++)
          await call(app, `/api/incidents/${id}/transitions`, actions[s], {
            ...auth,
            'If-Match': `"${s + 1}"`,
          });
      }),
    );
  }
  return n;
}
