// Bounded reader and reporter clients for the publish test: each loops over the boundary routes and
// reports at changed blocks, one request at a time, and records what every answer said.
import { createHash } from 'node:crypto';
import { backoffMs } from './load.js';

type Pt = [number, number];

export type Route =
  | 'GET /api/locate'
  | 'POST /api/locate'
  | 'GET /api/blocks'
  | 'GET /api/blocks/:id'
  | 'POST /api/incidents'
  | 'GET /api/generations/current'
  | 'GET /api/blocks?generation=<draft> (planner)';

export interface Answer {
  client: number;
  route: Route;
  /** Date.now() when the request was sent */
  at: number;
  ms: number;
  status: number | 'timeout' | 'network';
  points?: Pt[];
  blockId?: string;
  /** If-None-Match sent */
  sentEtag?: string;
  etag?: string;
  /** sha256 of a /api/blocks body (the text is kept once per distinct body) */
  bodyHash?: string;
  replayed?: boolean;
  /** the body parts the checks need (JSON answers) */
  body?: Record<string, unknown>;
}

export interface ReaderOptions {
  url: string;
  clients: number;
  /** pause after each request, uniform 0..thinkMs */
  thinkMs: number;
  changed: readonly Pt[];
  elsewhere: readonly Pt[];
  /** ids for GET /api/blocks/:id; the spec adds the split's new ids once it knows them */
  detailIds: string[];
  batchSize: number;
  runId: string;
  stop: () => boolean;
  /** where answers go as they complete (the caller can watch progress) */
  sink?: Answer[];
}

// Reports are few (~5 % of requests): every one lands in a changed block, and publishing moves each
// open one to its new block one at a time (hundreds would keep the publish request busy for minutes).
const WEIGHTS: [Route, number][] = [
  ['GET /api/locate', 38],
  ['POST /api/locate', 15],
  ['GET /api/blocks', 8],
  ['GET /api/blocks/:id', 19],
  ['POST /api/incidents', 5],
  ['GET /api/generations/current', 15],
];
const TOTAL = WEIGHTS.reduce((s, [, w]) => s + w, 0);
const CATEGORIES = ['sanitation', 'municipal_facilities', 'roads_traffic', 'noise', 'other'] as const;
const TIMEOUT_MS = 15_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];
export const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

function pickRoute(): Route {
  let x = Math.random() * TOTAL;
  for (const [route, w] of WEIGHTS) {
    x -= w;
    if (x < 0) return route;
  }
  return WEIGHTS[0][0];
}

/** Distinct /api/blocks bodies by hash: a mixed body would show up as a third one. */
export const blockBodies = new Map<string, string>();

/** One request; never throws. JSON bodies are kept (except /api/blocks, hashed). */
export async function request(
  url: string,
  init: RequestInit & { route: Route; client: number },
  record: Partial<Answer> = {},
): Promise<Answer> {
  const at = Date.now();
  const started = performance.now();
  const answer: Answer = { client: init.client, route: init.route, at, ms: 0, status: 'network', ...record };
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    answer.status = res.status;
    answer.etag = res.headers.get('ETag') ?? undefined;
    answer.replayed = res.headers.get('Idempotent-Replayed') === 'true';
    const text = res.status === 304 ? '' : await res.text();
    if (init.route.startsWith('GET /api/blocks') && !init.route.includes(':id') && res.status === 200) {
      answer.bodyHash = sha256(text);
      if (!blockBodies.has(answer.bodyHash)) blockBodies.set(answer.bodyHash, text);
    } else if (text) {
      answer.body = JSON.parse(text) as Record<string, unknown>;
    }
  } catch (err) {
    const name = (err as Error).name;
    answer.status = name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network';
  }
  answer.ms = performance.now() - started;
  return answer;
}

async function reader(o: ReaderOptions, c: number, answers: Answer[]) {
  let etag: string | undefined;
  let reports = 0;
  const json = { 'Content-Type': 'application/json' };
  while (!o.stop()) {
    const route = pickRoute();
    const base = { route, client: c };
    if (route === 'GET /api/locate') {
      const p = Math.random() < 0.5 ? pick(o.changed) : pick(o.elsewhere);
      answers.push(await request(`${o.url}/api/locate?lon=${p[0]}&lat=${p[1]}`, base, { points: [p] }));
    } else if (route === 'POST /api/locate') {
      const points = Array.from({ length: o.batchSize }, (_, i) =>
        i % 2 ? pick(o.changed) : pick(o.elsewhere),
      );
      const init = { ...base, method: 'POST', headers: json, body: JSON.stringify({ points }) };
      answers.push(await request(`${o.url}/api/locate`, init, { points }));
    } else if (route === 'GET /api/blocks') {
      // Mostly conditional, as browsers and CDNs ask: a 304 is an answer for the generation of the ETag sent.
      const sent = Math.random() < 0.7 ? etag : undefined;
      const headers: Record<string, string> = sent ? { 'If-None-Match': sent } : {};
      const init = { ...base, headers };
      const a = await request(`${o.url}/api/blocks`, init, { sentEtag: sent });
      if (a.status === 200) etag = a.etag;
      answers.push(a);
    } else if (route === 'GET /api/blocks/:id') {
      const id = pick(o.detailIds);
      answers.push(await request(`${o.url}/api/blocks/${id}`, base, { blockId: id }));
    } else if (route === 'POST /api/incidents') {
      const p = pick(o.changed);
      const key = `pub-${o.runId}-${c}-${reports}-${crypto.randomUUID()}`;
      const body = JSON.stringify({
        lon: p[0],
        lat: p[1],
        category: CATEGORIES[reports % CATEGORIES.length],
        description: `发布可靠性测试 ${o.runId}-${c}-${reports++}`,
      });
      const headers = { ...json, 'Idempotency-Key': key, 'X-Forwarded-For': `10.8.${c >> 8}.${c & 255}` };
      // The same key and body again on a 5xx or no answer, as a resident's app would.
      for (let attempt = 0; attempt < 4; attempt++) {
        const a = await request(
          `${o.url}/api/incidents`,
          { ...base, method: 'POST', headers, body },
          { points: [p] },
        );
        answers.push(a);
        if (typeof a.status === 'number' && a.status < 500) break;
        await sleep(backoffMs(attempt, null, 2_000));
      }
    } else {
      answers.push(await request(`${o.url}/api/generations/current`, base));
    }
    await sleep(Math.random() * o.thinkMs);
  }
}

/** Runs every client until `stop()`; answers are in the order they completed. */
export async function runReaders(o: ReaderOptions): Promise<Answer[]> {
  const answers: Answer[] = o.sink ?? [];
  await Promise.all(Array.from({ length: o.clients }, (_, c) => reader(o, c, answers)));
  return answers;
}

/** A planner previewing the draft (as the web editor does) until `stop()`: the draft may turn into the generation mid-read. */
export async function previewDraft(
  url: string,
  token: string,
  draft: () => number | undefined,
  stop: () => boolean,
): Promise<Answer[]> {
  const answers: Answer[] = [];
  const route = 'GET /api/blocks?generation=<draft> (planner)' as const;
  while (!stop()) {
    const g = draft();
    if (g === undefined) {
      await sleep(50);
      continue;
    }
    const init = { route, client: -1, headers: { Authorization: `Bearer ${token}` } };
    answers.push(await request(`${url}/api/blocks?generation=${g}`, init));
    await sleep(100);
  }
  return answers;
}
