// Issue #9 "Access": every documented operation × every caller against PERMISSIONS (cell by cell),
// refused tokens, and the scope checks behind the guard (another block's cadre, another department,
// another township's dispatcher).
import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../core/auth/permissions.js';
import { issueToken } from '../../functions/http/auth.js';
import { createSeededStack } from '../helpers/store.js';
import {
  authHeader,
  BAISHI,
  bodyText,
  CADRE_DATA,
  CALLERS,
  roleTokens,
  SECURITY_STACK_ENV,
} from './helpers/http.js';
import { documentedOperations, fillPath } from './helpers/openapi.js';
import { type Ctx, ROUTE_ACTIONS } from './helpers/route-actions.js';

const { operations } = await documentedOperations();

let stack: Awaited<ReturnType<typeof createSeededStack>>;
let tokens: Awaited<ReturnType<typeof roleTokens>>;
const ctx = {} as Ctx;

/** A fresh anonymous report at 白石; returns its id, receipt and block. */
async function report(category = 'sanitation') {
  const res = await stack.app.request('/api/incidents', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ ...BAISHI, category, description: '访问控制测试' }),
  });
  expect(res.status).toBe(201);
  const body = await res.json();
  return { id: body.id as string, receipt: body.receipt as string, blockId: body.block.id as string };
}

const act = (id: string, body: unknown, version: number, token?: string) =>
  stack.app.request(`/api/incidents/${id}/transitions`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'If-Match': `"${version}"`,
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  stack = await createSeededStack(SECURITY_STACK_ENV);
  tokens = await roleTokens(stack.config);
  const first = await report();
  ctx.incidentId = first.id;
  ctx.blockId = first.blockId;
});
afterAll(() => stack?.cleanup());

/** The stable error code of a refusal, from either error format. */
function errorCode(path: string, text: string): string | undefined {
  try {
    const body = JSON.parse(text);
    if (path.startsWith('/open311/') && Array.isArray(body))
      return String(body[0]?.description).split(':')[0];
    return body?.error?.code;
  } catch {
    return /<description>([A-Z_]+):/.exec(text)?.[1];
  }
}

describe('the route × role matrix', () => {
  it('has an entry for every documented operation (add new routes to ROUTE_ACTIONS)', () => {
    const documented = operations.map((o) => o.key);
    const missing = documented.filter((k) => !(k in ROUTE_ACTIONS));
    expect(missing, 'add these operations to ROUTE_ACTIONS with the action their route requires').toEqual([]);
    const stale = Object.keys(ROUTE_ACTIONS).filter((k) => !documented.includes(k));
    expect(stale, 'these ROUTE_ACTIONS entries name no documented operation').toEqual([]);
  });

  const cells = operations
    .filter((o) => o.key in ROUTE_ACTIONS)
    .flatMap((op) => CALLERS.map((caller) => ({ key: op.key, op, caller })));
  it.each(cells)('$key as $caller', async ({ op, caller }) => {
    const { action, sample } = ROUTE_ACTIONS[op.key];
    const s = sample(ctx, caller);
    const path = fillPath(op.path, s.params ?? {});
    const res = await stack.app.request(s.query ? `${path}?${s.query}` : path, {
      method: op.method,
      headers: {
        ...authHeader(tokens, caller),
        ...(s.contentType ? { 'Content-Type': s.contentType } : {}),
        ...s.headers,
      },
      body: s.body,
    });
    const text = await bodyText(res);
    const rule = action ? PERMISSIONS[action] : null;
    const allowed =
      !rule || (caller === 'anonymous' ? rule.anonymous : (rule.roles as readonly string[]).includes(caller));
    if (allowed) {
      expect([401, 403], `${action ?? 'open route'} allows ${caller}: ${text.slice(0, 200)}`).not.toContain(
        res.status,
      );
      expect(res.status, text.slice(0, 300)).toBeLessThan(500);
    } else {
      const want = caller === 'anonymous' ? 401 : 403;
      expect(res.status, `${action} refuses ${caller}: ${text.slice(0, 200)}`).toBe(want);
      expect(errorCode(path, text)).toBe(want === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
  });
});

describe('refused tokens', () => {
  const secret = () => new TextEncoder().encode(stack.config.authSecret);
  const claims = () =>
    new SignJWT({ role: 'admin' })
      .setSubject('attacker')
      .setIssuer(stack.config.AUTH_ISSUER)
      .setAudience(stack.config.AUTH_AUDIENCE)
      .setIssuedAt();
  const cases: [string, () => Promise<string>][] = [
    [
      'expired',
      () =>
        claims()
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
          .sign(secret()),
    ],
    [
      'wrongly signed',
      () =>
        claims()
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode('not-the-secret-'.repeat(4))),
    ],
    [
      'alg none',
      async () =>
        new UnsecuredJWT({ role: 'admin' })
          .setSubject('attacker')
          .setIssuer(stack.config.AUTH_ISSUER)
          .setAudience(stack.config.AUTH_AUDIENCE)
          .setExpirationTime('1h')
          .encode(),
    ],
    [
      'wrong issuer',
      () =>
        claims()
          .setIssuer('https://evil.example')
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime('1h')
          .sign(secret()),
    ],
    [
      'wrong audience',
      () =>
        claims()
          .setAudience('another-service')
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime('1h')
          .sign(secret()),
    ],
    [
      'HS512 (algorithm not allowed)',
      () => claims().setProtectedHeader({ alg: 'HS512' }).setExpirationTime('1h').sign(secret()),
    ],
    [
      'RS256 from an unknown key',
      async () => {
        const { privateKey } = await generateKeyPair('RS256');
        return claims().setProtectedHeader({ alg: 'RS256' }).setExpirationTime('1h').sign(privateKey);
      },
    ],
    [
      'not yet valid (nbf in an hour)',
      () =>
        claims()
          .setProtectedHeader({ alg: 'HS256' })
          .setNotBefore('1h')
          .setExpirationTime('2h')
          .sign(secret()),
    ],
    [
      'an unknown role',
      () =>
        new SignJWT({ role: 'superuser' })
          .setSubject('attacker')
          .setIssuer(stack.config.AUTH_ISSUER)
          .setAudience(stack.config.AUTH_AUDIENCE)
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime('1h')
          .sign(secret()),
    ],
    ['garbage', async () => 'not.a.jwt'],
  ];
  const where = ['/api/hotspots', '/api/incidents?limit=1', '/open311/v2/requests.json'];
  it.each(cases.flatMap(([name, make]) => where.map((path) => ({ name, make, path }))))(
    '$name → 401 on $path',
    async ({ make, path }) => {
      const res = await stack.app.request(path, { headers: { Authorization: `Bearer ${await make()}` } });
      const text = await res.text();
      // A bad token is refused even where anonymous callers are welcome: it never downgrades to anonymous.
      expect(res.status, text.slice(0, 200)).toBe(401);
      expect(errorCode(path, text)).toBe('UNAUTHENTICATED');
    },
  );

  it.each(['Basic YWRtaW46YWRtaW4=', 'Bearer', 'Bearer a b', 'bearer  '])(
    'a malformed Authorization header (%s) → 401',
    async (header) => {
      const res = await stack.app.request('/api/hotspots', { headers: { Authorization: header } });
      expect(res.status).toBe(401);
    },
  );
});

describe('scope behind the guard', () => {
  const governorOf = (blockId: string) => CADRE_DATA.assignments.find((a) => a.block_id === blockId)!;

  it('a cadre of another block cannot act on the incident (403); the block’s own governor can', async () => {
    const { id, blockId } = await report();
    const own = governorOf(blockId);
    const ownIds = new Set([own.governor, own.supervisor, ...own.assistants]);
    const other = CADRE_DATA.assignments.find(
      (a) =>
        a.block_id !== blockId && ![a.governor, a.supervisor, ...a.assistants].some((c) => ownIds.has(c)),
    )!;
    const stranger = await issueToken(stack.config, { sub: other.governor, role: 'cadre' });
    const refused = await act(id, { action: 'accept' }, 1, stranger);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatchObject({ code: 'FORBIDDEN', details: { block_id: blockId } });
    const governor = await issueToken(stack.config, { sub: own.governor, role: 'cadre' });
    expect((await act(id, { action: 'accept' }, 1, governor)).status).toBe(200);
  });

  it('a department cannot act on work escalated to another department (403); the right one can', async () => {
    const { id } = await report('sanitation');
    const escalated = await act(id, { action: 'escalate', class: 'C' }, 1, tokens.dispatcher);
    expect(escalated.status).toBe(200);
    expect((await escalated.json()).incident.escalated_to).toBe('department:urban_management');
    const housing = await issueToken(stack.config, {
      sub: 'dept-h',
      role: 'department',
      department: 'housing',
    });
    const refused = await act(id, { action: 'accept' }, 2, housing);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('FORBIDDEN');
    expect((await act(id, { action: 'accept' }, 2, tokens.department)).status).toBe(200);
  });

  it('a township dispatcher cannot act on or list another township (403)', async () => {
    const { id } = await report();
    const elsewhere = await issueToken(stack.config, {
      sub: 'disp-t',
      role: 'dispatcher',
      township: '430302001',
    });
    expect((await act(id, { action: 'accept' }, 1, elsewhere)).status).toBe(403);
    const listed = await stack.app.request('/api/incidents?township=430302006', {
      headers: { Authorization: `Bearer ${elsewhere}` },
    });
    expect(listed.status).toBe(403);
  });

  it('a signed-in resident who did not report it gets 403; an anonymous caller without the receipt 401', async () => {
    const { id } = await report();
    expect((await act(id, { action: 'reopen', note: '还没修好' }, 1, tokens.resident)).status).toBe(403);
    expect((await act(id, { action: 'reopen', note: '还没修好' }, 1)).status).toBe(401);
    const wrong = await act(id, { action: 'reopen', note: '还没修好', receipt: 'A'.repeat(24) }, 1);
    expect(wrong.status).toBe(401);
  });

  it('assignee=me is a cadre’s queue only (anonymous 401, dispatcher 403)', async () => {
    expect((await stack.app.request('/api/incidents?assignee=me')).status).toBe(401);
    const res = await stack.app.request('/api/incidents?assignee=me', {
      headers: { Authorization: `Bearer ${tokens.dispatcher}` },
    });
    expect(res.status).toBe(403);
  });
});
