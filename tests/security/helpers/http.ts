// Shared by the security suites: callers and their tokens, the error-body contract, a checksum of the
// whole table, and a small concurrency pool for in-process requests.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../../../core/auth/principal.js';
import type { Config } from '../../../functions/config.js';
import { issueToken } from '../../../functions/http/auth.js';
import type { Runtime } from '../../../functions/runtime.js';

/**
 * Env of the suites' own tables: no rate limit (thousands of anonymous requests come from one address;
 * the limiter has its own tests) and a generous store timeout (the suites run beside others on 2 cores).
 */
export const SECURITY_STACK_ENV = {
  RATE_LIMIT_IP: 'off',
  RATE_LIMIT_RECEIPT: 'off',
  STORE_TIMEOUT_MS: '20000',
};

/** Who calls: the anonymous resident and every role. */
export const CALLERS = [
  'anonymous',
  'resident',
  'cadre',
  'dispatcher',
  'department',
  'planner',
  'admin',
] as const;
export type Caller = (typeof CALLERS)[number];

/** Seeded assignments and cadres (synthetic, data/geojson/cadres.json). */
export const CADRE_DATA = JSON.parse(readFileSync('data/geojson/cadres.json', 'utf8')) as {
  cadres: { id: string; phone: string }[];
  assignments: { block_id: string; governor: string; assistants: string[]; supervisor: string }[];
};

/** A point in 白石社区 (block YH-430302006104-xx), inside the district. */
export const BAISHI = { lon: 112.883623, lat: 27.855486 };

/** One district-wide token per role (the cadre is a real governor, the department is urban_management). */
export async function roleTokens(config: Config, cadreId = CADRE_DATA.assignments[0].governor) {
  const claims: Record<Role, Parameters<typeof issueToken>[1]> = {
    resident: { sub: 'sec-resident', role: 'resident' },
    cadre: { sub: cadreId, role: 'cadre' },
    dispatcher: { sub: 'sec-dispatcher', role: 'dispatcher' },
    department: { sub: 'sec-department', role: 'department', department: 'urban_management' },
    planner: { sub: 'sec-planner', role: 'planner' },
    admin: { sub: 'sec-admin', role: 'admin' },
  };
  const out = {} as Record<Role, string>;
  for (const [role, c] of Object.entries(claims)) out[role as Role] = await issueToken(config, c);
  return out;
}

/** `Authorization` header for a caller (none for anonymous). */
export const authHeader = (tokens: Record<Role, string>, caller: Caller): Record<string, string> =>
  caller === 'anonymous' ? {} : { Authorization: `Bearer ${tokens[caller]}` };

/**
 * Why an error response breaks the contract, or null when it keeps it. `/api` answers
 * `{ error: { code, message } }`; Open311 answers its spec's list `[{ code: <status>, description }]`
 * (XML: `<errors><error><code/><description/></error></errors>`), see docs/open311.md "Errors".
 */
export function errorContractProblem(path: string, status: number, contentType: string, text: string) {
  // docs/open311.md: refusals by the app's middleware (token, body size, rate limit) may use the API body.
  const middleware = [401, 413, 429].includes(status) && /^application\/json/.test(contentType);
  if (path.startsWith('/open311/') && !(middleware && text.startsWith('{'))) {
    if (/xml/i.test(contentType)) {
      const ok =
        /<errors>/.test(text) && text.includes(`<code>${status}</code>`) && /<description>[^<]+/.test(text);
      return ok ? null : `not an Open311 XML error list: ${text.slice(0, 200)}`;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return `not JSON (${contentType}): ${text.slice(0, 200)}`;
    }
    const first = Array.isArray(body) ? (body[0] as { code?: unknown; description?: unknown }) : undefined;
    return first && first.code === status && typeof first.description === 'string' && first.description
      ? null
      : `not an Open311 error list [{ code: ${status}, description }]: ${text.slice(0, 200)}`;
  }
  let body: { error?: { code?: unknown; message?: unknown } };
  try {
    body = JSON.parse(text);
  } catch {
    return `not JSON (${contentType || 'no content type'}): ${text.slice(0, 200)}`;
  }
  const e = body?.error;
  return e && typeof e.code === 'string' && e.code && typeof e.message === 'string' && e.message
    ? null
    : `not { error: { code, message } }: ${text.slice(0, 200)}`;
}

/** JSON with object keys sorted, Sets as sorted arrays and binary as base64, for hashing. */
function canonical(v: unknown): unknown {
  if (v instanceof Set) return [...v].map(canonical).sort();
  if (v instanceof Uint8Array) return { $binary: Buffer.from(v).toString('base64') };
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, canonical(o[k])]),
    );
  }
  return v;
}

/** sha256 over every item of the table, sorted by pk/sk: identical iff nothing was written. */
export async function tableChecksum(runtime: Runtime, table: string) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await runtime.clients.doc.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  const key = (i: Record<string, unknown>) => `${i.pk}\u0000${i.sk}`;
  items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const hash = createHash('sha256');
  for (const item of items) hash.update(JSON.stringify(canonical(item))).update('\n');
  return { items: items.length, sha256: hash.digest('hex') };
}

/** Runs `fn` over `inputs` with at most `width` in flight (in-process requests interleave their store I/O). */
export async function pool<T, R>(
  inputs: readonly T[],
  width: number,
  fn: (input: T, i: number) => Promise<R>,
) {
  const out = new Array<R>(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const i = next++;
      out[i] = await fn(inputs[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, inputs.length) }, worker));
  return out;
}

/** Reads a response body as text, except streams (SSE), which are cancelled unread. */
export async function bodyText(res: Response): Promise<string> {
  if ((res.headers.get('Content-Type') ?? '').includes('text/event-stream')) {
    await res.body?.cancel();
    return '';
  }
  return res.text();
}
