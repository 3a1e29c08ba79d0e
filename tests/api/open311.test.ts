// Open311 GeoReport v2 over HTTP: services, report by form, read back in JSON and XML, tokens,
// filters, privacy (sensitive points, contact details) and the spec's error format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_CATEGORY_KEYS } from '../../core/incidents/categories.js';
import { issueToken } from '../../functions/http/auth.js';
import { createSeededStack } from '../helpers/store.js';

const BAISHI = { lat: '27.855486', long: '112.883623' };
const SERVICE_FIELDS = [
  'service_code',
  'service_name',
  'description',
  'metadata',
  'type',
  'keywords',
  'group',
];
// GeoReport v2 "GET Service Requests" response fields, in the spec's order.
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const W3C_CST = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

/**
 * A strict parser for the XML subset the spec uses (declaration, elements, escaped text; no
 * attributes, no mixed content): anything not well-formed throws, so the tests below can fail.
 */
function parseXml(src: string): XmlNode {
  const decl = '<?xml version="1.0" encoding="utf-8"?>';
  if (!src.startsWith(decl)) throw new Error('missing XML declaration with encoding="utf-8"');
  let pos = decl.length;
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  const skipSpace = () => {
    while (pos < src.length && /\s/.test(src[pos])) pos++;
  };
  const expectText = (s: string) => {
    if (!src.startsWith(s, pos)) throw new Error(`expected ${s} at ${pos}: ${src.slice(pos, pos + 30)}`);
    pos += s.length;
  };
  const decode = (raw: string) => {
    if (raw.includes('<') || raw.includes('>')) throw new Error(`unescaped markup in text: ${raw}`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(raw)) throw new Error('control character in text');
    return raw.replace(/&([a-z]+);|&/g, (m, name) => {
      if (!name || !(name in entities)) throw new Error(`bad entity ${m}`);
      return entities[name];
    });
  };
  const element = (): XmlNode => {
    expectText('<');
    const name = /^[a-z_][a-z0-9_]*/.exec(src.slice(pos))?.[0];
    if (!name) throw new Error(`bad element name at ${pos}`);
    pos += name.length;
    if (src.startsWith('/>', pos)) {
      pos += 2;
      return { name, children: [], text: '' };
    }
    expectText('>');
    const node: XmlNode = { name, children: [], text: '' };
    const start = pos;
    skipSpace();
    if (src.startsWith('<', pos) && !src.startsWith('</', pos)) {
      while (src.startsWith('<', pos) && !src.startsWith('</', pos)) {
        node.children.push(element());
        skipSpace();
      }
    } else {
      pos = start;
      const end = src.indexOf('<', pos);
      node.text = decode(src.slice(pos, end));
      pos = end;
    }
    expectText(`</${name}>`);
    return node;
  };
  skipSpace();
  const root = element();
  skipSpace();
  if (pos !== src.length) throw new Error(`content after the root element: ${src.slice(pos, pos + 30)}`);
  return root;
}

/** An XML record (element with leaf children) as { field: text }. */
const fields = (node: XmlNode) => Object.fromEntries(node.children.map((c) => [c.name, c.text]));

describe('Open311 GeoReport v2', () => {
  let stack: Awaited<ReturnType<typeof createSeededStack>>;
  let dispatcher: string;
  beforeAll(async () => {
    stack = await createSeededStack();
    dispatcher = await issueToken(stack.config, { sub: 'disp-1', role: 'dispatcher' });
  });
  afterAll(() => stack.cleanup());

  const get = (path: string, token?: string) =>
    stack.app.request(`/open311/v2${path}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
  const post = (form: Record<string, string>, format: 'json' | 'xml' = 'json') =>
    stack.app.request(`/open311/v2/requests.${format}`, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    });
  const report = (over: Record<string, string> = {}) => ({
    api_key: 'test-client',
    service_code: 'sanitation',
    ...BAISHI,
    description: `白石公园门口垃圾堆积 ${Math.random()}`,
    ...over,
  });
  const created = async (over: Record<string, string> = {}) => {
    const res = await post(report(over));
    expect(res.status).toBe(201);
    return (await res.json())[0] as { service_request_id: string; token: string };
  };
  const act = (id: string, body: unknown, version: number) =>
    stack.app.request(`/api/incidents/${id}/transitions`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: {
        'Content-Type': 'application/json',
        'If-Match': `"${version}"`,
        Authorization: `Bearer ${dispatcher}`,
      },
    });
  const listIds = async (query: string) => {
    const res = await get(`/requests.json${query}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { service_request_id: string }[]).map((r) => r.service_request_id);
  };
  const expectError = async (res: Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body).toEqual([
      { code: status, description: expect.stringMatching(new RegExp(`^${code}: .{10,}`)) },
    ]);
  };

  it('lists every category as a service with exactly the spec fields (JSON)', async () => {
    const res = await get('/services.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    const services = await res.json();
    expect(services.map((s: { service_code: string }) => s.service_code)).toEqual([
      ...INCIDENT_CATEGORY_KEYS,
    ]);
    for (const s of services) {
      expect(Object.keys(s)).toEqual(SERVICE_FIELDS);
      expect(s).toMatchObject({ metadata: false, type: 'realtime' });
    }
    expect(services.find((s: { service_code: string }) => s.service_code === 'noise')).toMatchObject({
      service_name: '噪音扰民',
      description: 'Noise nuisance',
    });
  });

  it('serves the same services as well-formed XML', async () => {
    const res = await get('/services.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/xml; charset=utf-8');
    const root = parseXml(await res.text());
    expect(root.name).toBe('services');
    const json = await (await get('/services.json')).json();
    expect(root.children).toHaveLength(json.length);
    root.children.forEach((service, k) => {
      expect(service.name).toBe('service');
      expect(service.children.map((c) => c.name)).toEqual(SERVICE_FIELDS);
      expect(fields(service)).toEqual({ ...json[k], metadata: 'false' });
    });
  });

  it('serves service definitions, and 404 in the spec format for unknown codes', async () => {
    expect(await (await get('/services/noise.json')).json()).toEqual({
      service_code: 'noise',
      attributes: [],
    });
    const xml = parseXml(await (await get('/services/noise.xml')).text());
    expect(xml).toEqual({
      name: 'service_definition',
      text: '',
      children: [
        { name: 'service_code', children: [], text: 'noise' },
        { name: 'attributes', children: [], text: '' },
      ],
    });
    await expectError(await get('/services/ufo.json'), 404, 'NOT_FOUND');
    const res = await get('/services/ufo.xml');
    expect(res.status).toBe(404);
    const errors = parseXml(await res.text());
    expect(errors.name).toBe('errors');
    expect(errors.children.map((e) => e.name)).toEqual(['error']);
    expect(fields(errors.children[0])).toMatchObject({
      code: '404',
      description: expect.stringMatching(/^NOT_FOUND: /),
    });
    await expectError(await get('/services/noise.html'), 404, 'NOT_FOUND');
  });

  it('takes a form POST and reads the request back by id in JSON and XML', async () => {
    const form = report({
      first_name: '三',
      last_name: '张',
      phone: '100-0000-4321',
      email: 'zs@example.cn',
    });
    const res = await post(form);
    expect(res.status).toBe(201);
    const [made] = await res.json();
    expect(Object.keys(made)).toEqual(['service_request_id', 'token', 'service_notice', 'account_id']);
    expect(made.service_request_id).toMatch(/^YH\d{8}-/);
    expect(made.token.length).toBeGreaterThanOrEqual(20);
    expect(made.service_notice).toContain('A类');
    expect(made.account_id).toBeNull();
    expect(res.headers.get('Location')).toBe(`/open311/v2/requests/${made.service_request_id}.json`);

    const one = await get(`/requests/${made.service_request_id}.json`);
    expect(one.status).toBe(200);
    const [record] = await one.json();
    expect(Object.keys(record)).toEqual(REQUEST_FIELDS);
    expect(record).toMatchObject({
      service_request_id: made.service_request_id,
      status: 'open',
      status_notes: 'reported',
      service_code: 'sanitation',
      service_name: '环境卫生',
      description: form.description,
      lat: 27.855486,
      long: 112.883623,
      zipcode: null,
      media_url: null,
    });
    expect(record.address_id).toMatch(/^YH-430302006104-\d{2}$/);
    expect(record.address.startsWith(record.agency_responsible)).toBe(true); // class A: the block
    expect(record.address).toContain('湘潭市雨湖区');
    for (const t of ['requested_datetime', 'updated_datetime', 'expected_datetime'])
      expect(record[t]).toMatch(W3C_CST);
    expect(Date.parse(record.expected_datetime) - Date.parse(record.requested_datetime)).toBe(24 * 3600_000);

    const xml = await get(`/requests/${made.service_request_id}.xml`);
    const root = parseXml(await xml.text());
    expect(root.name).toBe('service_requests');
    expect(root.children.map((c) => c.name)).toEqual(['request']);
    expect(root.children[0].children.map((c) => c.name)).toEqual(REQUEST_FIELDS);
    expect(fields(root.children[0])).toEqual(
      Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v === null ? '' : String(v)])),
    );

    const posted = parseXml(await (await post(report(), 'xml')).text());
    expect(posted.children[0].children.map((c) => c.name)).toEqual([
      'service_request_id',
      'token',
      'service_notice',
      'account_id',
    ]);
  });

  it('returns the same request for a client retry, and refuses the same report with other contacts', async () => {
    const form = report();
    const first = await (await post(form)).json();
    const again = await post(form);
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    // Same request id, but the receipt is never handed out twice (the retry key comes from public content).
    expect(await again.json()).toEqual([{ ...first[0], token: null }]);
    await expectError(await post({ ...form, phone: '100-0000-1111' }), 422, 'DUPLICATE_SUBMISSION');
  });

  it('resolves a token to its request id', async () => {
    const made = await created();
    const res = await get(`/tokens/${made.token}.json`);
    expect(await res.json()).toEqual([{ service_request_id: made.service_request_id, token: made.token }]);
    const xml = parseXml(await (await get(`/tokens/${made.token}.xml`)).text());
    expect(fields(xml.children[0])).toEqual({
      service_request_id: made.service_request_id,
      token: made.token,
    });
    await expectError(await get(`/tokens/${'x'.repeat(24)}.json`), 404, 'NOT_FOUND');
    await expectError(await get('/requests/YH20000101-NOPE.json'), 404, 'NOT_FOUND');
  });

  it('never shows the point or text of sensitive incidents', async () => {
    const made = await created({ service_code: 'disputes', description: '邻里纠纷 楼上漏水' });
    const [record] = await (await get(`/requests/${made.service_request_id}.json`)).json();
    expect(record).toMatchObject({ lat: null, long: null, description: null });
    expect(record.address_id).toMatch(/^YH-/);
    const xmlText = await (await get(`/requests/${made.service_request_id}.xml`)).text();
    expect(fields(parseXml(xmlText).children[0])).toMatchObject({ lat: '', long: '', description: '' });
    const listed = await (await get(`/requests.json?service_request_id=${made.service_request_id}`)).json();
    expect(listed[0]).toMatchObject({ lat: null, long: null });
    for (const body of [JSON.stringify(record), xmlText]) {
      expect(body).not.toContain('27.855486');
      expect(body).not.toContain('楼上漏水');
    }
  });

  it('never puts contact details in any GET body, whoever asks', async () => {
    const made = await created({
      first_name: '四',
      last_name: '李',
      phone: '100-0000-5678',
      email: 'ls@example.cn',
    });
    const id = made.service_request_id;
    const paths = [
      `/requests/${id}.json`,
      `/requests/${id}.xml`,
      `/requests.json?service_request_id=${id}`,
      `/requests.xml`,
      '/requests.json',
      `/tokens/${made.token}.json`,
    ];
    for (const path of paths) {
      for (const token of [undefined, dispatcher]) {
        const body = await (await get(path, token)).text();
        expect(body).toContain(id);
        for (const secret of ['5678', '100-0000', '李四', 'ls@example.cn'])
          expect(body).not.toContain(secret);
      }
    }
  });

  it('filters by service_code, status and date, and by id overriding the rest', async () => {
    const noise = await created({ service_code: 'noise', description: '夜间施工噪音' });
    const rejected = await created({ service_code: 'noise', description: '重复：夜间施工噪音' });
    expect((await act(rejected.service_request_id, { action: 'reject', reason: 'invalid' }, 1)).status).toBe(
      200,
    );

    const onlyNoise = await (await get('/requests.json?service_code=noise')).json();
    expect(onlyNoise.length).toBeGreaterThanOrEqual(2);
    expect(onlyNoise.every((r: { service_code: string }) => r.service_code === 'noise')).toBe(true);
    expect(await listIds('?service_code=sanitation')).not.toContain(noise.service_request_id);

    const closed = await (await get('/requests.json?status=closed')).json();
    expect(closed.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([
      rejected.service_request_id,
    ]);
    expect(closed[0]).toMatchObject({ status: 'closed', status_notes: 'rejected: invalid' });
    const open = await listIds('?status=open&service_code=noise');
    expect(open).toContain(noise.service_request_id);
    expect(open).not.toContain(rejected.service_request_id);
    expect(await listIds('?status=open,closed&service_code=noise')).toEqual(
      await listIds('?service_code=noise'),
    );
    expect(await listIds('?status=open&status=closed&service_code=noise')).toHaveLength(onlyNoise.length);

    const hour = 3600_000;
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const recent = await listIds(`?start_date=${iso(Date.now() - hour)}&end_date=${iso(Date.now() + hour)}`);
    expect(recent).toEqual(expect.arrayContaining([noise.service_request_id, rejected.service_request_id]));
    expect(await listIds(`?start_date=${iso(Date.now() + hour)}`)).toEqual([]);
    expect(await listIds(`?end_date=${iso(Date.now() - hour)}`)).toEqual([]);
    const cst = encodeURIComponent('2020-01-01T00:00:00+08:00');
    expect(await listIds(`?start_date=${cst}`)).toEqual([]); // start only: the 90 days after it
    const unencoded = iso(Date.now() - hour).replace('Z', '+00:00');
    expect(await listIds(`?start_date=${unencoded}&service_code=noise`)).toContain(noise.service_request_id);

    expect(
      await listIds(`?service_request_id=${noise.service_request_id},YH20000101-NOPE&status=closed`),
    ).toEqual([noise.service_request_id]);
  });

  it('names the level that must act: block (A), township (B), department (C), 快速处置中心 (D)', async () => {
    const a = await created({ service_code: 'sanitation' });
    const b = await created({ service_code: 'roads_traffic' });
    const c = await created({ service_code: 'illegal_construction' });
    const d = await created({ service_code: 'other' });
    expect((await act(d.service_request_id, { action: 'escalate', class: 'D' }, 1)).status).toBe(200);
    const agency = async (id: string) => (await (await get(`/requests/${id}.json`)).json())[0];
    const [ra, rb, rc, rd] = await Promise.all([a, b, c, d].map((x) => agency(x.service_request_id)));
    expect(ra.address.split(', ')[0]).toBe(ra.agency_responsible);
    expect(rb.address.split(', ')[2]).toBe(rb.agency_responsible);
    expect(rb.agency_responsible).toMatch(/街道|镇|乡/);
    expect(rc.agency_responsible).toBe('雨湖区城市管理和综合执法局');
    expect(rd).toMatchObject({
      agency_responsible: '快速处置中心',
      status: 'open',
      status_notes: 'escalated',
    });
  });

  it('escapes XML markup and drops characters XML cannot carry', async () => {
    const description = 'a <b> & "c" \'d\' \u0001 ]]> 井盖';
    const made = await created({ description });
    const xml = await (await get(`/requests/${made.service_request_id}.xml`)).text();
    expect(xml).toContain('a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;');
    expect(fields(parseXml(xml).children[0]).description).toBe(description.replace('\u0001', ''));
  });

  it('answers bad input with the spec error format and stores nothing', async () => {
    const before = (await (await get('/requests.json')).json()).length;
    const marker = `坏请求 ${Math.random()}`;
    const cases: [Record<string, string>, number, string][] = [
      [report({ description: marker, lat: '' }), 400, 'INVALID_COORDINATES'],
      [
        { ...report({ description: marker }), lat: undefined as unknown as string },
        400,
        'INVALID_COORDINATES',
      ],
      [report({ description: marker, lat: 'abc' }), 400, 'INVALID_COORDINATES'],
      [report({ description: marker, lat: '112.88', long: '27.85' }), 400, 'INVALID_COORDINATES'],
      [report({ description: marker, service_code: 'ufo' }), 404, 'NOT_FOUND'],
      [report({ description: marker, lat: '27.9', long: '112.5' }), 422, 'OUTSIDE_DISTRICT'],
      [report({ description: marker, api_key: '' }), 403, 'API_KEY_REQUIRED'],
      [report({ description: ' ' }), 400, 'INVALID_REQUEST'],
      [report({ description: marker, phone: 'call me' }), 400, 'INVALID_REQUEST'],
      [report({ description: marker, media_url: 'http://example.com/a.jpg' }), 400, 'INVALID_REQUEST'],
    ];
    for (const [form, status, code] of cases) {
      const clean = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined));
      await expectError(await post(clean), status, code);
    }
    const missing = report({ description: marker });
    delete (missing as Record<string, string | undefined>).service_code;
    await expectError(await post(missing), 400, 'INVALID_REQUEST');
    const asJson = await stack.app.request('/open311/v2/requests.json', {
      method: 'POST',
      body: JSON.stringify(report({ description: marker })),
      headers: { 'Content-Type': 'application/json' },
    });
    await expectError(asJson, 400, 'INVALID_REQUEST');

    const xml = await post(report({ description: marker, lat: '27.9', long: '112.5' }), 'xml');
    expect(xml.status).toBe(422);
    const errors = parseXml(await xml.text());
    expect(errors.name).toBe('errors');
    expect(fields(errors.children[0])).toMatchObject({
      code: '422',
      description: expect.stringMatching(/^OUTSIDE_DISTRICT: /),
    });

    const after = await (await get('/requests.json')).text();
    expect(after).not.toContain(marker.split(' ')[1]);
    expect(JSON.parse(after)).toHaveLength(before);
  });

  it('answers bad queries and unknown paths in the spec error format', async () => {
    await expectError(await get('/requests.json?status=pending'), 400, 'INVALID_REQUEST');
    await expectError(await get('/requests.json?service_code=ufo'), 400, 'INVALID_REQUEST');
    await expectError(await get('/requests.json?start_date=yesterday'), 400, 'INVALID_REQUEST');
    await expectError(
      await get('/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z'),
      400,
      'DATE_RANGE_TOO_LONG',
    );
    await expectError(
      await get('/requests.json?start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z'),
      400,
      'INVALID_REQUEST',
    );
    await expectError(await get('/requests.html'), 404, 'NOT_FOUND');
    const xml = await get('/nothing-here.xml');
    expect(xml.status).toBe(404);
    expect(parseXml(await xml.text()).name).toBe('errors');
  });
});
