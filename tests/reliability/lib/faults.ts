// Fault injection with probes: while the store is down, GET /api/health and POST /api/incidents
// must answer 503 with Retry-After, fast (within the configured store timeout plus a margin).
import { postReport } from './load.js';
import type { ReliabilityStack } from './stack.js';

export interface ProbeResult {
  kind: 'health' | 'post';
  status: number | 'timeout' | 'network';
  retryAfter: string | null;
  ms: number;
  key?: string;
  token?: string;
  detail?: string;
}

export interface FaultRecord {
  name: string;
  /** ms since the load started */
  at: number;
  /** wall clock, to line the fault up with the API log */
  startedAt: string;
  /** time to stop the old process, time down (probing), time to start the new one */
  stopMs: number;
  downMs: number;
  startMs: number;
  probes: ProbeResult[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function probeHealth(url: string, timeoutMs: number): Promise<ProbeResult> {
  const started = performance.now();
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return {
      kind: 'health',
      status: res.status,
      retryAfter: res.headers.get('Retry-After'),
      ms: performance.now() - started,
    };
  } catch (err) {
    const timeout = (err as Error).name === 'TimeoutError';
    return {
      kind: 'health',
      status: timeout ? 'timeout' : 'network',
      retryAfter: null,
      ms: performance.now() - started,
      detail: (err as Error).message,
    };
  }
}

/** Probes health and a report (never retried) every `everyMs` until `until()` says stop. */
async function probeWhile(
  url: string,
  runId: string,
  label: string,
  timeoutMs: number,
  everyMs: number,
  until: () => boolean,
): Promise<ProbeResult[]> {
  const out: ProbeResult[] = [];
  for (let n = 0; !until(); n++) {
    const token = `rl-${runId}probe${label}-0-${n}`;
    const key = `${runId}-probe-${label}-${n}-${crypto.randomUUID()}`;
    const body = {
      lon: 112.883623,
      lat: 27.855486,
      category: 'sanitation',
      description: `停库探测 ${token}`,
    };
    const [health, post] = await Promise.all([
      probeHealth(url, timeoutMs),
      postReport(url, key, body, timeoutMs),
    ]);
    out.push(health, {
      kind: 'post',
      status: post.outcome,
      retryAfter: post.retryAfter,
      ms: post.ms,
      key,
      token,
      detail: post.detail,
    });
    await sleep(everyMs);
  }
  return out;
}

/** Stops the store, keeps it down for `downMs` while probing the API, starts it again (same port, same files). */
export async function storeOutage(
  stack: ReliabilityStack,
  o: { name: string; at: number; downMs: number; probeTimeoutMs: number; runId: string },
): Promise<FaultRecord> {
  const startedAt = new Date().toISOString();
  let t = performance.now();
  await stack.stopStore();
  const stopMs = performance.now() - t;
  t = performance.now();
  const probes = await probeWhile(
    stack.apiUrl,
    o.runId,
    o.name.replace(/\W/g, ''),
    o.probeTimeoutMs,
    250,
    () => performance.now() - t >= o.downMs,
  );
  const downMs = performance.now() - t;
  t = performance.now();
  await stack.startStore();
  return { name: o.name, at: o.at, startedAt, stopMs, downMs, startMs: performance.now() - t, probes };
}

/** Kills the API process mid-load and starts a new one on the same port. */
export async function apiRestart(
  stack: ReliabilityStack,
  o: { name: string; at: number },
): Promise<FaultRecord> {
  const startedAt = new Date().toISOString();
  const t = performance.now();
  await stack.restartApi();
  return {
    name: o.name,
    at: o.at,
    startedAt,
    stopMs: 0,
    downMs: performance.now() - t,
    startMs: 0,
    probes: [],
  };
}
