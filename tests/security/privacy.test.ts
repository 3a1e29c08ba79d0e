// Issue #9 "Privacy" and "Audit": reporter contacts and cadre phones appear in no public or Open311
// response; sensitive incidents never show their point; receipts never show internal notes; photos
// come back without EXIF GPS; every event says who, in which role and when, and nothing can change it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_CATEGORY_KEYS } from '../../core/incidents/categories.js';
import { incidentKeys } from '../../functions/store/keys.js';
import { createSeededStack } from '../helpers/store.js';
import { BAISHI, bodyText, CADRE_DATA, roleTokens, SECURITY_STACK_ENV } from './helpers/http.js';
import { containsBytes, GPS_LATITUDE, jpegWithGps } from './helpers/images.js';
import { documentedOperations } from './helpers/openapi.js';

/** Reporter contacts (none of them may appear publicly) and an internal note (never for the reporter). */
const PHONES = ['138-1111-2222', '139-2222-3333', '137-3333-4444', '136-4444-5555', '135-5555-6666'];
const NAME = '保密测试人';
const EMAIL = 'reporter-secret@example.org';
const INTERNAL = 'INTERNAL-7f3a 内部备注：申请人系邻居';
/** Each sensitive report has a point of its own, so finding its coordinates anywhere is a leak. */
const SENSITIVE_POINTS = {
  disputes: { lon: 112.884311, lat: 27.856122 },
  atHome: { lon: 112.882957, lat: 27.854871 },
  open311: { lon: 112.883111, lat: 27.856533 },
};

const { operations } = await documentedOperations();
const dataDir = mkdtempSync(join(tmpdir(), 'yuhu-privacy-'));
let stack: Awaited<ReturnType<typeof createSeededStack>>;
let tokens: Awaited<ReturnType<typeof roleTokens>>;
const reports: Record<
  'disputes' | 'atHome' | 'open311' | 'plain' | 'open311Plain',
  { id: string; receipt: string }
> = {} as never;
let blockId = '';
let photoPath = '';

const asDispatcher = () => ({ Authorization: `Bearer ${tokens.dispatcher}` });
const post = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
  stack.app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
  });
async function report(body: Record<string, unknown>, token?: string) {
  const res = await post('/api/incidents', body, {
    'Idempotency-Key': crypto.randomUUID(),
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json() as Promise<{ id: string; receipt: string; block: { id: string } }>;
}
async function open311(fields: Record<string, string>) {
  const res = await post(
    '/open311/v2/requests.json',
    new URLSearchParams({ api_key: 'privacy', ...fields }).toString(),
    {
      'Content-Type': 'application/x-www-form-urlencoded',
    },
  );
  expect(res.status, await res.clone().text()).toBe(201);
  const [created] = await res.json();
  return { id: created.service_request_id as string, receipt: created.token as string };
}
const act = async (id: string, body: unknown, token = tokens.dispatcher) => {
  const current = await stack.app.request(`/api/incidents/${id}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return post(`/api/incidents/${id}/transitions`, body, {
    Authorization: `Bearer ${token}`,
    'If-Match': current.headers.get('ETag')!,
  });
};

beforeAll(async () => {
  stack = await createSeededStack({ ...SECURITY_STACK_ENV, DATA_DIR: dataDir });
  tokens = await roleTokens(stack.config);

  // A photo carrying GPS, uploaded and committed the way the web app does it.
  const photo = jpegWithGps(256);
  const target = await (
    await post('/api/uploads', { content_type: 'image/jpeg', size: photo.length })
  ).json();
  expect((await post(target.url, photo, { 'Content-Type': 'image/jpeg' })).status).toBe(204);
  const committed = await (await post('/api/uploads/commit', { key: target.key })).json();
  photoPath = committed.url;

  const contact = (i: number) => ({ name: NAME, phone: PHONES[i] });
  const plain = await report({
    ...BAISHI,
    category: 'sanitation',
    description: '垃圾堆积',
    contact: contact(0),
    photos: [target.key],
  });
  reports.plain = plain;
  blockId = plain.block.id;
  reports.disputes = await report({
    ...SENSITIVE_POINTS.disputes,
    category: 'disputes',
    description: '邻里纠纷 隐私',
    contact: contact(1),
  });
  reports.atHome = await report(
    {
      ...SENSITIVE_POINTS.atHome,
      category: 'flooding',
      at_home: true,
      description: '家中进水',
      contact: contact(2),
    },
    tokens.resident,
  );
  const form = (p: { lon: number; lat: number }) => ({
    lat: String(p.lat),
    long: String(p.lon),
    first_name: '人',
    last_name: '保密测试',
    email: EMAIL,
  });
  reports.open311 = await open311({
    ...form(SENSITIVE_POINTS.open311),
    service_code: 'welfare_help',
    description: '独居老人求助',
    phone: PHONES[3],
  });
  reports.open311Plain = await open311({
    ...form(BAISHI),
    service_code: 'noise',
    description: '夜间施工噪音',
    phone: PHONES[4],
  });

  // Staff work: an internal note, then a public one.
  expect((await act(plain.id, { action: 'accept', note: INTERNAL, internal: true })).status).toBe(200);
  expect((await act(plain.id, { action: 'start', note: '已派人处理' })).status).toBe(200);
  expect((await act(reports.disputes.id, { action: 'accept' })).status).toBe(200);
});
afterAll(async () => {
  await stack?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Anonymous reads per documented GET: every one must be listed (a new GET route fails the coverage test). */
function publicReads(): Record<string, string[]> {
  const ids = Object.values(reports).map((r) => r.id);
  const points = [BAISHI, ...Object.values(SENSITIVE_POINTS)];
  const near = (p: { lon: number; lat: number }) => `lon=${p.lon}&lat=${p.lat}`;
  const box = (p: { lon: number; lat: number }) =>
    `${p.lon - 0.0001},${p.lat - 0.0001},${p.lon + 0.0001},${p.lat + 0.0001}`;
  const [, year, month, file] = /\/api\/photos\/(\d{4})\/(\d{2})\/(.+)$/.exec(photoPath)!;
  return {
    'GET /api/health': ['/api/health'],
    'GET /api/locate': points.map((p) => `/api/locate?${near(p)}`),
    'GET /api/blocks': ['/api/blocks'],
    'GET /api/blocks.topojson': ['/api/blocks.topojson'],
    'GET /api/communities': ['/api/communities'],
    'GET /api/townships': ['/api/townships'],
    // The reports' block and a spread of others (every block has cadres with personal phones).
    'GET /api/blocks/{id}': [blockId, 'YH-430302001001-01', 'YH-430302006104-03', 'YH-430302006104-01'].map(
      (b) => `/api/blocks/${b}`,
    ),
    'GET /api/assets': ['/api/assets'],
    'GET /api/generations/current': ['/api/generations/current'],
    'GET /api/generations': ['/api/generations'],
    'GET /api/generations/{g}': ['/api/generations/1'],
    'GET /api/generations/{g}/diff': ['/api/generations/1/diff'],
    'GET /api/generations/{g}/assignments': [
      '/api/generations/1/assignments',
      '/api/generations/1/assignments?block=YH-430302006104-03',
    ],
    'GET /api/tiles/{layer}/{generation}/{z}/{x}/{file}': ['/api/tiles/blocks/1/14/13329/6871.mvt'],
    'GET /api/incidents/nearby': points.flatMap((p) =>
      INCIDENT_CATEGORY_KEYS.map((c) => `/api/incidents/nearby?${near(p)}&category=${c}`),
    ),
    'GET /api/incidents': [
      '/api/incidents',
      `/api/incidents?block=${blockId}`,
      '/api/incidents?township=430302006',
      '/api/incidents?category=disputes,flooding,welfare_help',
      ...points.map((p) => `/api/incidents?bbox=${box(p)}`),
    ],
    'GET /api/incidents/{id}': ids.map((id) => `/api/incidents/${id}`),
    'GET /api/incidents/{id}/events': ids.map((id) => `/api/incidents/${id}/events`),
    'GET /api/hotspots': ['/api/hotspots'],
    'GET /api/hotspots/hex': ['/api/hotspots/hex'],
    'GET /api/overdue': ['/api/overdue'],
    'GET /api/photos/{year}/{month}/{file}': [`/api/photos/${year}/${month}/${file}`],
    'GET /api/notifications': ['/api/notifications'],
    'GET /api/notifications/stream': ['/api/notifications/stream'],
    'GET /open311/v2/services.json': ['/open311/v2/services.json'],
    'GET /open311/v2/services.xml': ['/open311/v2/services.xml'],
    'GET /open311/v2/services/{service_code}.{format}': [
      '/open311/v2/services/disputes.json',
      '/open311/v2/services/welfare_help.xml',
    ],
    'GET /open311/v2/requests.json': [
      '/open311/v2/requests.json',
      `/open311/v2/requests.json?service_request_id=${ids.join(',')}`,
    ],
    'GET /open311/v2/requests.xml': [
      '/open311/v2/requests.xml',
      `/open311/v2/requests.xml?service_request_id=${ids.join(',')}`,
    ],
    'GET /open311/v2/requests/{service_request_id}.{format}': ids.flatMap((id) => [
      `/open311/v2/requests/${id}.json`,
      `/open311/v2/requests/${id}.xml`,
    ]),
    'GET /open311/v2/tokens/{token}.{format}': Object.values(reports).map(
      (r) => `/open311/v2/tokens/${r.receipt}.json`,
    ),
  };
}

/** The text of every anonymous read, keyed by URL (binary bodies as latin1, so ASCII leaks still show). */
async function readAll(urls: string[], headers: Record<string, string> = {}) {
  const out: [string, string][] = [];
  for (const url of urls) {
    const res = await stack.app.request(url, { headers });
    const type = res.headers.get('Content-Type') ?? '';
    const text = /json|xml|text|javascript/.test(type)
      ? await bodyText(res)
      : Buffer.from(await res.arrayBuffer()).toString('latin1');
    expect(res.status, `${url}: ${text.slice(0, 200)}`).toBeLessThan(500);
    out.push([url, text]);
  }
  return out;
}

const CADRE_PHONE = /100-0000-\d{4}|(?<!\d)1000000\d{4}(?!\d)/;
const digits = (p: string) => p.replace(/\D/g, '');

describe('public and Open311 responses (anonymous; Open311 also with a dispatcher token)', () => {
  let pages: [string, string][] = [];
  beforeAll(async () => {
    const urls = Object.values(publicReads()).flat();
    pages = [
      ...(await readAll(urls)),
      // Open311 answers every caller with public records, staff included.
      ...(await readAll(
        urls.filter((u) => u.startsWith('/open311/')),
        asDispatcher(),
      )),
    ];
  });

  it('cover every documented GET operation (add new routes to publicReads)', () => {
    const listed = Object.keys(publicReads());
    expect(operations.filter((o) => o.method === 'GET' && !listed.includes(o.key)).map((o) => o.key)).toEqual(
      [],
    );
  });

  it('contain no reporter phone, name or e-mail', async () => {
    const secrets = [...PHONES, ...PHONES.map(digits), NAME, EMAIL];
    const leaks = pages.flatMap(([url, text]) =>
      secrets.filter((s) => text.includes(s)).map((s) => `${url}: ${s}`),
    );
    expect(leaks).toEqual([]);
    // The positive controls: the contacts were stored (staff see them), and the pages do list the reports.
    for (const r of [reports.plain, reports.open311Plain]) {
      const staff = await (
        await stack.app.request(`/api/incidents/${r.id}`, { headers: asDispatcher() })
      ).text();
      expect(staff).toContain(NAME);
    }
    const open311List = pages.find(([url]) => url === '/open311/v2/requests.json')![1];
    for (const r of Object.values(reports)) expect(open311List).toContain(r.id);
  });

  it('contain no cadre personal phone (only masked 100-****-xxxx forms)', () => {
    const leaks = pages
      .filter(([, text]) => CADRE_PHONE.test(text))
      .map(([url, text]) => `${url}: ${CADRE_PHONE.exec(text)![0]}`);
    expect(leaks).toEqual([]);
    const detail = pages.find(([url]) => url === `/api/blocks/${blockId}`)![1];
    expect(detail).toMatch(/100-\*{4}-\d{4}/); // the positive control: cadres are there, masked
  });

  it('never show a sensitive incident’s point or text (list, detail, nearby, bbox, Open311)', () => {
    const coordinates = Object.values(SENSITIVE_POINTS).flatMap((p) => [String(p.lon), String(p.lat)]);
    const leaks = pages.flatMap(([url, text]) =>
      coordinates.filter((c) => text.includes(c)).map((c) => `${url}: ${c}`),
    );
    expect(leaks).toEqual([]);
    expect(pages.some(([, text]) => text.includes(String(BAISHI.lon)))).toBe(true); // the positive control
    for (const text of ['邻里纠纷', '家中进水', '独居老人']) {
      expect(pages.filter(([, t]) => t.includes(text)).map(([url]) => url)).toEqual([]);
    }
    const sensitive = [reports.disputes.id, reports.atHome.id, reports.open311.id];
    // Not even a distance from which the point could be triangulated.
    const nearby = pages.filter(([url]) => url.startsWith('/api/incidents/nearby'));
    expect(
      nearby.filter(([, text]) => sensitive.some((id) => text.includes(id))).map(([url]) => url),
    ).toEqual([]);
    // A box drawn tightly around the point does not reveal that something is there.
    const boxes = pages.filter(([url]) => url.includes('bbox='));
    expect(boxes.filter(([, text]) => sensitive.some((id) => text.includes(id))).map(([url]) => url)).toEqual(
      [],
    );
  });

  it('show sensitive incidents by block only (point, lat/long and description null)', async () => {
    for (const { id } of [reports.disputes, reports.atHome, reports.open311]) {
      const detail = await (await stack.app.request(`/api/incidents/${id}`)).json();
      expect(detail).toMatchObject({ point: null, location_hidden: true, description: null });
      const [record] = await (await stack.app.request(`/open311/v2/requests/${id}.json`)).json();
      expect(record).toMatchObject({ lat: null, long: null, description: null, media_url: null });
    }
    const plain = await (await stack.app.request(`/api/incidents/${reports.plain.id}`)).json();
    expect(plain.point).toEqual([BAISHI.lon, BAISHI.lat]); // the positive control
  });

  it('contain no internal note and no photo key', () => {
    const key = photoPath.replace('/api/photos/', '');
    expect(
      pages
        .filter(
          ([url, text]) => text.includes(INTERNAL) || (!url.startsWith('/api/photos') && text.includes(key)),
        )
        .map(([u]) => u),
    ).toEqual([]);
  });
});

describe('the reporter’s receipt view', () => {
  it('shows public notes but never an internal one; staff see both', async () => {
    const { id, receipt } = reports.plain;
    const mine = await (await stack.app.request(`/api/incidents/${id}/events?receipt=${receipt}`)).text();
    expect(mine).toContain('已派人处理');
    expect(mine).not.toContain(INTERNAL);
    const byHeader = await (
      await stack.app.request(`/api/incidents/${id}/events`, { headers: { 'X-Receipt': receipt } })
    ).text();
    expect(byHeader).not.toContain(INTERNAL);
    const detail = await (await stack.app.request(`/api/incidents/${id}?receipt=${receipt}`)).text();
    expect(detail).not.toContain(INTERNAL);
    const staff = await (
      await stack.app.request(`/api/incidents/${id}/events`, { headers: asDispatcher() })
    ).text();
    expect(staff).toContain(INTERNAL);
  });
});

describe('photos', () => {
  it('come back without the EXIF GPS position', async () => {
    const res = await stack.app.request(photoPath);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes[0]).toBe(0xff);
    expect(containsBytes(bytes, GPS_LATITUDE)).toBe(false);
    expect(containsBytes(bytes, new TextEncoder().encode('Exif'))).toBe(false);
    expect(containsBytes(jpegWithGps(256), GPS_LATITUDE)).toBe(true); // the positive control
  });
});

describe('audit trail', () => {
  const staffEvents = async (id: string) =>
    (await (await stack.app.request(`/api/incidents/${id}/events`, { headers: asDispatcher() })).json())
      .events as {
      seq: number;
      action: string;
      actor: string;
      role: string;
      at: string;
    }[];

  it('attributes every event: who, in which role, when', async () => {
    for (const { id } of Object.values(reports)) {
      const events = await staffEvents(id);
      expect(events.length).toBeGreaterThan(0);
      for (const e of events) {
        expect(e.actor, JSON.stringify(e)).toMatch(/\S/);
        expect(['resident', 'cadre', 'dispatcher', 'department', 'admin', 'system']).toContain(e.role);
        expect(Number.isNaN(Date.parse(e.at)), JSON.stringify(e)).toBe(false);
      }
    }
    const plain = await staffEvents(reports.plain.id);
    expect(plain.map((e) => [e.action, e.actor, e.role])).toEqual([
      ['report', 'anonymous', 'resident'],
      ['accept', 'sec-dispatcher', 'dispatcher'],
      ['start', 'sec-dispatcher', 'dispatcher'],
    ]);
    expect((await staffEvents(reports.atHome.id))[0]).toMatchObject({
      actor: 'sec-resident',
      role: 'resident',
    });
  });

  it('is append-only: later actions leave earlier events untouched', async () => {
    const { id } = reports.disputes;
    const earlier = await staffEvents(id);
    expect((await act(id, { action: 'start', note: '调解中' })).status).toBe(200);
    expect((await act(id, { action: 'resolve', note: '已调解' })).status).toBe(200);
    const later = await staffEvents(id);
    expect(later.slice(0, earlier.length)).toEqual(earlier);
    expect(later.map((e) => e.seq)).toEqual(later.map((_, i) => i + 1));
  });

  it('has no route that writes, edits or deletes events, and refuses attempts (404/405)', async () => {
    const writers = operations
      .filter((o) => o.path.includes('/events') && o.method !== 'GET')
      .map((o) => o.key);
    expect(writers).toEqual([]);
    const { id } = reports.plain;
    const before = await staffEvents(id);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of [
        `/api/incidents/${id}/events`,
        `/api/incidents/${id}/events/1`,
        `/api/incidents/${id}`,
      ]) {
        const res = await stack.app.request(path, {
          method,
          headers: { ...asDispatcher(), 'Content-Type': 'application/json' },
          body: JSON.stringify({ seq: 1, actor: 'someone-else', note: 'rewritten' }),
        });
        expect([404, 405], `${method} ${path}`).toContain(res.status);
      }
    }
    expect(await staffEvents(id)).toEqual(before);
  });

  /** The contact-read audit entries of an incident (no API exposes them: read from the table). */
  const contactReads = async (id: string) =>
    (
      await stack.runtime.clients.doc.send(
        new QueryCommand({
          TableName: stack.config.TABLE_NAME,
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :a)',
          ExpressionAttributeValues: { ':p': incidentKeys.incident(id).pk, ':a': 'AUDIT#' },
        }),
      )
    ).Items ?? [];

  it('records who read a reporter’s contact in the incident view', async () => {
    const { id } = reports.open311Plain;
    const before = (await contactReads(id)).length;
    const res = await stack.app.request(`/api/incidents/${id}`, { headers: asDispatcher() });
    expect((await res.json()).contact.phone).toBe(PHONES[4]);
    const after = await contactReads(id);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({
      action: 'read_contact',
      actor: 'sec-dispatcher',
      role: 'dispatcher',
    });
  });

  it('records who read a reporter’s contact in a list', async () => {
    const { id } = reports.open311Plain;
    const before = (await contactReads(id)).length;
    const res = await stack.app.request(`/api/incidents?block=${blockId}&limit=200`, {
      headers: asDispatcher(),
    });
    const listed = (await res.json()).incidents.find((i: { id: string }) => i.id === id);
    expect(listed.contact.phone).toBe(PHONES[4]);
    expect((await contactReads(id)).length, 'a list that shows the phone should audit the read').toBe(
      before + 1,
    );
  });

  // Was a gap (issue #9), fixed; kept as a regression test: boundary drafts and their edits record no actor — a generation has
  // created_at/published_at but not who created, edited or published it, nor in which role.
  it('names who created and edited a boundary draft', async () => {
    const auth = { Authorization: `Bearer ${tokens.planner}`, 'Content-Type': 'application/json' };
    const created = await stack.app.request('/api/generations', {
      method: 'POST',
      headers: auth,
      body: '{}',
    });
    expect(created.status).toBe(201);
    const draft = await created.json();
    const a = CADRE_DATA.assignments.find((x) => x.block_id === blockId)!;
    const swap = {
      governor: a.assistants[0],
      assistants: [a.governor, ...a.assistants.slice(1)],
      supervisor: a.supervisor,
    };
    const edited = await stack.app.request(`/api/generations/${draft.generation}/edits`, {
      method: 'POST',
      headers: { ...auth, 'If-Match': `"${draft.version}"` },
      body: JSON.stringify({ op: 'assign_cadres', block: blockId, ...swap }),
    });
    expect(edited.status, await edited.clone().text()).toBe(200);
    const record = await (
      await stack.app.request(`/api/generations/${draft.generation}`, { headers: auth })
    ).text();
    expect(record, 'the draft should say which planner created and edited it').toContain('sec-planner');
  });

  it('cannot be given a forged actor through a transition body', async () => {
    const res = await act(reports.open311Plain.id, {
      action: 'accept',
      actor: 'someone-else',
      role: 'admin',
    });
    expect(res.status).toBe(400);
    expect((await staffEvents(reports.open311Plain.id)).map((e) => e.actor)).toEqual(['anonymous']);
  });
});
