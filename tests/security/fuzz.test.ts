// Issue #9 "Bad input": 10,000 generated hostile bodies spread over every operation of the OpenAPI
// document that takes a body (JSON, the Open311 form, uploads), and hostile query strings and path
// values for every operation without one. No 5xx, every 4xx carries the documented error body, and
// the table is byte-for-byte unchanged afterwards. Then schema-valid planner edits with hostile
// geometry on a draft (after the checksum, since some of them are accepted).
//
// Checksum argument: every generated body is invalid by construction (a typed field of the wrong
// JSON type, a value of a type the body may not have, malformed or truncated JSON, a form with a field
// that cannot pass), so the run asserts zero 2xx answers to non-GET requests and an identical sha256
// of the whole table before and after. GETs may answer 2xx but must not write: the fuzz incidents
// carry no contact (no contact-read audit entry) and none is resolved (no lazy auto-close).
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededStack } from '../helpers/store.js';
import { binaryBodies, type FuzzBody, formBodies, jsonBodies } from './helpers/hostile-bodies.js';
import { type BlockFeature, hostileEdits } from './helpers/hostile-edits.js';
import { pathValue, queryStrings } from './helpers/hostile-queries.js';
import { pct } from './helpers/hostile-values.js';
import {
  BAISHI,
  bodyText,
  CADRE_DATA,
  errorContractProblem,
  pool,
  roleTokens,
  SECURITY_STACK_ENV,
  tableChecksum,
} from './helpers/http.js';
import { documentedOperations, fillPath, type Operation } from './helpers/openapi.js';

/** Bodies in total, shared out evenly over the operations that take one. */
const TOTAL_BODIES = 10_000;
/** Query strings per operation without a body. */
const QUERIES_PER_OPERATION = 100;
/** Requests in flight at once (in-process; the store is the only I/O). */
const WIDTH = 4;

const { operations } = await documentedOperations();
const bodyOps = operations.filter((o) => o.bodyTypes.length > 0);
/** GETs, and writes without a body (publish, discard): hostile query strings and path values. */
const bodilessOps = operations.filter((o) => o.bodyTypes.length === 0);
const seed = fc.readConfigureGlobal().seed ?? 20_261_122;

/** Real values for path parameters, so some requests reach the handlers past the "not found" check. */
const real: Record<string, string> = {
  layer: 'blocks',
  generation: '1',
  z: '14',
  x: '13329',
  file: '6871.mvt',
  service_code: 'noise',
  format: 'json',
  year: '2026',
  month: '11',
};

interface Failure {
  op: string;
  status: number;
  problem: string;
  input: string;
}
const failures = new Map<string, Failure[]>();
const nonGet2xx: string[] = [];
/** Generated bodies actually sent (the issue asks for 10,000 in total). */
let bodiesSent = 0;
let before: Awaited<ReturnType<typeof tableChecksum>>;

let stack: Awaited<ReturnType<typeof createSeededStack>>;
let tokens: Awaited<ReturnType<typeof roleTokens>>;

beforeAll(async () => {
  stack = await createSeededStack(SECURITY_STACK_ENV);
  tokens = await roleTokens(stack.config);
  // Two reports without contact details: their ids make transitions, events and Open311 lookups real.
  for (const [i, category] of ['sanitation', 'disputes'].entries()) {
    const res = await stack.app.request('/api/incidents', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `fuzz-seed-000${i}` },
      body: JSON.stringify({ ...BAISHI, category, description: '模糊测试用的报告' }),
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    real.id ??= created.id;
    real.service_request_id ??= created.id;
    real.token ??= created.receipt;
  }
  before = await tableChecksum(stack.runtime, stack.config.TABLE_NAME);
});
afterAll(() => stack?.cleanup());

/** A stable per-operation seed, so each operation gets its own reproducible sample. */
const seedOf = (key: string) => [...key].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, seed);

/** Half the requests are anonymous, a quarter each carry a dispatcher or an admin token. */
const callerOf = (i: number): Record<string, string> =>
  i % 2 === 0 ? {} : { Authorization: `Bearer ${tokens[i % 4 === 1 ? 'dispatcher' : 'admin']}` };

/** Headers the operation documents (If-Match, Idempotency-Key), with good and bad values. */
function routeHeaders(op: Operation, i: number): Record<string, string> {
  const h: Record<string, string> = {};
  if (op.headerParams.includes('idempotency-key') && i % 3 !== 0)
    h['Idempotency-Key'] = `fuzz-${seedOf(op.key)}-${i}`;
  if (op.headerParams.includes('if-match')) {
    const ifMatch = ['', '"1"', '1', 'W/"1"', '"999999999"', '*', '"x"'][i % 7];
    if (ifMatch) h['If-Match'] = ifMatch;
  }
  return h;
}

async function check(op: Operation, path: string, init: RequestInit, input: string) {
  const res = await stack.app.request(path, init);
  const text = await bodyText(res);
  const problem =
    res.status >= 500
      ? `${res.status}: ${text.slice(0, 300)}`
      : res.status >= 400
        ? errorContractProblem(path, res.status, res.headers.get('Content-Type') ?? '', text)
        : null;
  if (problem) {
    const list = failures.get(op.key) ?? [];
    list.push({ op: op.key, status: res.status, problem, input: input.slice(0, 300) });
    // FUZZ_DUMP=<file> appends every bad answer with its full request, to replay it by hand.
    if (process.env.FUZZ_DUMP) {
      const body = typeof init.body === 'string' ? init.body : null;
      appendFileSync(
        process.env.FUZZ_DUMP,
        `${JSON.stringify({ path, init: { ...init, body }, status: res.status, text })}\n`,
      );
    }
    failures.set(op.key, list);
  }
  if (op.method !== 'GET' && res.status < 300)
    nonGet2xx.push(`${op.key} ${res.status} ← ${input.slice(0, 200)}`);
  return { status: res.status, text };
}

function expectClean(op: Operation) {
  const list = failures.get(op.key) ?? [];
  const summary = list
    .slice(0, 5)
    .map((f) => `  ${f.status} ${f.problem}\n    input: ${JSON.stringify(f.input)}`)
    .join('\n');
  expect(list.length, `${op.key}: ${list.length} bad answers, e.g.\n${summary}`).toBe(0);
}

function bodiesFor(op: Operation): fc.Arbitrary<FuzzBody> {
  if (op.jsonSchema) return jsonBodies(op.jsonSchema, op.bodyRequired);
  if (op.formSchema) return formBodies(op.formSchema);
  return binaryBodies(op.bodyTypes);
}

describe(`${TOTAL_BODIES} hostile bodies over ${bodyOps.length} operations`, () => {
  it.each(bodyOps.map((op, i) => ({ op, i })))('$op.key', async ({ op, i }) => {
    const share = Math.floor(TOTAL_BODIES / bodyOps.length) + (i < TOTAL_BODIES % bodyOps.length ? 1 : 0);
    const bodies = fc.sample(bodiesFor(op), { numRuns: share, seed: seedOf(op.key) });
    const paths = fc.sample(
      fc.record(Object.fromEntries(op.pathParams.map((p) => [p, pathValue(real[p])]))),
      {
        numRuns: share,
        seed: seedOf(op.key) + 1,
      },
    );
    await pool(bodies, WIDTH, async (body, n) => {
      const path = fillPath(op.path, paths[n] as Record<string, string>, pct);
      const headers = {
        ...callerOf(n),
        ...routeHeaders(op, n),
        ...(body.contentType ? { 'Content-Type': body.contentType } : {}),
      };
      const input = `${path} [${body.kind}] ${typeof body.text === 'string' ? body.text : `<${body.text.length} bytes>`}`;
      bodiesSent++;
      await check(op, path, { method: op.method, headers, body: body.text as BodyInit }, input);
    });
    expectClean(op);
  });

  const form = bodyOps.find((o) => o.key === 'POST /open311/v2/requests.json');
  it.skipIf(!form)(
    `includes the Open311 form POST /open311/v2/requests.json${form ? '' : ' (SKIPPED: not in the OpenAPI document yet)'}`,
    () => {
      expect(form?.formSchema?.properties).toHaveProperty('service_code');
    },
  );
});

describe(`hostile query strings and path values for ${bodilessOps.length} operations without a body`, () => {
  it.each(bodilessOps)('$key', async (op) => {
    const queries = fc.sample(queryStrings(op.queryParams), {
      numRuns: QUERIES_PER_OPERATION,
      seed: seedOf(op.key),
    });
    const paths = fc.sample(
      fc.record(Object.fromEntries(op.pathParams.map((p) => [p, pathValue(real[p])]))),
      {
        numRuns: QUERIES_PER_OPERATION,
        seed: seedOf(op.key) + 1,
      },
    );
    await pool(queries, WIDTH, async (query, n) => {
      const path = fillPath(op.path, paths[n] as Record<string, string>, pct);
      const url = query ? `${path}?${query}` : path;
      await check(op, url, { method: op.method, headers: { ...callerOf(n), ...routeHeaders(op, n) } }, url);
    });
    expectClean(op);
  });
});

describe('the checksum', () => {
  it(`sent ${TOTAL_BODIES} bodies, and no refused request changed the table`, async () => {
    expect(bodiesSent).toBe(TOTAL_BODIES);
    expect(nonGet2xx, 'generated bodies are invalid by construction: none may be accepted').toEqual([]);
    const after = await tableChecksum(stack.runtime, stack.config.TABLE_NAME);
    expect(after).toEqual(before);
  });
});

/** Well-formed edits with hostile geometry, sent one after the other to one draft. */
const EDITS = 24;
const editOp = operations.find((o) => o.key === 'POST /api/generations/{g}/edits');

// After the checksum: these edits pass the schema, so some are accepted and change the draft.
describe('planner edits with hostile geometry on a draft', () => {
  it.skipIf(!editOp)(
    `${EDITS} schema-valid edits get no 5xx, and the edited draft still publishes`,
    async () => {
      const op = editOp!;
      const auth = { Authorization: `Bearer ${tokens.planner}`, 'Content-Type': 'application/json' };
      const created = await stack.app.request('/api/generations', {
        method: 'POST',
        headers: auth,
        body: '{}',
      });
      expect(created.status).toBe(201);
      const { generation: g, version: first } = await created.json();
      const blocks = (await (await stack.app.request('/api/blocks')).json()).features as BlockFeature[];
      const edits = fc.sample(
        hostileEdits(
          blocks,
          CADRE_DATA.cadres.map((c) => c.id),
        ),
        { numRuns: EDITS, seed: seedOf(op.key) },
      );
      let version = first as number;
      const answers = new Map<number, number>();
      for (const edit of edits) {
        const path = `/api/generations/${g}/edits`;
        const body = JSON.stringify(edit);
        nonGet2xx.length = 0; // accepted edits are expected here
        const { status, text } = await check(
          op,
          path,
          { method: 'POST', headers: { ...auth, 'If-Match': `"${version}"` }, body },
          `${path} ${body}`,
        );
        answers.set(status, (answers.get(status) ?? 0) + 1);
        if (status === 200) version = JSON.parse(text).version;
      }
      expectClean(op);
      expect(answers.get(422), `answers: ${JSON.stringify([...answers])}`).toBeGreaterThan(0);
      // Every accepted edit was checked on its own, so the whole draft must pass publish validation.
      const published = await stack.app.request(`/api/generations/${g}/publish`, {
        method: 'POST',
        headers: { ...auth, 'If-Match': `"${version}"` },
      });
      expect(
        published.status,
        `after ${answers.get(200) ?? 0} accepted edits: ${await published.text()}`,
      ).toBe(200);
    },
    120_000,
  );
});
